// The Statement of Applicability (6.1.3 d) as a use case: load it derived from the store, the risk
// register and the evidence; change one control's entry; add the workspace's own controls.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { isControlId } from "../catalog/annex-a.js";
import { find2013Control } from "../catalog/mapping-2013.js";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import {
  deriveImplementationStatus,
  deriveStatementOfApplicability,
  implementationStatusSchema,
  justificationNeeded,
  notAssessed,
  ownControlIdPattern,
  soaControls,
  soaReasonSchema,
  type CheckResult,
  type ImplementationStatus,
  type SoaApplicability,
  type SoaEntry,
  type SoaReason,
  type StoredSoaRow,
} from "../domain/soa/index.js";
import type { Db, Tx } from "../store/open.js";
import { riskSchema } from "../domain/risk/index.js";
import { controlImplementations, evidenceRecords, ownControls, people, risks } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { latestControlCheckResults } from "./collection.js";
import { loadPersonDirectory } from "./people.js";
import { compareIds } from "./registers.js";
import { loadRisks } from "./risks.js";
import type { Workspace } from "./workspaces.js";

export interface LoadSoaOptions {
  /** The day the SoA is read as of (evidence freshness); default now. */
  asOf?: Date;
  /** Results of automated checks; default: the latest collection run's (up to `asOf`). */
  checkResults?: readonly CheckResult[];
  freshnessDays?: number;
}

export interface OwnControl {
  id: string;
  title: string;
  description: string | null;
  relatedControlId: string | null;
}

export async function listOwnControls(db: Db, workspace: Workspace): Promise<OwnControl[]> {
  const rows = await db.select().from(ownControls).where(eq(ownControls.workspaceId, workspace.id));
  return rows
    .map((r) => ({ id: r.id, title: r.title, description: r.description, relatedControlId: r.relatedControlId }))
    .sort((a, b) => compareIds(a.id, b.id));
}

/** A person's name for their id (the id itself for someone unknown), for showing owners and approvers. */
export async function loadPersonNames(db: Db, workspace: Workspace): Promise<(id: string) => string> {
  const rows = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspace.id));
  const names = new Map(rows.map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? id;
}

const reasonList = soaReasonSchema.array().catch([]);

/** The stored SoA rows of a workspace (of one control when given), as the domain reads them. */
export async function loadStoredSoaRows(db: Db, workspace: Workspace, controlId?: string): Promise<StoredSoaRow[]> {
  const inWorkspace = eq(controlImplementations.workspaceId, workspace.id);
  const rows = await db
    .select()
    .from(controlImplementations)
    .where(controlId === undefined ? inWorkspace : and(inWorkspace, eq(controlImplementations.controlId, controlId)));
  return rows.map((r) => ({
    controlId: r.controlId,
    applicability: r.applicability,
    reasons: reasonList.parse(r.reasons),
    justification: r.justification,
    implementationStatus: r.implementationStatus,
    statusOverrideReason: r.statusOverrideReason,
    owner: r.owner,
    implementationDescription: r.implementationDescription,
    reference: r.reference,
    evidenceRefs: r.evidenceRefs,
  }));
}

/** Every control's SoA entry (93 Annex A, then the own controls), derived as of `options.asOf`. */
export async function loadStatementOfApplicability(db: Db, workspace: Workspace, options: LoadSoaOptions = {}): Promise<SoaEntry[]> {
  const asOf = options.asOf ?? new Date();
  const [own, stored, risks, evidence, checkResults] = await Promise.all([
    listOwnControls(db, workspace),
    loadStoredSoaRows(db, workspace),
    loadRisks(db, workspace),
    db
      .select({ id: evidenceRecords.id, controlIds: evidenceRecords.controlIds, collectedAt: evidenceRecords.collectedAt })
      .from(evidenceRecords)
      .where(eq(evidenceRecords.workspaceId, workspace.id)),
    options.checkResults ?? latestControlCheckResults(db, workspace, asOf),
  ]);
  return deriveStatementOfApplicability({
    controls: soaControls(own),
    stored,
    risks,
    evidence,
    asOf,
    checkResults,
    ...(options.freshnessDays !== undefined ? { freshnessDays: options.freshnessDays } : {}),
  });
}

