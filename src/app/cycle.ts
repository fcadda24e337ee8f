// The certification cycle: the certification body, Stage 1 and 2, the certificate, the audits of the
// cycle and their findings' deadlines, and the surveillance sampling plan (written, shown, edited).
import { and, eq } from "drizzle-orm";
import { certificationTimeline, type CycleTimeline } from "../domain/cycle/timeline.js";
import { isCalendarDay, isCertificationAudit, type CertificationCycle } from "../domain/cycle/model.js";
import { planSurveillanceSampling, samplingYears, type SamplingControl, type SamplingPlan, type SamplingYear } from "../domain/cycle/sampling.js";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import type { Db, Tx } from "../store/open.js";
import { auditFindings, audits, certificationCycles, controlImplementations, risks, surveillanceSamples } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { nextId } from "./entries.js";
import { compareIds } from "./registers.js";
import type { Workspace } from "./workspaces.js";

const toCycle = (r: typeof certificationCycles.$inferSelect): CertificationCycle => ({
  id: r.id,
  certificationBody: r.certificationBody,
  stage1Date: r.stage1Date,
  stage2Date: r.stage2Date,
  certificateNumber: r.certificateNumber,
  certificateIssued: r.certificateIssued,
  certificateExpires: r.certificateExpires,
  samplingSeed: r.samplingSeed,
});

/** The cycles of the workspace, oldest first. */
export async function listCertificationCycles(db: Db, workspace: Workspace): Promise<CertificationCycle[]> {
  const rows = await db.select().from(certificationCycles).where(eq(certificationCycles.workspaceId, workspace.id));
  return rows.map(toCycle).sort((a, b) => compareIds(a.id, b.id));
}

/** The cycle in progress: the newest one; an error naming the command that starts one when there is none. */
export async function currentCertificationCycle(db: Db, workspace: Workspace): Promise<CertificationCycle> {
  const cycle = (await listCertificationCycles(db, workspace)).at(-1);
  if (!cycle) throw new IsmsError("No certification cycle is recorded", 'Start one with: isms cycle set --body "<certification body>" [--stage1 YYYY-MM-DD] [--stage2 YYYY-MM-DD]');
  return cycle;
}

export interface CycleSettings {
  body?: string | undefined;
  stage1?: string | undefined;
  stage2?: string | undefined;
  issued?: string | undefined;
  expires?: string | undefined;
  number?: string | undefined;
  /** Start a new cycle (after recertification) instead of changing the current one. */
  startNew?: boolean | undefined;
}

const dateFields = [
  ["stage1Date", "--stage1"],
  ["stage2Date", "--stage2"],
  ["certificateIssued", "--issued"],
  ["certificateExpires", "--expires"],
] as const;

/** Problems with the cycle's dates: each a real day, and in the order Stage 1, Stage 2, issue, expiry. */
function dateProblems(cycle: CertificationCycle): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [field, flag] of dateFields) {
    const value = cycle[field];
    if (value !== null && !isCalendarDay(value)) problems.push({ path: flag, message: `"${value}" is not a date; write it as YYYY-MM-DD` });
  }
  if (problems.length) return problems;
  const set = dateFields.flatMap(([field, flag]) => {
    const value = cycle[field];
    return value === null ? [] : [{ field, flag, value }];
  });
  for (const [i, later] of set.entries()) {
    const earlier = set[i - 1];
    if (earlier && (later.value < earlier.value || (later.field === "certificateExpires" && later.value === earlier.value))) {
      problems.push({ path: later.flag, message: `${later.value} is not after ${earlier.flag} ${earlier.value}` });
    }
  }
  return problems;
}

