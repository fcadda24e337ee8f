// The auditor's sample as a use case: build the populations from the workspace's data, draw them from
// the seed, and save the sample with its request list in one transaction; or only show it (a dry run).
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { isoDay } from "../domain/risk/calendar.js";
import { auditKinds, defaultSampleSizes, lastTwelveMonths, maxSampleSize, planAuditSample, sampleKinds, sampleKindSpec, type KindSummary, type Period, type SampleSizes } from "../domain/sample/index.js";
import type { Db, Tx } from "../store/open.js";
import { auditSamples, evidenceRequests, type SampleSizes as StoredSizes } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { nextId } from "./entries.js";
import type { EvidenceRequest } from "./evidence-requests.js";
import { loadSamplePopulations } from "./sample-populations.js";
import type { Workspace } from "./workspaces.js";

export type AuditSample = Omit<typeof auditSamples.$inferSelect, "workspaceId">;

export interface DrawnSample {
  sample: AuditSample;
  kinds: KindSummary[];
  requests: EvidenceRequest[];
}

const sampleInputSchema = z.object({
  audit: z.enum(auditKinds, { error: `the audit is one of ${auditKinds.join(", ")}` }),
  seed: z.string().trim().min(1, "give the seed the auditor chose (any text): the same seed over the same data draws the same sample").max(200),
  period: z.object({ start: z.iso.date(), end: z.iso.date() }).optional(),
  sizes: z.partialRecord(z.enum(sampleKinds), z.number().int().min(0).max(maxSampleSize)).optional(),
  drawnBy: z.string().trim().min(1).optional(),
});
/** What a face passes in; the audit kind is checked here, as an API body or a flag gives it. */
export type SampleInput = Omit<z.input<typeof sampleInputSchema>, "audit"> & { audit: string };

export interface SampleContext {
  actor: string;
  /** The day the sample is drawn (default: today, UTC). */
  today?: string | undefined;
  now?: Date | undefined;
}

function parseInput(input: SampleInput) {
  const parsed = sampleInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInputError(
      "sample",
      parsed.error.issues.map((i) => ({ path: i.path.map((p) => (p === "seed" || p === "audit" || p === "period" ? `--${p}` : String(p))).join("."), message: i.message })),
    );
  }
  return parsed.data;
}

/** The sample's period: as given (it must have begun by today), else the twelve months up to today. */
function periodOf(given: Period | undefined, today: string): Period {
  if (!given) return lastTwelveMonths(today);
  if (given.start > given.end) throw new IsmsError(`--period: ${given.start}..${given.end} ends before it starts`, "Give the earlier day first");
  if (given.start > today) throw new IsmsError(`--period: ${given.start}..${given.end} starts after today (${today})`, "Sample a period that has begun: an auditor samples what has already happened");
  return given;
}

/** The ids already used, so a draw can number its sample and requests after them. */
async function usedIds(db: Db, ws: Workspace): Promise<{ samples: string[]; requests: string[] }> {
  // One query at a time: inside a transaction node-postgres has one connection to run them on.
  const samples = await db.select({ id: auditSamples.id }).from(auditSamples).where(eq(auditSamples.workspaceId, ws.id));
  const requests = await db.select({ id: evidenceRequests.id }).from(evidenceRequests).where(eq(evidenceRequests.workspaceId, ws.id));
  return { samples: samples.map((r) => r.id), requests: requests.map((r) => r.id) };
}

/** Draws the sample from the workspace's data and numbers it after what is stored; writes nothing. */
export async function drawAuditSample(db: Db, ws: Workspace, input: SampleInput, context: SampleContext): Promise<DrawnSample> {
  const data = parseInput(input);
  const today = context.today ?? isoDay(context.now ?? new Date());
  const period = periodOf(data.period, today);
  const sizes: SampleSizes = { ...defaultSampleSizes, ...data.sizes };
  const plan = planAuditSample(await loadSamplePopulations(db, ws, period, today), sizes, data.seed);
  const used = await usedIds(db, ws);
  const sampleId = nextId("S", used.samples);
  const stored: StoredSizes = {};
  for (const k of plan.kinds) stored[k.kind] = { asked: k.asked, population: k.population, drawn: k.drawn, from: k.from };
  const sample: AuditSample = {
    id: sampleId,
    audit: data.audit,
    seed: data.seed,
    periodStart: period.start,
    periodEnd: period.end,
    drawnAt: context.now ?? new Date(),
    drawnBy: data.drawnBy ?? context.actor,
    sizes: stored,
  };
  const ids = [...used.requests];
  const requests = plan.requests.map((draft): EvidenceRequest => {
    const id = nextId("REQ", ids);
    ids.push(id);
    return { id, sampleId, ...draft, requestedOn: today, providedOn: draft.status === "provided" ? today : null, providedBy: null };
  });
  return { sample, kinds: plan.kinds, requests };
}

