// Derives the Statement of Applicability from what is stored (decisions, justifications, owners), the
// risk register (reasons of kind "risk") and the evidence and automated checks (implementation status).
import { annexAControls, compareControlIds } from "../../catalog/annex-a.js";
import type { RiskDecision } from "../risk/index.js";
import { parseStoredStatus } from "./entry.js";
import type { AutomatedChecks, ImplementationStatus, SoaApplicability, SoaEntry, SoaReason, SoaTheme, StatusSource } from "./entry.js";

export interface SoaControl {
  id: string;
  title: string;
  theme: SoaTheme;
}

/** A stored SoA row (control_implementations), as the domain needs it. */
export interface StoredSoaRow {
  controlId: string;
  applicability: SoaApplicability;
  reasons: readonly SoaReason[];
  justification: string;
  /** The stored word; anything but the four statuses reads as "not yet assessed". */
  implementationStatus: string | null;
  statusOverrideReason: string | null;
  owner: string | null;
  implementationDescription: string | null;
  reference: string | null;
  evidenceRefs?: readonly string[];
}

export interface SoaRisk {
  id: string;
  controlIds: readonly string[];
  decision?: RiskDecision | null | undefined;
}

export interface SoaEvidenceRecord {
  id: string;
  controlIds: readonly string[];
  collectedAt: Date;
}

/** One resource's pass or fail under one control, from the latest collection run. */
export interface CheckResult {
  controlId: string;
  passed: boolean;
  checkId?: string;
  account?: string;
  region?: string;
  resource?: string;
  detail?: string;
  collectedAt?: Date;
}

export interface DeriveSoaInput {
  controls: readonly SoaControl[];
  stored: readonly StoredSoaRow[];
  risks: readonly SoaRisk[];
  evidence: readonly SoaEvidenceRecord[];
  checkResults?: readonly CheckResult[];
  asOf: Date;
  /** Evidence collected longer ago than this is stale (default 90 days, a quarter). */
  freshnessDays?: number;
}

export const defaultFreshnessDays = 90;

/** The 93 Annex A controls followed by the workspace's own, each once, in the SoA's order. */
export function soaControls(own: readonly { id: string; title: string }[]): SoaControl[] {
  return [
    ...annexAControls.map((c) => ({ id: c.id, title: c.title, theme: c.theme })),
    ...own.map((c) => ({ id: c.id, title: c.title, theme: "own" as const })),
  ];
}

const day = 24 * 60 * 60 * 1000;

/** Collected on or before `asOf`, and no more than `freshnessDays` before it. */
export function isFresh(collectedAt: Date, asOf: Date, freshnessDays = defaultFreshnessDays): boolean {
  const age = asOf.getTime() - collectedAt.getTime();
  return age >= 0 && age <= freshnessDays * day;
}

export interface StatusFacts {
  applicability: SoaApplicability | null;
  storedStatus: ImplementationStatus | null;
  overrideReason: string | null;
  checks: readonly { passed: boolean }[];
  hasFreshEvidence: boolean;
}

/**
 * The implementation status and where it comes from, first rule that applies:
 * 1. not applicable → no status;
 * 2. a person overrode the status with a reason → theirs ("override");
 * 3. automated checks ran: every one failed → not implemented; some failed → partially implemented;
 *    all passed and there is fresh evidence → implemented ("derived");
 * 4. fresh evidence and no status stated by a person → implemented ("derived");
 * 5. otherwise what a person stated, or null when nobody has assessed it ("manual").
 * A status stated by a person never outranks failing checks; to disagree with them, override.
 */
