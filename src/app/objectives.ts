// Information security objectives (6.2) and their measurements (9.1): the register, measurements
// recorded by hand or taken from an AWS check's pass rate at each collection, and the trend.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { isoDay } from "../domain/risk/calendar.js";
import { inactiveObjectiveStatuses } from "../readiness/vocabulary.js";
import type { Db, Tx } from "../store/open.js";
import { measurements, objectives, people } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { addEntry, editEntry, nextId, removeEntry, type WriteContext } from "./entries.js";
import { loadPersonDirectory } from "./people.js";
import { compareIds } from "./registers.js";
import type { Workspace } from "./workspaces.js";

export type Objective = Omit<typeof objectives.$inferSelect, "workspaceId">;
export type Measurement = Omit<typeof measurements.$inferSelect, "workspaceId">;

export const objectiveStatuses = ["planned", "active", "achieved", "not-achieved", "cancelled", "retired", "closed"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "is not a date; write it as YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(d)), "is not a calendar day");
const text = (max: number) => z.string().trim().max(max).nullable();

/** What a person may set on an objective; the bound check is set by `bindObjective`. */
export const objectiveInput = z
  .object({
    title: z.string().trim().min(1, "is empty; an objective needs a title").max(300),
    description: text(4000),
    measure: text(1000),
    target: text(300),
    owner: z.string().nullable(),
    dueDate: day.nullable(),
    status: z.enum(objectiveStatuses),
    method: text(1000),
    frequency: text(100),
    targetValue: z.number().finite().nullable(),
    unit: text(20),
  })
  .partial();
export type ObjectiveInput = z.input<typeof objectiveInput>;

export const measurementInput = z.object({
  value: z.number().finite(),
  measuredOn: day.optional(),
  note: text(1000).optional(),
});
export type MeasurementInput = z.input<typeof measurementInput>;

function parse<T extends z.ZodType>(schema: T, source: string, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(source, parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  return parsed.data;
}

const listHint = "List them with: isms objectives list";

export async function listObjectives(db: Db, workspace: Workspace): Promise<Objective[]> {
  const rows = await db.select().from(objectives).where(eq(objectives.workspaceId, workspace.id));
  return rows.map(({ workspaceId: _w, ...o }) => o).sort((a, b) => compareIds(a.id, b.id));
}

export async function getObjective(db: Db, workspace: Workspace, id: string): Promise<Objective> {
  const [row] = await db.select().from(objectives).where(and(eq(objectives.workspaceId, workspace.id), eq(objectives.id, id)));
  if (!row) throw new IsmsError(`No objective ${id} in this workspace`, listHint);
  const { workspaceId: _w, ...objective } = row;
  return objective;
}

/** The names of the people register by person id: whom an objective's owner id stands for. */
export async function personNames(db: Db, workspace: Workspace): Promise<Map<string, string>> {
  const rows = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspace.id));
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** The measurements of one objective, or of all (no id), oldest first. */
export async function listMeasurements(db: Db, workspace: Workspace, objectiveId?: string): Promise<Measurement[]> {
  const conditions = [eq(measurements.workspaceId, workspace.id)];
  if (objectiveId) conditions.push(eq(measurements.objectiveId, objectiveId));
  const rows = await db.select().from(measurements).where(and(...conditions)).orderBy(asc(measurements.measuredOn));
  return rows.map(({ workspaceId: _w, ...m }) => m).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || compareIds(a.id, b.id));
}

async function withOwnerResolved(db: Db, workspace: Workspace, values: z.infer<typeof objectiveInput>) {
  if (!values.owner) return values;
  const people = await loadPersonDirectory(db, workspace);
  return { ...values, owner: people.get(values.owner, "owner") };
}

export async function addObjective(tx: Tx, workspace: Workspace, input: ObjectiveInput & { id?: string }, context: WriteContext): Promise<Objective> {
  const { id, ...fields } = input;
  const values = await withOwnerResolved(tx, workspace, parse(objectiveInput.required({ title: true }), "new objective", fields));
  const row = await addEntry(tx, workspace, "objectives", { status: "active", ...values, ...(id ? { id } : {}) }, { ...context, idPrefix: "OBJ" });
  return getObjective(tx, workspace, String(row.id));
}

export async function editObjective(tx: Tx, workspace: Workspace, id: string, changes: ObjectiveInput, context: WriteContext): Promise<Objective> {
  const values = await withOwnerResolved(tx, workspace, parse(objectiveInput, `objective ${id}`, changes));
  await editEntry(tx, workspace, "objectives", id, values, context);
  return getObjective(tx, workspace, id);
}