/** One control's entry; an unknown control is an error that says where to look. */
export async function getSoaEntry(db: Db, workspace: Workspace, controlId: string, options: LoadSoaOptions = {}): Promise<SoaEntry> {
  const control = soaControls(await listOwnControls(db, workspace)).find((c) => c.id === controlId);
  if (!control) throw new IsmsError(`No control ${controlId} in this SoA`, "Annex A ids look like 5.1 or 8.24; list own controls with: isms soa controls list");
  // Each entry is derived from its own row, the risks treated by it, its evidence and its checks only, so
  // only those are read: one control of a large workspace without loading every risk and record.
  const asOf = options.asOf ?? new Date();
  const naming = sql`${JSON.stringify([controlId])}::jsonb`;
  const stored = await loadStoredSoaRows(db, workspace, controlId);
  const referenced = stored[0]?.evidenceRefs ?? [];
  const [treating, evidence, checkResults] = await Promise.all([
    db
      .select()
      .from(risks)
      .where(and(eq(risks.workspaceId, workspace.id), eq(risks.decision, "treat"), sql`${risks.controlIds} @> ${naming}`))
      .then((rows) => rows.map((r) => riskSchema.parse(r))),
    db
      .select({ id: evidenceRecords.id, controlIds: evidenceRecords.controlIds, collectedAt: evidenceRecords.collectedAt })
      .from(evidenceRecords)
      .where(and(eq(evidenceRecords.workspaceId, workspace.id), or(sql`${evidenceRecords.controlIds} @> ${naming}`, referenced.length ? inArray(evidenceRecords.id, referenced) : undefined))),
    options.checkResults ?? latestControlCheckResults(db, workspace, asOf),
  ]);
  const [entry] = deriveStatementOfApplicability({
    controls: [control],
    stored,
    risks: treating,
    evidence,
    asOf,
    checkResults: checkResults.filter((c) => c.controlId === controlId),
    ...(options.freshnessDays !== undefined ? { freshnessDays: options.freshnessDays } : {}),
  });
  if (!entry) throw new Error(`deriving the SoA entry of ${controlId} gave none`);
  return entry;
}

export interface SoaChanges {
  applicability?: SoaApplicability;
  justification?: string;
  /** Reasons other than risks (those come from the register). Replaces the stored list. */
  reasons?: readonly SoaReason[];
  implementationStatus?: ImplementationStatus | null;
  /** Why the status differs from what evidence and checks show; null clears an override. */
  overrideReason?: string | null;
  /** A person's id or name; null clears it. */
  owner?: string | null;
  implementationDescription?: string | null;
  reference?: string | null;
}

const clean = (text: string | null | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/**
 * Changes one control's SoA entry. Refuses an exclusion or inheritance without a justification,
 * reasons of kind "risk" (derived from the register), and a status that differs from the one
 * derived from evidence and checks unless a reason for the override is given.
 */
export async function setSoaEntry(tx: Tx, workspace: Workspace, controlId: string, changes: SoaChanges, context: { actor: string; asOf?: Date; checkResults?: readonly CheckResult[] }): Promise<SoaEntry> {
  const checkResults = context.checkResults ?? (await latestControlCheckResults(tx, workspace, context.asOf ?? new Date()));
  const loadOptions: LoadSoaOptions = { ...(context.asOf ? { asOf: context.asOf } : {}), checkResults };
  const current = await getSoaEntry(tx, workspace, controlId, loadOptions);
  const where = and(eq(controlImplementations.workspaceId, workspace.id), eq(controlImplementations.controlId, controlId));
  const [before] = await tx.select().from(controlImplementations).where(where);
  const applicability = changes.applicability ?? current.applicability;
  if (!applicability) throw new IsmsError(`${controlId} has no applicability yet`, `Decide it: isms soa set ${controlId} --applicability applicable|inherited|not_applicable`);
  const justification = changes.justification !== undefined ? changes.justification.trim() : current.justification;
  // A new exclusion or inheritance needs its own justification, not the one that said why the control applies.
  const decisionChanged = applicability !== current.applicability && changes.justification === undefined;
  if (justificationNeeded(applicability) && (!justification || decisionChanged)) {
    const what = applicability === "not_applicable" ? "excluding" : "inheriting";
    throw new IsmsError(`${controlId}: ${what} a control needs a justification`, `Say why with --justification "…"`);
  }
  if (applicability === "not_applicable" && current.treatedRiskIds.length) {
    throw new IsmsError(
      `${controlId} cannot be excluded: it treats ${current.treatedRiskIds.join(", ")}`,
      `Take it out of those risks' treatment first (isms risk edit ${current.treatedRiskIds[0] ?? ""} --controls …)`,
    );
  }
  // An exclusion keeps no reasons for inclusion unless they are given with it.
  const keptReasons = applicability === "not_applicable" && current.applicability !== "not_applicable" ? [] : current.reasons.filter((r) => r.kind !== "risk");
  const parsedReasons = soaReasonSchema.array().safeParse(changes.reasons ?? keptReasons);
  if (!parsedReasons.success) throw new InvalidInputError(`${controlId} reasons`, parsedReasons.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const reasons = parsedReasons.data;
  if (reasons.some((r) => r.kind === "risk")) {
    throw new IsmsError(`${controlId}: reasons of kind "risk" come from the risk register`, `Name the control in the risk's treatment: isms risk edit R-001 --decision treat --controls ${controlId}`);
  }

  let statusWord = before?.implementationStatus ?? notAssessed;
  let overrideReason = before?.statusOverrideReason ?? null;
  if (changes.implementationStatus !== undefined) {
    const parsedStatus = implementationStatusSchema.nullable().safeParse(changes.implementationStatus);
    if (!parsedStatus.success) throw new IsmsError(`${controlId}: "${String(changes.implementationStatus)}" is not a status`, "Use implemented, partially_implemented, planned or not_implemented");
    const status = parsedStatus.data;
    const reason = clean(changes.overrideReason);
    // What evidence and checks would make of it without an override; null hands the status back to them.
    const outcome = deriveImplementationStatus({
      applicability,
      storedStatus: status,
      overrideReason: null,
      checks: checkResults.filter((c) => c.controlId === controlId),
      hasFreshEvidence: current.evidence.some((e) => e.fresh),
    });
    if (status !== null && outcome.source === "derived" && outcome.status !== status && !reason) {
      throw new IsmsError(
        `${controlId}: its status is derived as ${outcome.status ?? "not assessed"} from evidence and checks`,
        `To set ${status} instead, say why with --override-reason "…"`,
      );
    }
    statusWord = status ?? notAssessed;
    overrideReason = status === null ? null : reason;
  } else if (changes.overrideReason === null) {
    overrideReason = null;
  } else if (changes.overrideReason !== undefined) {
    if (current.statusSource !== "override") throw new IsmsError(`${controlId}: an override reason goes with a status`, "Give the status that overrides the derived one with --status");
    overrideReason = clean(changes.overrideReason) ?? overrideReason;
  }

  let owner = before?.owner ?? null;
  if (changes.owner !== undefined) owner = changes.owner === null ? null : (await loadPersonDirectory(tx, workspace)).get(changes.owner, "owner");
  const row = {
    applicability,
    reasons,
    justification,
    implementationStatus: statusWord,
    statusOverrideReason: overrideReason,
    owner,
    implementationDescription: changes.implementationDescription !== undefined ? clean(changes.implementationDescription) : (before?.implementationDescription ?? null),
    reference: changes.reference !== undefined ? clean(changes.reference) : (before?.reference ?? null),
  };
  if (before) await tx.update(controlImplementations).set(row).where(where);
  else await tx.insert(controlImplementations).values({ ...row, workspaceId: workspace.id, id: controlId, controlId, evidenceRefs: [] });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "soa.set", entityType: "control_implementation", entityId: controlId, before: before ?? null, after: row });
  return getSoaEntry(tx, workspace, controlId, loadOptions);
}

