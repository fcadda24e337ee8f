// The FindingCriteria of GuardDuty's and Macie's ListFindings: per finding attribute a condition (eq,
// neq, gt, gte, lt, lte and their long names), over the attributes collectors filter on.
import { SimError } from "../../service.js";

/** A finding's filterable attributes by the names the criteria use ("severity", "service.archived"…). */
export type FindingAttributes = Readonly<Record<string, string | number>>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);
const number = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

function satisfies(actual: string | number, condition: Record<string, unknown>): boolean {
  const equal = strings(condition.eq) ?? strings(condition.equals) ?? strings(condition.eqExactMatch);
  const notEqual = strings(condition.neq) ?? strings(condition.notEquals);
  const bounds: [number | undefined, (a: number, b: number) => boolean][] = [
    [number(condition.gt) ?? number(condition.greaterThan), (a, b) => a > b],
    [number(condition.gte) ?? number(condition.greaterThanOrEqual), (a, b) => a >= b],
    [number(condition.lt) ?? number(condition.lessThan), (a, b) => a < b],
    [number(condition.lte) ?? number(condition.lessThanOrEqual), (a, b) => a <= b],
  ];
  if (equal && !equal.includes(String(actual))) return false;
  if (notEqual?.includes(String(actual))) return false;
  return bounds.every(([bound, test]) => bound === undefined || (typeof actual === "number" && test(actual, bound)));
}

/**
 * The predicate a request's raw `findingCriteria` asks for (no criteria: every finding). A field not in
 * `fields`, the attributes the simulated `service` filters on, is a BadRequestException naming them.
 */
export function findingFilter(fields: readonly string[], findingCriteria: unknown, service: string): (finding: FindingAttributes) => boolean {
  const criterion = isRecord(findingCriteria) && isRecord(findingCriteria.criterion) ? findingCriteria.criterion : {};
  const unknown = Object.keys(criterion).find((field) => !fields.includes(field));
  if (unknown !== undefined) throw new SimError("BadRequestException", `The simulated ${service} filters findings on ${fields.join(", ")}, not ${unknown}`, 400);
  return (finding) =>
    Object.entries(criterion).every(([field, condition]) => {
      const actual = finding[field];
      return actual !== undefined && isRecord(condition) && satisfies(actual, condition);
    });
}
