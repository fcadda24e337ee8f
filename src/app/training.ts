// Training records (7.2 d, 7.3; A.6.3): who completed which course when and until when it counts, the
// records imported from a training platform's export, and who in scope is missing or overdue.
import { basename } from "node:path";
import { and, eq } from "drizzle-orm";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { addDays, addMonths, isoDay } from "../domain/risk/calendar.js";
import { awarenessCourseKind, ismsRoles } from "../readiness/vocabulary.js";
import { readTable } from "../reports/tables.js";
import type { Db, Tx } from "../store/open.js";
import { people, trainingCourses, trainingRecords } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { mapColumns, mappedRows, parseColumnMap, type FieldSpec, type RowProblem } from "./column-mapping.js";
import { nextId } from "./entries.js";
import { loadPersonDirectory } from "./people.js";
import { compareIds } from "./registers.js";
import { readDay } from "./risk-import-fields.js";
import type { Workspace } from "./workspaces.js";

export type TrainingCourse = typeof trainingCourses.$inferSelect;
export type TrainingRecord = Omit<typeof trainingRecords.$inferSelect, "workspaceId">;
type Person = Pick<typeof people.$inferSelect, "id" | "name" | "startDate" | "endDate" | "ismsRoles">;

/** The ISMS roles whose holders need role training (7.2): owning the ISMS, risks or controls, auditing it. */
export const rolesNeedingTraining: readonly string[] = [ismsRoles.ismsOwner, ismsRoles.riskOwner, ismsRoles.controlOwner, ismsRoles.internalAuditor];

/** The day a completion stops counting: `validityMonths` after it, or never (null) for a course without recurrence. */
export function expiryOf(completedOn: string, validityMonths: number | null): string | null {
  return validityMonths ? addMonths(completedOn, validityMonths) : null;
}

export { addDays };

export const inScopeOn = (person: Pick<Person, "startDate" | "endDate">, day: string): boolean =>
  (!person.startDate || person.startDate <= day) && (!person.endDate || person.endDate >= day);

export type TrainingState = "current" | "expiring" | "expired" | "missing";

/**
 * Where a person stands on one kind of training on `asOf`: the record that counts longest (completed by
 * then) and whether it is current, expires within `withinDays`, has expired, or is missing.
 */
export function trainingStanding(records: readonly TrainingRecord[], asOf: string, withinDays: number): { state: TrainingState; record: TrainingRecord | null } {
  const done = records.filter((r) => r.completedOn <= asOf);
  const best = done.reduce<TrainingRecord | null>((a, r) => (!a || (a.expiresOn !== null && (r.expiresOn === null || r.expiresOn > a.expiresOn)) ? r : a), null);
  if (!best) return { state: "missing", record: null };
  if (best.expiresOn === null) return { state: "current", record: best };
  if (best.expiresOn <= asOf) return { state: "expired", record: best };
  return { state: best.expiresOn <= addDays(asOf, withinDays) ? "expiring" : "current", record: best };
}

export interface TrainingGap {
  personId: string;
  name: string;
  /** Awareness (7.3) for everyone in scope; role training (7.2) for holders of `roles`. */
  need: "awareness" | "role";
  state: Exclude<TrainingState, "current">;
  roles: string[];
  latest: (TrainingRecord & { courseTitle: string }) | null;
}

/** Everyone in scope on `asOf` whose awareness or role training is missing, expired or expiring within `withinDays`. */
export function findTrainingGaps(input: { people: readonly Person[]; courses: readonly TrainingCourse[]; records: readonly TrainingRecord[]; asOf: string; withinDays: number }): TrainingGap[] {
  const courseById = new Map(input.courses.map((c) => [c.id, c]));
  const gaps: TrainingGap[] = [];
  for (const person of [...input.people].filter((p) => inScopeOn(p, input.asOf)).sort((a, b) => compareIds(a.id, b.id))) {
    const own = input.records.filter((r) => r.personId === person.id);
    const roles = person.ismsRoles.filter((r) => rolesNeedingTraining.includes(r));
    const needs: [TrainingGap["need"], TrainingRecord[]][] = [["awareness", own.filter((r) => courseById.get(r.courseId)?.kind === awarenessCourseKind)]];
    if (roles.length) needs.push(["role", own.filter((r) => courseById.get(r.courseId)?.kind !== awarenessCourseKind)]);
    for (const [need, records] of needs) {
      const { state, record } = trainingStanding(records, input.asOf, input.withinDays);
      if (state === "current") continue;
      const latest = record ? { ...record, courseTitle: courseById.get(record.courseId)?.title ?? record.courseId } : null;
      gaps.push({ personId: person.id, name: person.name, need, state, roles: need === "role" ? roles : [], latest });
    }
  }
  return gaps;
}