/** True for ids that read as an Annex A (2022 or 2013) control or a clause: "5.1", "A.8.24", "12.4.1", "A5". */
export function looksLikeAnnexAId(id: string): boolean {
  const trimmed = id.trim();
  return isControlId(trimmed) || find2013Control(trimmed) !== undefined || /^(?:a\s*[.\s]?\s*)?\d+(?:[.\s]\d+)*$/i.test(trimmed) || /^a\d/i.test(trimmed);
}

export interface OwnControlInput {
  id: string;
  title: string;
  description?: string | undefined;
  relatedControlId?: string | undefined;
  justification?: string | undefined;
}

/** Adds an own control (6.1.3 b: controls from any source) and its SoA entry, applicable. */
export async function addOwnControl(tx: Tx, workspace: Workspace, input: OwnControlInput, context: { actor: string }): Promise<SoaEntry> {
  const id = input.id.trim();
  if (!ownControlIdPattern.test(id) || id.length > 32 || looksLikeAnnexAId(id)) {
    throw new IsmsError(`"${input.id}" cannot be an own control's id`, "Start with a letter and use letters, digits and at least one hyphen or digit, not an Annex A id: e.g. ACME-01");
  }
  const title = input.title.trim();
  if (!title) throw new IsmsError(`${id}: an own control needs a title`, 'Give one with --title "…"');
  const related = input.relatedControlId?.trim() || null;
  if (related && !isControlId(related)) throw new IsmsError(`${id}: related control "${related}" is not an Annex A id`, "Write it as in the standard, e.g. 8.5");
  const existing = await listOwnControls(tx, workspace);
  if (existing.some((c) => c.id.toLowerCase() === id.toLowerCase())) throw new IsmsError(`Own control ${id} already exists`, "Choose another id");
  const control = { id, title, description: clean(input.description), relatedControlId: related };
  await tx.insert(ownControls).values({ ...control, workspaceId: workspace.id });
  const justification = clean(input.justification) ?? `Own control of ${workspace.companyName}${related ? `, refining ${related}` : ""}.`;
  await tx.insert(controlImplementations).values({
    workspaceId: workspace.id,
    id,
    controlId: id,
    applicability: "applicable",
    reasons: [{ kind: "business" }],
    justification,
    implementationStatus: notAssessed,
    evidenceRefs: [],
  });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "soa.own_control.add", entityType: "own_control", entityId: id, before: null, after: { ...control, justification } });
  return getSoaEntry(tx, workspace, id);
}
