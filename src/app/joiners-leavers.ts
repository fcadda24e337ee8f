// Joiners and leavers (A.6.1, A.6.5; 7.3): who started in a window and whether their awareness training
// is recorded, who left and what they still own, so that ownership passes to someone before access ends.
import { and, eq, inArray, isNull, notInArray, or } from "drizzle-orm";
import { getControl, isControlId } from "../catalog/annex-a.js";
import { IsmsError } from "../domain/errors.js";
import { awarenessCourseKind, closedCorrectiveActionStatuses, inactiveObjectiveStatuses } from "../readiness/vocabulary.js";
import type { Db } from "../store/open.js";
import {
  activities,
  assets,
  controlImplementations,
  correctiveActions,
  documents,
  objectives,
  people,
  risks,
  suppliers,
  treatmentActions,
} from "../store/schema/index.js";
import { compareIds } from "./registers.js";
import { loadTraining, trainingStanding, type TrainingRecord, type TrainingState } from "./training.js";
import type { Workspace } from "./workspaces.js";

export interface Window {
  since: string;
  /** The last day of the window (default: today). */
  until: string;
}

export interface Joiner {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
  startDate: string;
  ismsRoles: string[];
  /** Their awareness training (7.3) as of the window's last day. */
  awareness: { state: TrainingState; record: TrainingRecord | null };
}

/** The registers that name owners, in the order a leaver's ownerships are listed. */
export const ownedRegisters = ["risks", "treatment_actions", "control_implementations", "documents", "assets", "suppliers", "objectives", "corrective_actions", "activities"] as const;

export interface Ownership {
  register: (typeof ownedRegisters)[number];
  id: string;
  title: string;
  as: "owner" | "approver";
}

export interface Leaver {
  id: string;
  name: string;
  role: string | null;
  endDate: string;
  ismsRoles: string[];
  /** What still names them as owner (open items only), to reassign. */
  owns: Ownership[];
}

function checkWindow(window: Window): void {
  if (window.since > window.until) throw new IsmsError(`--since ${window.since} is after --until ${window.until}`, "Give a window that starts before it ends");
}

const within = (day: string | null, window: Window): day is string => day !== null && day >= window.since && day <= window.until;

/** People whose start date falls in the window, with their awareness training as of its last day. */
export async function listJoiners(db: Db, workspace: Workspace, window: Window): Promise<Joiner[]> {
  checkWindow(window);
  const training = await loadTraining(db, workspace);
  const awarenessCourses = new Set(training.courses.filter((c) => c.kind === awarenessCourseKind).map((c) => c.id));
  const staff = await db.select().from(people).where(eq(people.workspaceId, workspace.id));
  return staff
    .flatMap((p) => (within(p.startDate, window) ? [{ ...p, startDate: p.startDate }] : []))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || compareIds(a.id, b.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      startDate: p.startDate,
      ismsRoles: p.ismsRoles,
      awareness: trainingStanding(
        training.records.filter((r) => r.personId === p.id && awarenessCourses.has(r.courseId)),
        window.until,
        0,
      ),
    }));
}

/** People whose leaving date falls in the window, with everything open that still names them. */
export async function listLeavers(db: Db, workspace: Workspace, window: Window): Promise<Leaver[]> {
  checkWindow(window);
  const staff = await db.select().from(people).where(eq(people.workspaceId, workspace.id));
  const leavers = staff
    .flatMap((p) => (within(p.endDate, window) ? [{ ...p, endDate: p.endDate }] : []))
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || compareIds(a.id, b.id));
  const owned = await ownershipsOf(db, workspace, leavers.map((p) => p.id));
  return leavers.map((p) => ({ id: p.id, name: p.name, role: p.role, endDate: p.endDate, ismsRoles: p.ismsRoles, owns: owned.get(p.id) ?? [] }));
}

/**
 * What each person owns that is still open: risks not closed, treatment actions and corrective actions
 * not finished, SoA controls, documents they own or approve, assets, suppliers, objectives still pursued
 * and calendar activities not done.
 */
export async function ownershipsOf(db: Db, workspace: Workspace, personIds: readonly string[]): Promise<Map<string, Ownership[]>> {
  const result = new Map<string, Ownership[]>();
  if (personIds.length === 0) return result;
  const ws = workspace.id;
  const ids = [...personIds];
  const add = (personId: string | null, item: Ownership) => {
    if (personId) result.set(personId, [...(result.get(personId) ?? []), item]);
  };
  const owner = "owner" as const;

  const [riskRows, actionRows, controlRows, documentRows, assetRows, supplierRows, objectiveRows, correctiveRows, activityRows] = await Promise.all([
    db.select().from(risks).where(and(eq(risks.workspaceId, ws), inArray(risks.owner, ids), notInArray(risks.status, ["closed"]))),
    db.select().from(treatmentActions).where(and(eq(treatmentActions.workspaceId, ws), inArray(treatmentActions.owner, ids), notInArray(treatmentActions.status, ["done", "cancelled"]))),
    db.select().from(controlImplementations).where(and(eq(controlImplementations.workspaceId, ws), inArray(controlImplementations.owner, ids))),
    db.select().from(documents).where(and(eq(documents.workspaceId, ws), or(inArray(documents.owner, ids), inArray(documents.approver, ids)))),
    db.select().from(assets).where(and(eq(assets.workspaceId, ws), inArray(assets.owner, ids))),
    db.select().from(suppliers).where(and(eq(suppliers.workspaceId, ws), inArray(suppliers.owner, ids))),
    db.select().from(objectives).where(and(eq(objectives.workspaceId, ws), inArray(objectives.owner, ids), notInArray(objectives.status, [...inactiveObjectiveStatuses]))),
    db.select().from(correctiveActions).where(and(eq(correctiveActions.workspaceId, ws), inArray(correctiveActions.owner, ids), notInArray(correctiveActions.status, [...closedCorrectiveActionStatuses]))),
    db.select().from(activities).where(and(eq(activities.workspaceId, ws), inArray(activities.owner, ids), isNull(activities.doneAt))),
  ]);
  for (const r of riskRows) add(r.owner, { register: "risks", id: r.id, title: r.title, as: owner });
  for (const a of actionRows) add(a.owner, { register: "treatment_actions", id: a.id, title: a.title, as: owner });
  for (const c of controlRows) add(c.owner, { register: "control_implementations", id: c.controlId, title: isControlId(c.controlId) ? getControl(c.controlId).title : c.controlId, as: owner });
  for (const d of documentRows) {
    if (d.owner && ids.includes(d.owner)) add(d.owner, { register: "documents", id: d.id, title: d.title, as: owner });
    if (d.approver && ids.includes(d.approver)) add(d.approver, { register: "documents", id: d.id, title: d.title, as: "approver" });
  }
  for (const a of assetRows) add(a.owner, { register: "assets", id: a.id, title: a.name, as: owner });
  for (const s of supplierRows) add(s.owner, { register: "suppliers", id: s.id, title: s.name, as: owner });
  for (const o of objectiveRows) add(o.owner, { register: "objectives", id: o.id, title: o.title, as: owner });
  for (const c of correctiveRows) add(c.owner, { register: "corrective_actions", id: c.id, title: c.description, as: owner });
  for (const a of activityRows) add(a.owner, { register: "activities", id: a.id, title: a.title, as: owner });
  for (const items of result.values()) items.sort((a, b) => ownedRegisters.indexOf(a.register) - ownedRegisters.indexOf(b.register) || compareIds(a.id, b.id));
  return result;
}