/** Records the certification body and the cycle's dates: a new cycle when there is none (or `startNew`), else changes the current one. */
export async function setCertificationCycle(tx: Tx, workspace: Workspace, settings: CycleSettings, context: { actor: string }): Promise<CertificationCycle> {
  const cycles = await listCertificationCycles(tx, workspace);
  const current = settings.startNew ? undefined : cycles.at(-1);
  const body = settings.body?.trim();
  if (!current && !body) throw new IsmsError("--body: name the certification body to start a certification cycle", 'For example: isms cycle set --body "BSI" --stage1 2027-02-10');
  const before: CertificationCycle = current ?? {
    id: nextId("CC", cycles.map((c) => c.id)),
    certificationBody: "",
    stage1Date: null,
    stage2Date: null,
    certificateNumber: null,
    certificateIssued: null,
    certificateExpires: null,
    samplingSeed: null,
  };
  const after: CertificationCycle = {
    ...before,
    certificationBody: body || before.certificationBody,
    stage1Date: settings.stage1 ?? before.stage1Date,
    stage2Date: settings.stage2 ?? before.stage2Date,
    certificateIssued: settings.issued ?? before.certificateIssued,
    certificateExpires: settings.expires ?? before.certificateExpires,
    certificateNumber: settings.number ?? before.certificateNumber,
  };
  const problems = dateProblems(after);
  if (problems.length) throw new InvalidInputError(`certification cycle ${after.id}`, problems);
  if (current) await tx.update(certificationCycles).set(after).where(and(eq(certificationCycles.workspaceId, workspace.id), eq(certificationCycles.id, after.id)));
  else await tx.insert(certificationCycles).values({ ...after, workspaceId: workspace.id });
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "certification_cycle.set", entityType: "certification_cycle", entityId: after.id, before: current ?? null, after });
  return after;
}

export interface CycleOverview {
  cycle: CertificationCycle;
  timeline: CycleTimeline;
  /** The certification body's audits that name no cycle: they should name this one. */
  unlinkedAudits: { id: string; kind: string; title: string }[];
}

/** The current cycle's timeline as it stands on `today`. */
export async function loadCycleOverview(db: Db, workspace: Workspace, today: string): Promise<CycleOverview> {
  const cycle = await currentCertificationCycle(db, workspace);
  const auditRows = (await db.select().from(audits).where(eq(audits.workspaceId, workspace.id))).filter((a) => isCertificationAudit(a.kind));
  const ofCycle = auditRows.filter((a) => a.cycleId === cycle.id);
  const findingRows = await db.select().from(auditFindings).where(eq(auditFindings.workspaceId, workspace.id));
  return {
    cycle,
    timeline: certificationTimeline(cycle, ofCycle, findingRows, today),
    unlinkedAudits: auditRows.filter((a) => a.cycleId === null).map((a) => ({ id: a.id, kind: a.kind, title: a.title })),
  };
}

const controlOf = (requirement: string | null) => requirement?.trim().replace(/^A\.?\s*/i, "") ?? "";

/**
 * The SoA's applicable controls with the worst open risk that lists each and the findings against it.
 * Inherited controls are included: the certificate covers them too, and a surveillance auditor asks
 * how the organization knows its provider operates them (the provider's reports, the shared duties).
 */
export async function loadSamplingControls(db: Db, workspace: Workspace): Promise<SamplingControl[]> {
  const [soaRows, riskRows, findingRows] = await Promise.all([
    db.select({ controlId: controlImplementations.controlId, applicability: controlImplementations.applicability }).from(controlImplementations).where(eq(controlImplementations.workspaceId, workspace.id)),
    db.select().from(risks).where(eq(risks.workspaceId, workspace.id)),
    db.select().from(auditFindings).where(eq(auditFindings.workspaceId, workspace.id)),
  ]);
  return soaRows
    .filter((r) => r.applicability !== "not_applicable")
    .map((r): SamplingControl => {
      let worst: { id: string; score: number } | null = null;
      for (const risk of riskRows.filter((k) => k.status !== "closed" && k.controlIds.some((c) => controlOf(c) === r.controlId))) {
        const score = Math.max(risk.inherentScore ?? 0, risk.residualScore ?? 0);
        if (score > 0 && (!worst || score > worst.score || (score === worst.score && compareIds(risk.id, worst.id) < 0))) worst = { id: risk.id, score };
      }
      const findings = findingRows
        .filter((f) => controlOf(f.requirement) === r.controlId)
        .sort((a, b) => compareIds(a.id, b.id))
        .map((f) => ({ id: f.id, kind: f.kind }));
      return { controlId: r.controlId, riskScore: worst?.score ?? null, riskId: worst?.id ?? null, findings };
    });
}