export function deriveImplementationStatus(facts: StatusFacts): { status: ImplementationStatus | null; source: StatusSource } {
  if (facts.applicability === "not_applicable") return { status: null, source: "manual" };
  if (facts.overrideReason) return { status: facts.storedStatus, source: "override" };
  if (facts.checks.length > 0) {
    const failed = facts.checks.filter((c) => !c.passed).length;
    if (failed === facts.checks.length) return { status: "not_implemented", source: "derived" };
    if (failed > 0) return { status: "partially_implemented", source: "derived" };
    if (facts.hasFreshEvidence) return { status: "implemented", source: "derived" };
  }
  if (facts.hasFreshEvidence && facts.storedStatus === null) return { status: "implemented", source: "derived" };
  return { status: facts.storedStatus, source: "manual" };
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

const naturalOrder = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** The failing resources a SoA row names; the rest are counted. */
export const failingShown = 50;

/** The automated checks' verdicts under one control, summarized for its SoA row. */
export function summarizeChecks(results: readonly CheckResult[]): AutomatedChecks | null {
  if (results.length === 0) return null;
  const failing = results.filter((r) => !r.passed);
  const times = results.flatMap((r) => (r.collectedAt ? [r.collectedAt.getTime()] : []));
  return {
    collectedAt: new Date(times.length ? Math.max(...times) : 0),
    checks: [...new Set(results.flatMap((r) => (r.checkId ? [r.checkId] : [])))].sort(),
    passed: results.length - failing.length,
    failed: failing.length,
    failing: failing.slice(0, failingShown).map((r) => ({
      checkId: r.checkId ?? "",
      account: r.account ?? "",
      region: r.region ?? "",
      resource: r.resource ?? "",
      detail: r.detail ?? "",
    })),
  };
}

/** Orders SoA rows: Annex A by id (5.1 … 8.34), then own controls by id. */
export function compareSoaControls(a: Pick<SoaControl, "id" | "theme">, b: Pick<SoaControl, "id" | "theme">): number {
  const aOwn = a.theme === "own";
  const bOwn = b.theme === "own";
  if (aOwn !== bOwn) return aOwn ? 1 : -1;
  return aOwn ? naturalOrder(a.id, b.id) : compareControlIds(a.id, b.id);
}

/** Every control's SoA entry as of `asOf`, in the standard's order followed by the own controls. */
export function deriveStatementOfApplicability(input: DeriveSoaInput): SoaEntry[] {
  const freshnessDays = input.freshnessDays ?? defaultFreshnessDays;
  const storedById = new Map(input.stored.map((row) => [row.controlId, row]));
  const treating = groupBy(
    input.risks.filter((r) => r.decision === "treat"),
    (r) => [...new Set(r.controlIds)],
  );
  const known = input.evidence.filter((e) => e.collectedAt.getTime() <= input.asOf.getTime());
  const evidenceById = new Map(known.map((e) => [e.id, e]));
  const evidenceByControl = groupBy(known, (e) => [...new Set(e.controlIds)]);
  const checksByControl = groupBy(input.checkResults ?? [], (c) => [c.controlId]);
  const controls = [...new Map(input.controls.map((c) => [c.id, c])).values()];

  return controls
    .sort(compareSoaControls)
    .map((control): SoaEntry => {
      const row = storedById.get(control.id);
      const treatedRiskIds = (treating.get(control.id) ?? []).map((r) => r.id).sort(naturalOrder);
      const records = new Map((evidenceByControl.get(control.id) ?? []).map((e) => [e.id, e]));
      for (const ref of row?.evidenceRefs ?? []) {
        const record = evidenceById.get(ref);
        if (record) records.set(ref, record);
      }
      const evidence = [...records.values()]
        .sort((a, b) => b.collectedAt.getTime() - a.collectedAt.getTime() || naturalOrder(a.id, b.id))
        .map((e) => ({ id: e.id, collectedAt: e.collectedAt, fresh: isFresh(e.collectedAt, input.asOf, freshnessDays) }));
      const applicability = row?.applicability ?? null;
      const { status, source } = deriveImplementationStatus({
        applicability,
        storedStatus: parseStoredStatus(row?.implementationStatus),
        overrideReason: row?.statusOverrideReason ?? null,
        checks: checksByControl.get(control.id) ?? [],
        hasFreshEvidence: evidence.some((e) => e.fresh),
      });
      return {
        controlId: control.id,
        title: control.title,
        theme: control.theme,
        applicability,
        reasons: [...treatedRiskIds.map((id) => ({ kind: "risk" as const, ref: id })), ...(row?.reasons ?? []).filter((r) => r.kind !== "risk")],
        justification: row?.justification ?? "",
        implementationStatus: status,
        statusSource: source,
        statusOverrideReason: source === "override" ? (row?.statusOverrideReason ?? null) : null,
        owner: row?.owner ?? null,
        implementationDescription: row?.implementationDescription ?? null,
        reference: row?.reference ?? null,
        evidence,
        treatedRiskIds,
        automatedChecks: applicability === "not_applicable" ? null : summarizeChecks(checksByControl.get(control.id) ?? []),
      };
    });
}
