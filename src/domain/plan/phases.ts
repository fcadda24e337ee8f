// The phases of a first ISO/IEC 27001 certification, alone or sequenced with a SOC 2 Type II report,
// with the durations commonly seen for a SaaS company on AWS. Data only; plan.ts lays them out in time.

export type Track = "iso27001" | "soc2" | "both";

/** A phase of the ISO-only plan: a duration range in weeks, after the phases it depends on. */
export interface WeeksPhase {
  id: string;
  title: string;
  track: Track;
  weeks: { fast: number; slow: number };
  after: readonly string[];
}

/**
 * Control implementation runs alongside the risk work rather than after it: both start once the gap
 * analysis is done, and the internal audit waits for both.
 */
export const certificationPhases: readonly WeeksPhase[] = [
  { id: "gap-analysis", title: "Gap analysis", track: "iso27001", weeks: { fast: 2, slow: 3 }, after: [] },
  { id: "isms-design", title: "ISMS design and risk assessment", track: "iso27001", weeks: { fast: 8, slow: 12 }, after: ["gap-analysis"] },
  { id: "control-implementation", title: "Control implementation, alongside the risk work", track: "iso27001", weeks: { fast: 6, slow: 12 }, after: ["gap-analysis"] },
  { id: "internal-audit", title: "Internal audit", track: "iso27001", weeks: { fast: 2, slow: 3 }, after: ["isms-design", "control-implementation"] },
  { id: "stage-1", title: "Stage 1 audit: the documented ISMS", track: "iso27001", weeks: { fast: 1, slow: 2 }, after: ["internal-audit"] },
  { id: "stage-2", title: "Stage 2 audit: the controls in operation", track: "iso27001", weeks: { fast: 1, slow: 2 }, after: ["stage-1"] },
  { id: "certificate", title: "Certification decision and certificate issued", track: "iso27001", weeks: { fast: 2, slow: 4 }, after: ["stage-2"] },
];

/**
 * A phase of the combined plan, placed by months from the start: `from` and `to` count whole months
 * elapsed (months 1–3 run from 0 to 3; "month 3" is the 3-month mark). A phase ends the day before
 * its `to` mark, or lasts `weeks` from `from`; one with `afterEnd` starts the day after its dependencies end.
 */
export interface MonthsPhase {
  id: string;
  title: string;
  track: Track;
  from: number;
  to?: number;
  weeks?: number;
  /** One day: the day it happens. */
  milestone?: true;
  afterEnd?: true;
  after: readonly string[];
}

/**
 * ISO/IEC 27001 and SOC 2 in one year: SOC 2's controls first (most are ISO technical controls too),
 * the observation period started early because it has to run for months, the ISMS documents written
 * while it runs, one internal audit for both, then the certification audits as the observation ends.
 */
export const combinedPhases: readonly MonthsPhase[] = [
  { id: "soc2-controls", title: "SOC 2 controls built (most serve ISO 27001 too)", track: "soc2", from: 0, to: 3, after: [] },
  { id: "soc2-auditor", title: "SOC 2 auditor engaged; observation period starts", track: "soc2", from: 3, milestone: true, after: ["soc2-controls"] },
  { id: "soc2-observation", title: "SOC 2 observation period", track: "soc2", from: 3, to: 9, after: ["soc2-auditor"] },
  { id: "isms-documentation", title: "ISMS documentation and risk assessment", track: "iso27001", from: 3, to: 6, after: ["soc2-controls"] },
  { id: "internal-audit", title: "Internal audit covering ISO 27001 and SOC 2", track: "both", from: 6, weeks: 3, after: ["isms-documentation"] },
  { id: "stage-1-and-2", title: "ISO 27001 Stage 1 and Stage 2 audits", track: "iso27001", from: 6, to: 9, afterEnd: true, after: ["internal-audit"] },
  { id: "soc2-report", title: "SOC 2 Type II report issued", track: "soc2", from: 9, to: 10, after: ["soc2-observation"] },
  { id: "certificate", title: "ISO 27001 certificate issued", track: "iso27001", from: 9, to: 10, after: ["stage-1-and-2"] },
];