/** The plan the seed (default: the cycle's stored seed, else its id) draws for the current cycle, not stored. */
export async function draftSurveillanceSampling(db: Db, workspace: Workspace, seed?: string): Promise<{ cycle: CertificationCycle; plan: SamplingPlan }> {
  const cycle = await currentCertificationCycle(db, workspace);
  const controls = await loadSamplingControls(db, workspace);
  if (controls.length === 0) throw new IsmsError("The Statement of Applicability has no applicable control to sample", "Fill it first: isms soa list");
  return { cycle, plan: planSurveillanceSampling(controls, seed ?? cycle.samplingSeed ?? cycle.id) };
}

export interface StoredSample {
  controlId: string;
  year: number;
  reason: string;
}

export async function loadSurveillanceSamples(db: Db, workspace: Workspace, cycleId: string): Promise<StoredSample[]> {
  const rows = await db
    .select({ controlId: surveillanceSamples.controlId, year: surveillanceSamples.year, reason: surveillanceSamples.reason })
    .from(surveillanceSamples)
    .where(and(eq(surveillanceSamples.workspaceId, workspace.id), eq(surveillanceSamples.cycleId, cycleId)));
  return rows.sort((a, b) => a.year - b.year || compareIds(a.controlId, b.controlId));
}

const sampleId = (cycleId: string, controlId: string) => `${cycleId}.${controlId}`;

/** Stores the plan for the current cycle in place of any earlier one (moves by hand included) and keeps its seed. */
export async function writeSurveillanceSampling(tx: Tx, workspace: Workspace, seed: string | undefined, context: { actor: string }): Promise<{ cycle: CertificationCycle; plan: SamplingPlan; replaced: number }> {
  const { cycle, plan } = await draftSurveillanceSampling(tx, workspace, seed);
  const where = and(eq(surveillanceSamples.workspaceId, workspace.id), eq(surveillanceSamples.cycleId, cycle.id));
  const replaced = (await tx.delete(surveillanceSamples).where(where).returning({ id: surveillanceSamples.id })).length;
  await tx.insert(surveillanceSamples).values(plan.assignments.map((a) => ({ ...a, workspaceId: workspace.id, id: sampleId(cycle.id, a.controlId), cycleId: cycle.id })));
  await tx.update(certificationCycles).set({ samplingSeed: plan.seed }).where(and(eq(certificationCycles.workspaceId, workspace.id), eq(certificationCycles.id, cycle.id)));
  const counts = Object.fromEntries(samplingYears.map((y) => [`year${y}`, plan.assignments.filter((a) => a.year === y).length]));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "surveillance_sampling.write", entityType: "certification_cycle", entityId: cycle.id, before: { samples: replaced }, after: { seed: plan.seed, ...counts } });
  return { cycle: { ...cycle, samplingSeed: plan.seed }, plan, replaced };
}

/** Moves one control of the stored plan to another year, with the reason "moved by hand". */
export async function moveSurveillanceSample(tx: Tx, workspace: Workspace, controlId: string, year: number, context: { actor: string }): Promise<StoredSample & { from: number }> {
  if (!samplingYears.some((y: SamplingYear) => y === year)) throw new InvalidInputError("--year", [{ path: "", message: `${year} is not a year of the cycle; give 1, 2 or 3` }]);
  const cycle = await currentCertificationCycle(tx, workspace);
  const id = sampleId(cycle.id, controlId.replace(/^A\.?\s*/i, ""));
  const [before] = await tx.select().from(surveillanceSamples).where(and(eq(surveillanceSamples.workspaceId, workspace.id), eq(surveillanceSamples.id, id)));
  if (!before) {
    const stored = await loadSurveillanceSamples(tx, workspace, cycle.id);
    throw new IsmsError(
      stored.length ? `Control ${controlId} is not in the sampling plan of ${cycle.id}` : `${cycle.id} has no stored sampling plan`,
      stored.length ? "See the plan with: isms cycle sample show" : "Store one first with: isms cycle sample --write",
    );
  }
  const after = { year, reason: "moved by hand" };
  await tx.update(surveillanceSamples).set(after).where(and(eq(surveillanceSamples.workspaceId, workspace.id), eq(surveillanceSamples.id, id)));
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "surveillance_sample.move", entityType: "surveillance_sample", entityId: id, before, after });
  return { controlId: before.controlId, year, reason: after.reason, from: before.year };
}
