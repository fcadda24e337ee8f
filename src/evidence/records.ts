// Evidence records (7.5.3, 9.1): content is redacted, stored once as a blob by its hash, and recorded
// with where it came from and the period it covers; reading it back verifies the hash.
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import type { Db, Tx } from "../store/open.js";
import { evidenceRecords } from "../store/schema/index.js";
import type { EvidenceSource, JsonValue } from "../store/schema/json.js";
import type { BlobStore } from "./blobs.js";
import { canonicalJson, toJsonValue } from "./content.js";
import { redactSecrets } from "./redact.js";

export type EvidenceRecord = typeof evidenceRecords.$inferSelect;
/** The workspace evidence belongs to; only its id is read. */
export interface EvidenceWorkspace {
  id: string;
}

const day = z.iso.date();
const text = z.string().trim().min(1);

export const evidenceInputSchema = z.object({
  kind: text,
  title: text.optional(),
  controlIds: z.array(text),
  source: z.object({
    kind: text,
    account: z.string().regex(/^\d{12}$/, "an AWS account id is 12 digits").optional(),
    region: text.optional(),
    service: text.optional(),
    operation: text.optional(),
    collector: text.optional(),
    version: text.optional(),
    uploader: text.optional(),
  }),
  collectedAt: z.date(),
  period: z
    .object({ start: day, end: day })
    .refine((p) => p.start <= p.end, { message: "the period ends before it starts", path: ["end"] })
    .optional(),
  mediaType: text.optional(),
});

export type EvidenceInput = z.input<typeof evidenceInputSchema> & {
  /** JSON-like data (an API result, a check result) or the bytes of an uploaded file. */
  content: unknown;
};

export interface RecordedEvidence {
  record: EvidenceRecord;
  /** Whether identical content was already in the blob store. */
  reused: boolean;
  /** Where secrets were replaced in the content before it was stored. */
  redactedPaths: string[];
}

/** Stores the content and records it in the workspace within `tx`. Secrets never reach the blob. */
export async function recordEvidence(tx: Tx, ws: EvidenceWorkspace, blobs: BlobStore, input: EvidenceInput): Promise<RecordedEvidence> {
  const [recorded] = await recordEvidenceBatch(tx, ws, blobs, [input]);
  if (!recorded) throw new Error("evidence was not recorded");
  return recorded;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at 11 columns a row. */
const insertChunk = 1_000;

/**
 * Records many pieces of evidence at once (a collection run's snapshots and check results), with
 * consecutive ids, in the order given. Every input is validated before anything is stored.
 */
export async function recordEvidenceBatch(tx: Tx, ws: EvidenceWorkspace, blobs: BlobStore, inputs: readonly EvidenceInput[]): Promise<RecordedEvidence[]> {
  const parsed = inputs.map((input, index) => {
    const result = evidenceInputSchema.safeParse(input);
    if (!result.success) {
      const where = inputs.length > 1 ? `evidence record ${index + 1} of ${inputs.length}` : "evidence record";
      throw new InvalidInputError(
        where,
        result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      );
    }
    return { data: result.data, content: input.content };
  });
  const stored = await Promise.all(
    parsed.map(async ({ data, content }) => {
      const { bytes, mediaType, redactedPaths } = evidenceBytes(content, data.mediaType);
      return { data, mediaType, redactedPaths, blob: await blobs.put(bytes) };
    }),
  );

  // One writer per workspace picks the next ids, so concurrent collectors never take the same one.
  await tx.execute(sql`select pg_advisory_xact_lock(7365002, hashtext(${ws.id}))`);
  const [highest] = await tx
    .select({ n: sql<number | null>`max(substring(${evidenceRecords.id} from '^E-([0-9]+)$')::integer)` })
    .from(evidenceRecords)
    .where(eq(evidenceRecords.workspaceId, ws.id));
  const first = (highest?.n ?? 0) + 1;
  const values = stored.map(({ data, mediaType, redactedPaths, blob }, index) => {
    const { kind, title, controlIds, source, collectedAt, period } = data;
    const recordSource: EvidenceSource = { ...withoutUndefined(source), kind: source.kind, mediaType, size: blob.size };
    if (redactedPaths.length > 0) recordSource.redactedPaths = redactedPaths;
    return {
      workspaceId: ws.id,
      id: `E-${String(first + index).padStart(3, "0")}`,
      kind,
      title: title ?? null,
      controlIds,
      source: recordSource,
      collectedAt,
      periodStart: period?.start ?? null,
      periodEnd: period?.end ?? null,
      sha256: blob.sha256,
      path: blob.path,
    };
  });
  const records: EvidenceRecord[] = [];
  for (let i = 0; i < values.length; i += insertChunk) records.push(...(await tx.insert(evidenceRecords).values(values.slice(i, i + insertChunk)).returning()));
  const byId = new Map(records.map((r) => [r.id, r]));
  return values.map((v, index) => {
    const record = byId.get(v.id);
    const item = stored[index];
    if (!record || !item) throw new Error(`evidence ${v.id} was not inserted`);
    return { record, reused: item.blob.reused, redactedPaths: item.redactedPaths };
  });
}

/** The bytes to store: JSON redacted and canonical; bytes as given unless their media type says JSON. */
function evidenceBytes(content: unknown, mediaType: string | undefined): { bytes: Buffer; mediaType: string; redactedPaths: string[] } {
  const binary = content instanceof Uint8Array;
  if (binary && !(mediaType && isJsonMediaType(mediaType))) {
    return { bytes: Buffer.from(content), mediaType: mediaType ?? "application/octet-stream", redactedPaths: [] };
  }
  const data: unknown = binary ? parseJsonBytes(Buffer.from(content)) : content;
  const { value, paths } = redactSecrets(toJsonValue(data));
  return { bytes: Buffer.from(canonicalJson(value), "utf8"), mediaType: mediaType ?? "application/json", redactedPaths: paths };
}

function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([a-z0-9.+-]+\+)?json\b/i.test(mediaType);
}