/** Removes an objective with its measurements; says how many measurements went with it. */
export async function removeObjective(tx: Tx, workspace: Workspace, id: string, context: WriteContext): Promise<{ measurements: number }> {
  const gone = await listMeasurements(tx, workspace, id);
  await removeEntry(tx, workspace, "objectives", id, context);
  return { measurements: gone.length };
}

async function nextMeasurementIds(tx: Tx, workspace: Workspace): Promise<() => string> {
  const used = (await tx.select({ id: measurements.id }).from(measurements).where(eq(measurements.workspaceId, workspace.id))).map((m) => m.id);
  return () => {
    const id = nextId("MS", used);
    used.push(id);
    return id;
  };
}

async function insertMeasurement(tx: Tx, workspace: Workspace, row: Measurement, actor: string): Promise<Measurement> {
  await tx.insert(measurements).values({ ...row, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor, action: "measurements.add", entityType: "measurements", entityId: row.id, before: null, after: row });
  return row;
}

/** A measurement taken by hand (9.1): the value, the day it was measured (default today), a note. */
export async function recordMeasurement(tx: Tx, workspace: Workspace, objectiveId: string, input: MeasurementInput, context: WriteContext): Promise<Measurement> {
  const { value, measuredOn, note } = parse(measurementInput, `measurement of ${objectiveId}`, input);
  await getObjective(tx, workspace, objectiveId);
  const id = (await nextMeasurementIds(tx, workspace))();
  return insertMeasurement(tx, workspace, { id, objectiveId, measuredOn: measuredOn ?? isoDay(new Date()), value, note: note ?? null, source: "manual", runId: null }, context.actor);
}