export async function loadTraining(db: Db, workspace: Workspace): Promise<{ people: Person[]; courses: TrainingCourse[]; records: TrainingRecord[] }> {
  const ws = workspace.id;
  const [staff, courses, records] = await Promise.all([
    db.select({ id: people.id, name: people.name, startDate: people.startDate, endDate: people.endDate, ismsRoles: people.ismsRoles }).from(people).where(eq(people.workspaceId, ws)),
    db.select().from(trainingCourses).where(eq(trainingCourses.workspaceId, ws)),
    listTrainingRecords(db, workspace),
  ]);
  return { people: staff, courses, records };
}

export async function trainingOverdue(db: Db, workspace: Workspace, options: { asOf: string; withinDays: number }): Promise<TrainingGap[]> {
  return findTrainingGaps({ ...(await loadTraining(db, workspace)), ...options });
}

/** The training records, oldest completion first; with `personId`, only that person's. */
export async function listTrainingRecords(db: Db, workspace: Workspace, options: { personId?: string | undefined } = {}): Promise<TrainingRecord[]> {
  const rows = await db
    .select()
    .from(trainingRecords)
    .where(and(eq(trainingRecords.workspaceId, workspace.id), options.personId ? eq(trainingRecords.personId, options.personId) : undefined));
  return rows.map(({ workspaceId: _ws, ...r }) => r).sort((a, b) => a.completedOn.localeCompare(b.completedOn) || compareIds(a.id, b.id));
}

/** Finds a course by id or title, ignoring case. */
function courseFinder(courses: readonly TrainingCourse[]): (idOrTitle: string) => TrainingCourse | undefined {
  const byKey = new Map(courses.flatMap((c) => [[c.id.toLowerCase(), c] as const, [c.title.trim().toLowerCase(), c] as const]));
  return (idOrTitle) => byKey.get(idOrTitle.trim().toLowerCase());
}

const courseHint = "Use a course id or title from: isms training courses list (add one with: isms training courses add --title ... --kind awareness)";

export interface RecordTrainingInput {
  person: string;
  course: string;
  completedOn: string;
  evidenceRef?: string | undefined;
}

/** Records a completion, its expiry computed from the course's validity; the same completion twice is recorded once. */
/** How each face names the input fields in its errors: the CLI's flags by default, an API body's fields. */
export interface TrainingFieldNames {
  person: string;
  course: string;
  completedOn: string;
}
const flagNames: TrainingFieldNames = { person: "--person", course: "--course", completedOn: "--completed" };

export async function recordTraining(
  tx: Tx,
  workspace: Workspace,
  input: RecordTrainingInput,
  options: { actor: string; today?: string | undefined; fields?: TrainingFieldNames },
): Promise<{ record: TrainingRecord; already: boolean }> {
  const today = options.today ?? isoDay(new Date());
  const fields = options.fields ?? flagNames;
  if (input.completedOn > today) throw new IsmsError(`${fields.completedOn}: ${input.completedOn} is after today (${today})`, "Record training once it is done");
  const personId = (await loadPersonDirectory(tx, workspace)).get(input.person, fields.person);
  const course = courseFinder(await tx.select().from(trainingCourses).where(eq(trainingCourses.workspaceId, workspace.id)))(input.course);
  if (!course) throw new IsmsError(`${fields.course}: no course "${input.course}" in this workspace`, courseHint);
  const existing = await listTrainingRecords(tx, workspace);
  const same = existing.find((r) => r.personId === personId && r.courseId === course.id && r.completedOn === input.completedOn);
  if (same) return { record: same, already: true };
  const record: TrainingRecord = {
    id: nextId("TR", existing.map((r) => r.id)),
    courseId: course.id,
    personId,
    completedOn: input.completedOn,
    expiresOn: expiryOf(input.completedOn, course.validityMonths),
    evidenceRef: input.evidenceRef ?? null,
  };
  await tx.insert(trainingRecords).values({ ...record, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "training_records.add", entityType: "training_records", entityId: record.id, before: null, after: record });
  return { record, already: false };
}