function parseJsonBytes(bytes: Buffer): unknown {
  try {
    const parsed: unknown = JSON.parse(bytes.toString("utf8"));
    return parsed;
  } catch (error) {
    throw new IsmsError("Evidence declared as JSON is not valid JSON", `Fix the file or give its real media type (${String(error)})`);
  }
}

function withoutUndefined(source: Record<string, string | undefined>): { [key: string]: string } {
  const result: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined) result[key] = value;
  return result;
}

export interface EvidenceFilter {
  controlId?: string | undefined;
  kind?: string | undefined;
  /** Only evidence collected at or after this instant. */
  since?: Date | undefined;
}

/** The workspace's evidence records, oldest first, narrowed by control, kind and collection time. */
export async function listEvidence(db: Db, ws: EvidenceWorkspace, filter: EvidenceFilter = {}): Promise<EvidenceRecord[]> {
  const conditions = [eq(evidenceRecords.workspaceId, ws.id)];
  if (filter.controlId) conditions.push(sql`${evidenceRecords.controlIds} @> ${JSON.stringify([filter.controlId])}::jsonb`);
  if (filter.kind) conditions.push(eq(evidenceRecords.kind, filter.kind));
  if (filter.since) conditions.push(gte(evidenceRecords.collectedAt, filter.since));
  return db
    .select()
    .from(evidenceRecords)
    .where(and(...conditions))
    .orderBy(asc(evidenceRecords.collectedAt), asc(evidenceRecords.id));
}

export interface EvidenceContent {
  record: EvidenceRecord;
  /** The stored bytes, verified against the record's hash. */
  bytes: Buffer;
  /** The parsed content when the evidence is JSON. */
  json?: JsonValue;
}

/** Reads one evidence record and its content; EvidenceTamperedError if the blob no longer matches. */
export async function readEvidence(db: Db, ws: EvidenceWorkspace, blobs: BlobStore, id: string): Promise<EvidenceContent> {
  const [record] = await db
    .select()
    .from(evidenceRecords)
    .where(and(eq(evidenceRecords.workspaceId, ws.id), eq(evidenceRecords.id, id)));
  if (!record) throw new IsmsError(`No evidence ${id} in this workspace`, "List the workspace's evidence to see its ids");
  const bytes = await blobs.get(record.sha256);
  const mediaType = record.source.mediaType;
  if (typeof mediaType === "string" && isJsonMediaType(mediaType)) return { record, bytes, json: toJsonValue(parseJsonBytes(bytes)) };
  return { record, bytes };
}