/** Check ids most like `wanted`: sharing a word of the id first, then by edit distance. */
export function nearestCheckIds(wanted: string, ids: readonly string[], limit = 5): string[] {
  const words = new Set(wanted.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const scored = ids.map((id) => ({ id, shared: id.split("-").filter((w) => words.has(w)).length, distance: editDistance(wanted.toLowerCase(), id) }));
  return scored
    .filter((s) => s.shared > 0 || s.distance <= Math.max(3, wanted.length / 3))
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export interface BindInput {
  checkId: string;
  targetValue?: number | undefined;
  unit?: string | undefined;
}

/**
 * Makes an automated AWS check's pass rate the objective's measure, taken at each collection. Fills
 * the measure, method and frequency when they are empty; the target defaults to 100 %.
 */
export async function bindObjective(tx: Tx, workspace: Workspace, id: string, input: BindInput, context: WriteContext): Promise<Objective> {
  // Loaded here, not at the top: the checks are many modules that most commands never need.
  const { awsChecks } = await import("../aws/checks/index.js");
  const check = awsChecks.find((c) => c.id === input.checkId);
  if (!check) {
    const near = nearestCheckIds(input.checkId, awsChecks.map((c) => c.id));
    const examples = awsChecks.slice(0, 3).map((c) => c.id).join(", ");
    throw new IsmsError(`No automated check "${input.checkId}"`, near.length ? `Did you mean ${near.join(", ")}?` : `Use a check id as a run's results name it (isms collect results), e.g. ${examples}`);
  }
  const before = await getObjective(tx, workspace, id);
  const targetValue = input.targetValue ?? before.targetValue ?? 100;
  const unit = input.unit ?? before.unit ?? "%";
  const changes = {
    checkId: check.id,
    targetValue,
    unit,
    measure: before.measure ?? `Pass rate of the check "${check.title}" (${check.id})`,
    target: before.target ?? `${targetValue}${unit === "%" ? "%" : ` ${unit}`}`,
    method: before.method ?? `Automated: the share of resources passing ${check.id}, over the passes and failures of each AWS collection`,
    frequency: before.frequency ?? "at each collection",
  };
  await editEntry(tx, workspace, "objectives", id, changes, context);
  return getObjective(tx, workspace, id);
}

export async function unbindObjective(tx: Tx, workspace: Workspace, id: string, context: WriteContext): Promise<Objective> {
  const before = await getObjective(tx, workspace, id);
  if (!before.checkId) throw new IsmsError(`${id} is not bound to a check`, `Bind it with: isms objectives bind ${id} --check <check id>`);
  await editEntry(tx, workspace, "objectives", id, { checkId: null }, context);
  return getObjective(tx, workspace, id);
}

/** What a collection run did for one bound objective: a measurement, or why there is none. */
export interface BoundObjectiveMeasurement {
  objectiveId: string;
  checkId: string;
  passed: number;
  failed: number;
  measurement: Measurement | null;
  /** One line for the run summary. */
  summary: string;
}

/**
 * At a collection run: each active objective bound to a check gets its pass rate over the run's
 * results as a measurement (source "check"). A check with no pass or fail in the run records nothing.
 */
export async function measureBoundObjectives(
  tx: Tx,
  workspace: Workspace,
  runId: string,
  results: readonly { checkId: string; status: string }[],
  options: { measuredOn?: string; actor?: string } = {},
): Promise<BoundObjectiveMeasurement[]> {
  const bound = (await tx.select().from(objectives).where(and(eq(objectives.workspaceId, workspace.id), isNotNull(objectives.checkId))))
    .filter((o) => !inactiveObjectiveStatuses.includes(o.status))
    .sort((a, b) => compareIds(a.id, b.id));
  if (bound.length === 0) return [];
  const nextMeasurementId = await nextMeasurementIds(tx, workspace);
  const outcomes: BoundObjectiveMeasurement[] = [];
  for (const objective of bound) {
    const checkId = objective.checkId ?? "";
    const ofCheck = results.filter((r) => r.checkId === checkId);
    const passed = ofCheck.filter((r) => r.status === "pass").length;
    const failed = ofCheck.filter((r) => r.status === "fail").length;
    if (passed + failed === 0) {
      const summary = `${objective.id}: nothing recorded, ${checkId} gave no pass or fail result in run ${runId}`;
      outcomes.push({ objectiveId: objective.id, checkId, passed, failed, measurement: null, summary });
      continue;
    }
    const value = (passed / (passed + failed)) * 100;
    const note = `${passed} of ${passed + failed} resources pass (${checkId})`;
    const row: Measurement = { id: nextMeasurementId(), objectiveId: objective.id, measuredOn: options.measuredOn ?? isoDay(new Date()), value, note, source: "check", runId };
    const measurement = await insertMeasurement(tx, workspace, row, options.actor ?? "collector");
    outcomes.push({ objectiveId: objective.id, checkId, passed, failed, measurement, summary: `${objective.id}: ${formatValue(value, objective.unit)}, ${note}` });
  }
  return outcomes;
}

export type TargetDirection = "at-least" | "at-most";

/** Higher is better unless the target says otherwise ("at most 5 days", "within 14 days", "≤ 2"). */
export function targetDirection(target: string | null): TargetDirection {
  return target && /\b(at most|no more than|within|under|below|less than|fewer than|max(imum)?)\b|≤|<=/i.test(target) ? "at-most" : "at-least";
}

export function formatValue(value: number, unit: string | null): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit ? `${shown}${unit === "%" ? "%" : ` ${unit}`}` : shown;
}

const bars = "▁▂▃▄▅▆▇█";

/** The values as a line of bars, scaled between the lowest and highest of the values and the target. */
export function sparkline(values: readonly number[], targetValue: number | null = null): string {
  if (values.length === 0) return "";
  const all = targetValue === null ? values : [...values, targetValue];
  const low = Math.min(...all);
  const span = Math.max(...all) - low;
  return values.map((v) => bars[span === 0 ? bars.length - 1 : Math.round(((v - low) / span) * (bars.length - 1))] ?? "").join("");
}

export interface ObjectiveTrend {
  objective: Objective;
  direction: TargetDirection;
  /** Oldest first; `met` compares each value with the numeric target (null without one). */
  points: (Measurement & { met: boolean | null })[];
  latest: (Measurement & { met: boolean | null }) | null;
  /** The latest value minus the one before it. */
  change: number | null;
  /** Whether the latest value meets the numeric target; null without a target or a measurement. */
  met: boolean | null;
  sparkline: string;
}

export function objectiveTrend(objective: Objective, measured: readonly Measurement[]): ObjectiveTrend {
  const direction = targetDirection(objective.target);
  const { targetValue } = objective;
  const meets = (value: number) => (targetValue === null ? null : direction === "at-least" ? value >= targetValue : value <= targetValue);
  const points = [...measured].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || compareIds(a.id, b.id)).map((m) => ({ ...m, met: meets(m.value) }));
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2);
  return {
    objective,
    direction,
    points,
    latest,
    change: latest && previous ? latest.value - previous.value : null,
    met: latest?.met ?? null,
    sparkline: sparkline(points.map((p) => p.value), targetValue),
  };
}

export async function loadObjectiveTrend(db: Db, workspace: Workspace, id: string): Promise<ObjectiveTrend> {
  const objective = await getObjective(db, workspace, id);
  return objectiveTrend(objective, await listMeasurements(db, workspace, id));
}
