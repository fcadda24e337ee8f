// Published versions of the SoA (6.1.3 d, 7.5.2 approval): a snapshot of every entry with its approver
// and date, and the difference between two versions or a version and the SoA as it stands.
import { and, desc, eq } from "drizzle-orm";
import { IsmsError } from "../domain/errors.js";
import { diffSoaVersions, justificationNeeded, soaEntrySchema, type SoaDiff, type SoaEntry } from "../domain/soa/index.js";
import type { Db, Tx } from "../store/open.js";
import type { JsonObject } from "../store/schema/json.js";
import { soaVersions } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { loadPersonDirectory } from "./people.js";
import { loadStatementOfApplicability } from "./soa.js";
import type { Workspace } from "./workspaces.js";

export interface SoaVersion {
  version: number;
  approvedBy: string;
  approvedAt: Date;
  note: string | null;
  entries: SoaEntry[];
}

export type SoaVersionSummary = Omit<SoaVersion, "entries"> & { controls: number };

/** An entry as JSON: dates as ISO text, nothing undefined. */
function entryJson(entry: SoaEntry): JsonObject {
  return {
    ...entry,
    reasons: entry.reasons.map((r): JsonObject => (r.ref ? { kind: r.kind, ref: r.ref } : { kind: r.kind })),
    evidence: entry.evidence.map((e) => ({ id: e.id, collectedAt: e.collectedAt.toISOString(), fresh: e.fresh })),
    automatedChecks: entry.automatedChecks ? { ...entry.automatedChecks, collectedAt: entry.automatedChecks.collectedAt.toISOString() } : null,
  };
}

function toVersion(row: typeof soaVersions.$inferSelect): SoaVersion {
  return { version: row.version, approvedBy: row.approvedBy, approvedAt: row.approvedAt, note: row.note, entries: soaEntrySchema.array().parse(row.entries) };
}

/** Problems that make an SoA unfit to approve: undecided controls and unjustified exclusions. */
export function publishBlockers(entries: readonly SoaEntry[]): string[] {
  const undecided = entries.filter((e) => e.applicability === null).map((e) => e.controlId);
  const unjustified = entries.filter((e) => justificationNeeded(e.applicability) && !e.justification.trim()).map((e) => e.controlId);
  const list = (ids: string[]) => `${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ` and ${ids.length - 10} more` : ""}`;
  return [
    ...(undecided.length ? [`${undecided.length} controls have no applicability decision (${list(undecided)})`] : []),
    ...(unjustified.length ? [`${unjustified.length} exclusions or inherited controls have no justification (${list(unjustified)})`] : []),
  ];
}

/**
 * Publishes the SoA as it stands as version N+1, approved by `approvedBy` (a person's id or name).
 * Refuses an SoA with undecided controls or unjustified exclusions: an auditor would reject it.
 */
export async function publishSoa(tx: Tx, workspace: Workspace, input: { approvedBy: string; note?: string | undefined; at?: Date }, context: { actor: string }): Promise<SoaVersionSummary> {
  const approvedBy = (await loadPersonDirectory(tx, workspace)).get(input.approvedBy, "approver");
  const at = input.at ?? new Date();
  const entries = await loadStatementOfApplicability(tx, workspace, { asOf: at });
  const blockers = publishBlockers(entries);
  if (blockers.length) throw new IsmsError(`The SoA cannot be published: ${blockers.join("; ")}`, "Decide and justify them with: isms soa set <control> --applicability … --justification …");
  const [last] = await tx.select({ version: soaVersions.version }).from(soaVersions).where(eq(soaVersions.workspaceId, workspace.id)).orderBy(desc(soaVersions.version)).limit(1);
  const version = (last?.version ?? 0) + 1;
  const note = input.note?.trim() || null;
  await tx.insert(soaVersions).values({ workspaceId: workspace.id, id: `SOA-v${version}`, version, approvedBy, approvedAt: at, note, entries: entries.map(entryJson) });
  const summary = { version, approvedBy, approvedAt: at, note, controls: entries.length };
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "soa.publish", entityType: "soa_version", entityId: `SOA-v${version}`, before: null, after: summary });
  return summary;
}

export async function listSoaVersions(db: Db, workspace: Workspace): Promise<SoaVersionSummary[]> {
  const rows = await db.select().from(soaVersions).where(eq(soaVersions.workspaceId, workspace.id));
  return rows
    .sort((a, b) => a.version - b.version)
    .map((r) => ({ version: r.version, approvedBy: r.approvedBy, approvedAt: r.approvedAt, note: r.note, controls: r.entries.length }));
}

export async function getSoaVersion(db: Db, workspace: Workspace, version: number): Promise<SoaVersion> {
  const [row] = await db.select().from(soaVersions).where(and(eq(soaVersions.workspaceId, workspace.id), eq(soaVersions.version, version)));
  if (!row) throw new IsmsError(`No SoA version ${version}`, "List the published versions with: isms soa versions");
  return toVersion(row);
}

/** The latest published version, or undefined when none has been published. */
export async function latestSoaVersion(db: Db, workspace: Workspace): Promise<SoaVersion | undefined> {
  const [row] = await db.select().from(soaVersions).where(eq(soaVersions.workspaceId, workspace.id)).orderBy(desc(soaVersions.version)).limit(1);
  return row ? toVersion(row) : undefined;
}

export type SoaVersionRef = number | "current";

export interface SoaVersionDiff extends SoaDiff {
  from: SoaVersionRef;
  to: SoaVersionRef;
}

/**
 * What changed from one version to another; `to` "current" is the SoA as it stands. Without `from`,
 * the latest published version (or, comparing two published ones, the one before `to`).
 */
export async function soaDiff(db: Db, workspace: Workspace, from: SoaVersionRef | undefined, to: SoaVersionRef = "current", options: { asOf?: Date } = {}): Promise<SoaVersionDiff> {
  const entriesOf = async (ref: SoaVersionRef) => (ref === "current" ? loadStatementOfApplicability(db, workspace, options) : (await getSoaVersion(db, workspace, ref)).entries);
  let start = from;
  if (start === undefined) {
    if (to === "current") {
      const latest = await latestSoaVersion(db, workspace);
      if (!latest) throw new IsmsError("No SoA version has been published yet", "Publish one with: isms soa publish --by <person>");
      start = latest.version;
    } else {
      if (to <= 1) throw new IsmsError(`Version ${to} has no version before it`, "Say which with --from N");
      start = to - 1;
    }
  }
  return { from: start, to, ...diffSoaVersions(await entriesOf(start), await entriesOf(to)) };
}