export const trainingRecordFields: readonly FieldSpec[] = [
  { field: "person", aliases: ["name", "full name", "employee", "learner", "participant", "user", "person id"] },
  { field: "email", aliases: ["work email", "email address", "e-mail", "user email", "learner email"] },
  { field: "course", aliases: ["course title", "course name", "course id", "training", "module", "title"], required: true },
  { field: "completedOn", aliases: ["completed", "completed on", "completion date", "date completed", "completed at", "date"], required: true },
  { field: "evidenceRef", aliases: ["evidence", "evidence ref", "certificate", "certificate id", "reference"] },
];

export interface TrainingImportResult {
  source: string;
  added: TrainingRecord[];
  /** Completions already recorded (same person, course and day). */
  alreadyRecorded: number;
  ignoredColumns: string[];
}

/** "2025-03-01", or the day of a time stamp such as "2025-03-01 14:22" or "2025-03-01T14:22:00Z". */
const readCompletion = (text: string) => readDay(/^\d{4}-\d{2}-\d{2}[T ]/.test(text) ? text.slice(0, 10) : text);

/** Adds completion records from a CSV or XLSX export; checks every row first and writes nothing if one is bad. */
export async function importTrainingRecords(
  db: Db,
  workspace: Workspace,
  path: string,
  options: { map?: string | undefined; sheet?: string | undefined; today?: string | undefined; actor: string },
): Promise<TrainingImportResult> {
  const table = await readTable(path, { sheet: options.sheet });
  const mapping = mapColumns(table.source, table.header, trainingRecordFields, parseColumnMap(options.map, trainingRecordFields));
  const fields = new Set(mapping.fields.values());
  if (!fields.has("person") && !fields.has("email")) {
    throw new IsmsError(`${table.source}: no column names the person (columns: ${table.header.join(", ")})`, 'Name it with --map "Your heading=person" (an id or name) or "Your heading=email"');
  }
  const today = options.today ?? isoDay(new Date());

  return db.transaction(async (tx) => {
    const directory = await loadPersonDirectory(tx, workspace);
    const courses = await tx.select().from(trainingCourses).where(eq(trainingCourses.workspaceId, workspace.id));
    const findCourse = courseFinder(courses);
    const existing = await listTrainingRecords(tx, workspace);
    const seen = new Set(existing.map((r) => `${r.personId}|${r.courseId}|${r.completedOn}`));
    const issues: RowProblem[] = [];
    const added: TrainingRecord[] = [];
    let alreadyRecorded = 0;
    const ids = existing.map((r) => r.id);
    for (const { value, problem } of mappedRows(table, mapping, issues).rows) {
      const email = value("email");
      const named = value("person");
      const personId = (email ? directory.find(email) : undefined) ?? (named ? directory.find(named) : undefined);
      if (!personId) {
        const field = email ? "email" : "person";
        problem(field, email || named ? `no person "${email ?? named ?? ""}" in this workspace; add them first (isms people add or isms people import)` : "is empty; say who completed the course");
      }
      const courseText = value("course");
      const course = courseText ? findCourse(courseText) : undefined;
      if (!course) problem("course", courseText ? `no course "${courseText}"; ${courseHint}` : "is empty; name the course (its id or title)");
      const completedText = value("completedOn");
      const completed = completedText ? readCompletion(completedText) : { error: "is empty; give the day the course was completed, YYYY-MM-DD" };
      if (typeof completed !== "string") problem("completedOn", completed.error);
      else if (completed > today) problem("completedOn", `${completed} is after today (${today})`);
      if (!personId || !course || typeof completed !== "string" || completed > today) continue;
      const key = `${personId}|${course.id}|${completed}`;
      if (seen.has(key)) {
        alreadyRecorded += 1;
        continue;
      }
      seen.add(key);
      const id = nextId("TR", ids);
      ids.push(id);
      added.push({ id, courseId: course.id, personId, completedOn: completed, expiresOn: expiryOf(completed, course.validityMonths), evidenceRef: value("evidenceRef") });
    }
    if (issues.length) throw new InvalidInputError(table.source, issues.map((i) => ({ path: `row ${i.row}, column "${i.column}"`, message: i.message })));
    if (added.length) await tx.insert(trainingRecords).values(added.map((r) => ({ ...r, workspaceId: workspace.id })));
    const result: TrainingImportResult = { source: table.source, added, alreadyRecorded, ignoredColumns: mapping.unmapped };
    await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "training_records.import", entityType: "training_records", entityId: basename(path), before: null, after: result });
    return result;
  });
}
