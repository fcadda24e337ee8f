// The surveillance sampling plan: every applicable control assigned to one year of the three-year
// cycle, a third a year, the controls most worth looking at first, and the same plan for the same seed.
//
// Year 1 is the certification (or recertification) year, years 2 and 3 those of the two surveillance
// audits, so every control has had its turn by year 3. "A third a year": the years' sizes differ by at
// most one, the earlier years taking the remainder. Order of priority:
//   1. a control an earlier audit raised a finding against (the certification body follows it up);
//   2. then the higher the score of the worst risk the control treats;
//   3. then a draw from the seed, so controls of equal standing rotate differently under another seed.
// The draw is per control (mulberry32 seeded with a hash of seed and control id), so adding a control
// to the SoA leaves the others' draws as they were.

export interface SamplingControl {
  controlId: string;
  /** The highest inherent or residual score of the open risks that list the control; null when none does. */
  riskScore: number | null;
  /** The risk with that score, for the reason. */
  riskId: string | null;
  /** Findings of earlier audits against the control. */
  findings: readonly { id: string; kind: string }[];
}

export type SamplingYear = 1 | 2 | 3;
export const samplingYears: readonly SamplingYear[] = [1, 2, 3];

export interface SurveillanceAssignment {
  controlId: string;
  year: SamplingYear;
  reason: string;
}

export interface SamplingPlan {
  seed: string;
  /** By year, then control id as the SoA orders them. */
  assignments: SurveillanceAssignment[];
}

/** A 32-bit FNV-1a hash of the text's UTF-16 code units. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `n` controls fall in each year: a third each, the earlier years taking the remainder. */
export function yearSizes(n: number): [number, number, number] {
  const base = Math.floor(n / 3);
  const extra = n % 3;
  return [base + (extra > 0 ? 1 : 0), base + (extra > 1 ? 1 : 0), base];
}

const compareIds = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
const kindName = (kind: string) => kind.replaceAll("_", " ");

function reasonFor(control: SamplingControl, seed: string): string {
  const parts: string[] = [];
  if (control.findings.length) parts.push(`earlier finding ${control.findings.map((f) => `${f.id} (${kindName(f.kind)})`).join(", ")}`);
  if (control.riskScore !== null) parts.push(`risk ${control.riskId ?? "?"} scores ${control.riskScore}`);
  return parts.length ? parts.join("; ") : `no risk or finding on it: rotation by seed "${seed}"`;
}

/** One entry per control id: the worst risk and all the findings of duplicates. */
function merged(controls: readonly SamplingControl[]): SamplingControl[] {
  const byId = new Map<string, SamplingControl>();
  for (const c of controls) {
    const seen = byId.get(c.controlId);
    if (!seen) byId.set(c.controlId, { ...c, findings: [...c.findings] });
    else {
      const worse = (c.riskScore ?? 0) > (seen.riskScore ?? 0);
      byId.set(c.controlId, { ...seen, riskScore: worse ? c.riskScore : seen.riskScore, riskId: worse ? c.riskId : seen.riskId, findings: [...seen.findings, ...c.findings] });
    }
  }
  return [...byId.values()];
}

/** Assigns every control to year 1, 2 or 3 (see the top of this file for how). */
export function planSurveillanceSampling(controls: readonly SamplingControl[], seed: string): SamplingPlan {
  const ranked = merged(controls)
    .map((control) => ({ control, draw: mulberry32(hashSeed(`${seed}\u0000${control.controlId}`))() }))
    .sort(
      (a, b) =>
        Number(b.control.findings.length > 0) - Number(a.control.findings.length > 0) ||
        (b.control.riskScore ?? 0) - (a.control.riskScore ?? 0) ||
        a.draw - b.draw ||
        compareIds(a.control.controlId, b.control.controlId),
    );
  const [first, second] = yearSizes(ranked.length);
  const assignments = ranked.map(({ control }, rank): SurveillanceAssignment => ({
    controlId: control.controlId,
    year: rank < first ? 1 : rank < first + second ? 2 : 3,
    reason: reasonFor(control, seed),
  }));
  return { seed, assignments: assignments.sort((a, b) => a.year - b.year || compareIds(a.controlId, b.controlId)) };
}
