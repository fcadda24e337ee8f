// The controls of a package: which are in scope for the audit (Stage 2: every applicable or inherited
// control; surveillance: the year's sample), and for each its SoA decision, owner, risks, checks and
// evidence files, as the index and the one-page summaries show them.
import { isControlId, getControl } from "../../catalog/annex-a.js";
import { awsChecks } from "../../aws/checks/index.js";
import { IsmsError } from "../../domain/errors.js";
import type { SoaEntry } from "../../domain/soa/index.js";
import type { AuditKind, IndexedControl, IndexedFile } from "../../reports/package/types.js";
import type { Db } from "../../store/open.js";
import { currentCertificationCycle, loadSurveillanceSamples } from "../cycle.js";
import { loadRisks } from "../risks.js";
import { loadPersonNames } from "../soa.js";
import type { Workspace } from "../workspaces.js";
import { latestCheckCounts, type CheckResultRow } from "./evidence.js";

/** "A.5.15" for an Annex A control, the own control's id otherwise. */
export const controlLabel = (controlId: string) => (isControlId(controlId) ? `A.${controlId}` : controlId);
export const controlFolder = (controlId: string) => `controls/${controlLabel(controlId)}/`;

export interface ControlScope {
  /** The controls whose evidence the package holds. */
  ids: Set<string>;
  /** "Stage 2 audit", "Surveillance audit, year 2 of the cycle (C-001)". */
  label: string;
}

/** Which controls the audit looks at. Surveillance needs the stored sampling plan (isms cycle sample --write). */
export async function controlScope(db: Db, workspace: Workspace, audit: AuditKind, entries: readonly SoaEntry[], year: number | undefined): Promise<ControlScope> {
  if (audit === "stage1") return { ids: new Set(), label: "Stage 1 audit (documentation review)" };
  if (audit === "stage2") {
    return { ids: new Set(entries.filter((e) => e.applicability === "applicable" || e.applicability === "inherited").map((e) => e.controlId)), label: "Stage 2 audit (implementation and operation)" };
  }
  const cycle = await currentCertificationCycle(db, workspace);
  const samples = await loadSurveillanceSamples(db, workspace, cycle.id);
  if (samples.length === 0) throw new IsmsError(`The certification cycle ${cycle.id} has no stored surveillance sampling plan`, "Draw and store it first: isms cycle sample --write");
  const wanted = year ?? 2;
  const ids = new Set(samples.filter((s) => s.year === wanted).map((s) => s.controlId));
  if (ids.size === 0) throw new IsmsError(`The sampling plan of ${cycle.id} assigns no control to year ${wanted}`, "See the plan with: isms cycle show; give --year 2 or 3");
  return { ids, label: `Surveillance audit, year ${wanted} of cycle ${cycle.id}` };
}

export interface ControlEvidence {
  files: IndexedFile[];
  results: CheckResultRow[];
  /** The control's check-results CSV, when it has results. */
  checkResultsFile?: IndexedFile;
}

const checkTitles = new Map(awsChecks.map((c) => [c.id, c.title]));

/** The index's view of every SoA control; `evidenceOf` gives the files of the controls in scope. */
export async function indexedControls(
  db: Db,
  workspace: Workspace,
  entries: readonly SoaEntry[],
  scope: ControlScope,
  evidenceOf: (controlId: string) => ControlEvidence,
): Promise<IndexedControl[]> {
  const personName = await loadPersonNames(db, workspace);
  const riskTitles = new Map((await loadRisks(db, workspace)).map((r) => [r.id, r.title]));
  return entries.map((entry): IndexedControl => {
    const inScope = scope.ids.has(entry.controlId);
    const evidence = inScope ? evidenceOf(entry.controlId) : { files: [], results: [] };
    const focus = isControlId(entry.controlId) ? getControl(entry.controlId).auditorFocus : undefined;
    const implementation = entry.implementationDescription ?? (focus ? `No description of how it operates yet. What an auditor looks for: ${focus}` : undefined);
    return {
      id: controlLabel(entry.controlId),
      title: entry.title,
      theme: entry.theme,
      applicability: entry.applicability === null ? "undecided" : entry.applicability.replace("_", "-"),
      ...(entry.implementationStatus ? { status: entry.implementationStatus.replaceAll("_", " ") } : {}),
      ...(entry.owner ? { owner: personName(entry.owner) } : {}),
      ...(entry.justification ? { justification: entry.justification } : {}),
      ...(implementation ? { implementation } : {}),
      inScope,
      ...(inScope ? { folder: controlFolder(entry.controlId) } : {}),
      risks: entry.treatedRiskIds.map((id) => `${id} ${riskTitles.get(id) ?? ""}`.trim()),
      checks: latestCheckCounts(evidence.results, (id) => checkTitles.get(id) ?? id),
      files: evidence.checkResultsFile ? [evidence.checkResultsFile, ...evidence.files] : evidence.files,
    };
  });
}