const rowChunk = 500;

/**
 * Saves a drawn sample and its requests with an audit-log entry, numbered after what is stored by then
 * (one writer per workspace at a time), and returns it as saved.
 */
export async function saveAuditSample(tx: Tx, ws: Workspace, drawn: DrawnSample, context: { actor: string }): Promise<DrawnSample> {
  await tx.execute(sql`select pg_advisory_xact_lock(7365009, hashtext(${ws.id}))`);
  const used = await usedIds(tx, ws);
  const sample: AuditSample = { ...drawn.sample, id: nextId("S", used.samples) };
  const ids = [...used.requests];
  const requests = drawn.requests.map((r): EvidenceRequest => {
    const id = nextId("REQ", ids);
    ids.push(id);
    return { ...r, id, sampleId: sample.id };
  });
  await tx.insert(auditSamples).values({ ...sample, workspaceId: ws.id });
  const rows = requests.map((r) => ({ ...r, workspaceId: ws.id }));
  for (let i = 0; i < rows.length; i += rowChunk) await tx.insert(evidenceRequests).values(rows.slice(i, i + rowChunk));
  await appendAuditLog(tx, {
    workspaceId: ws.id,
    actor: context.actor,
    action: "audit_samples.draw",
    entityType: "audit_samples",
    entityId: sample.id,
    before: null,
    after: { ...sample, drawnAt: sample.drawnAt.toISOString(), requests: requests.map((r) => r.id), provided: requests.filter((r) => r.status === "provided").length },
  });
  return { ...drawn, sample, requests };
}

/**
 * Draws the sample and saves it in one transaction. The draw reads outside it: it runs many queries,
 * and the ids are settled when saving.
 */
export async function takeAuditSample(db: Db, ws: Workspace, input: SampleInput, context: SampleContext): Promise<DrawnSample> {
  const drawn = await drawAuditSample(db, ws, input, context);
  return db.transaction((tx) => saveAuditSample(tx, ws, drawn, context));
}

/** The newest sample drawn for an audit kind, or undefined. */
export async function latestSample(db: Db, ws: Workspace, audit: string): Promise<AuditSample | undefined> {
  const [newest] = await db
    .select()
    .from(auditSamples)
    .where(and(eq(auditSamples.workspaceId, ws.id), eq(auditSamples.audit, audit)))
    .orderBy(desc(auditSamples.drawnAt), desc(auditSamples.id))
    .limit(1);
  if (!newest) return undefined;
  const { workspaceId: _ws, ...sample } = newest;
  return sample;
}

/** One sample by id (case ignored); an error naming it when the workspace has none such. */
export async function getSample(db: Db, ws: Workspace, id: string): Promise<AuditSample> {
  const [row] = await db
    .select()
    .from(auditSamples)
    .where(and(eq(auditSamples.workspaceId, ws.id), eq(auditSamples.id, id.trim().toUpperCase())));
  if (!row) throw new IsmsError(`No sample ${id} in this workspace`, "Draw one with: isms sample --audit stage2 --seed <seed>");
  const { workspaceId: _ws, ...sample } = row;
  return sample;
}

/** How each kind was sampled, read back from a stored sample. */
export function kindSummaries(sample: AuditSample): KindSummary[] {
  return sampleKinds.flatMap((kind) => {
    const size = sample.sizes[kind];
    if (!size) return [];
    return [{ kind, title: sampleKindSpec(kind).title, asked: size.asked, population: size.population, drawn: size.drawn, whole: size.population <= size.asked, from: size.from ?? "" }];
  });
}
