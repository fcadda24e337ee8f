// GuardDuty's FindingCriteria for ListFindings: per finding attribute a condition (eq, neq, gt, gte,
// lt, lte and their long names), over the attributes collectors filter on.
import { SimError } from "../../service.js";

export interface FindingAttributes {
  id: string;
  type: string;
  severity: number;
  archived: boolean;
  resourceType: string;
}

const attributeOf: Record<string, (f: FindingAttributes) => string | number> = {
  id: (f) => f.id,
  type: (f) => f.type,
  severity: (f) => f.severity,
  "service.archived": (f) => String(f.archived),
  "resource.resourceType": (f) => f.resourceType,
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);
const number = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

function satisfies(actual: string | number, condition: Record<string, unknown>): boolean {
  const equal = strings(condition.eq) ?? strings(condition.equals);
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

/** Whether a finding meets `findingCriteria` (a request's raw JSON); no criteria match every finding. */
export function meetsCriteria(finding: FindingAttributes, findingCriteria: unknown): boolean {
  const criterion = isRecord(findingCriteria) && isRecord(findingCriteria.criterion) ? findingCriteria.criterion : {};
  return Object.entries(criterion).every(([field, condition]) => {
    const read = attributeOf[field];
    if (!read) throw new SimError("BadRequestException", `The simulated GuardDuty filters findings on ${Object.keys(attributeOf).join(", ")}, not ${field}`, 400);
    return isRecord(condition) && satisfies(read(finding), condition);
  });
}
