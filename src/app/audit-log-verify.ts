// Checks the audit log's hash chain end to end (A.8.15 protection of log information): each entry's
// hash recomputed as appendAuditLog computed it, each prev_hash against the entry before, no seq missing.
import { createHash } from "node:crypto";
import { asc, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { canonicalJson } from "../domain/canonical-json.js";
import { InvalidInputError } from "../domain/errors.js";
import type { Db } from "../store/open.js";
import { auditLog } from "../store/schema/index.js";
import { hashAuditEntry } from "./audit-log.js";

/** Who did what to which entity, and when: enough to name an entry to a person. */
export interface AuditEntrySummary {
  seq: number;
  /** ISO 8601 in UTC, as hashed. */
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
}

export type AuditLogProblemKind = "edited" | "chain-broken" | "missing";

export interface AuditLogProblem {
  /** The broken entry; for "missing", the first seq of the gap. */
  seq: number;
  kind: AuditLogProblemKind;
  message: string;
  /** The entry as stored (absent for "missing": there is no row). */
  entry?: AuditEntrySummary;
}

export interface AuditLogVerification {
  ok: boolean;
  /** Entries read. */
  entries: number;
  /** The newest entry's seq and hash: keep them elsewhere to notice later removal of the newest entries. */
  last?: { seq: number; hash: string };
  /** The earliest entry found broken (after a gap, the entry that follows it). */
  first?: AuditEntrySummary;
  /** Every problem, in seq order. */
  problems: AuditLogProblem[];
}

const verifyOptions = z.object({
  /** Entries read per query: the log is walked in batches, never loaded whole. */
  batch: z.number().int().min(1).max(100_000).default(1000),
});

export type VerifyAuditLogOptions = z.input<typeof verifyOptions>;

/** The prev_hash of the first entry ever written. */
const genesisHash = "0".repeat(64);

// `at` is read as text with microseconds, so that a sub-millisecond change is not rounded away, and
// before/after as jsonb text parsed here: key order and number spelling then do not depend on the
// driver (PGlite and node-postgres decode jsonb and timestamps differently).
const storedColumns = {
  seq: auditLog.seq,
  workspaceId: auditLog.workspaceId,
  actor: auditLog.actor,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: sql<string | null>`${auditLog.before}::text`,
  after: sql<string | null>`${auditLog.after}::text`,
  at: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

type StoredEntry = {
  seq: number;
  workspaceId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  at: string;
  prevHash: string | null;
  hash: string;
};

/** Walks the whole log in seq order and reports every broken entry; `ok` when there is none. */
export async function verifyAuditLog(db: Db, options: VerifyAuditLogOptions = {}): Promise<AuditLogVerification> {
  const parsed = verifyOptions.safeParse(options);
  if (!parsed.success) throw new InvalidInputError("audit log verification", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const { batch } = parsed.data;
  // One snapshot for the whole walk: entries appended meanwhile are not half-seen.
  return db.transaction(
    async (tx) => {
      const walk = new ChainWalk();
      for (let after = 0; ; ) {
        const rows: StoredEntry[] = await tx.select(storedColumns).from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(batch);
        for (const row of rows) walk.check(row);
        const last = rows.at(-1);
        if (!last || rows.length < batch) break;
        after = last.seq;
      }
      return walk.result();
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The state carried from one entry to the next: only the previous entry, whatever the log's length. */
class ChainWalk {
  private entries = 0;
  private previous: { seq: number; hash: string } | undefined;
  private first: AuditEntrySummary | undefined;
  private readonly problems: AuditLogProblem[] = [];

  check(row: StoredEntry): void {
    this.entries += 1;
    const entry = summarize(row);
    const expectedSeq = (this.previous?.seq ?? 0) + 1;
    const gap = row.seq > expectedSeq ? seqRange(expectedSeq, row.seq - 1) : undefined;
    if (gap) {
      const where = this.previous ? `the log jumps from seq ${this.previous.seq} to seq ${row.seq}` : `the log starts at seq ${row.seq}`;
      this.report({ seq: expectedSeq, kind: "missing", message: `${gap} missing: ${where}, so entries were deleted` }, entry);
    }
    if (!recomputedHashes(row).includes(row.hash)) {
      this.report({ seq: row.seq, kind: "edited", message: `${describeEntry(entry)} was changed after it was written: its content no longer matches its hash`, entry }, entry);
    }
    // Before a gap at the start there is no predecessor to compare with.
    const expectedPrev = this.previous?.hash ?? (row.seq === 1 ? genesisHash : undefined);
    if (row.seq < 1) {
      this.report({ seq: row.seq, kind: "chain-broken", message: `${describeEntry(entry)} comes before seq 1, where the log begins: it was inserted`, entry }, entry);
    } else if (expectedPrev !== undefined && row.prevHash !== expectedPrev) {
      const message = this.previous
        ? `${describeEntry(entry)} does not follow seq ${this.previous.seq}: its prev_hash is not the hash of seq ${this.previous.seq}, ` +
          (gap ? `${gap} missing between them` : `an entry was deleted or inserted before it, or seq ${this.previous.seq} was rewritten`)
        : `${describeEntry(entry)} is the first entry but its prev_hash is not 64 zeros: it was rewritten`;
      this.report({ seq: row.seq, kind: "chain-broken", message, entry }, entry);
    }
    this.previous = { seq: row.seq, hash: row.hash };
  }

  result(): AuditLogVerification {
    return {
      ok: this.problems.length === 0,
      entries: this.entries,
      ...(this.previous ? { last: this.previous } : {}),
      ...(this.first ? { first: this.first } : {}),
      problems: this.problems,
    };
  }

  private report(problem: AuditLogProblem, at: AuditEntrySummary): void {
    this.problems.push(problem);
    this.first ??= at;
  }
}

/**
 * The hashes appendAuditLog could have given this content. Besides the content as stored, a NULL
 * workspace or entity id may stand for a key that was undefined when hashed (and so left out of the
 * canonical JSON): appendAuditLog's types forbid it, but JavaScript callers could.
 */
function recomputedHashes(row: StoredEntry): string[] {
  const content = {
    workspaceId: row.workspaceId,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    before: parseJsonb(row.before),
    after: parseJsonb(row.after),
    seq: row.seq,
    at: hashedInstant(row.at),
    prevHash: row.prevHash ?? "",
  };
  if (row.entityId !== null) {
    const stored = hashAuditEntry({ ...content, entityId: row.entityId });
    const { workspaceId, ...withoutWorkspace } = content;
    return workspaceId === null ? [stored, sha256Canonical({ ...withoutWorkspace, entityId: row.entityId })] : [stored];
  }
  const { workspaceId, ...withoutWorkspace } = content;
  const hashes = [sha256Canonical({ ...content, entityId: null }), sha256Canonical(content)];
  if (workspaceId === null) hashes.push(sha256Canonical({ ...withoutWorkspace, entityId: null }), sha256Canonical(withoutWorkspace));
  return hashes;
}

/** hashAuditEntry's formula, for content its types do not admit. */
function sha256Canonical(content: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** appendAuditLog stores `null` for no value; JSON text otherwise. */
function parseJsonb(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/** "2025-06-01T12:00:00.123000Z" → "2025-06-01T12:00:00.123Z", as Date.toISOString() wrote it; finer instants stay as they are and will not match. */
function hashedInstant(text: string): string {
  return text.replace(/\.(\d{3})000Z$/, ".$1Z");
}

function summarize(row: StoredEntry): AuditEntrySummary {
  return { seq: row.seq, at: hashedInstant(row.at), actor: row.actor, action: row.action, entityType: row.entityType, entityId: row.entityId };
}

/** "seq 12 (2025-06-01T12:00:00.000Z, by cli: risk.edit on risk R-001)". */
export function describeEntry(entry: AuditEntrySummary): string {
  const entity = entry.entityId === null ? entry.entityType : `${entry.entityType} ${entry.entityId}`;
  return `seq ${entry.seq} (${entry.at}, by ${entry.actor}: ${entry.action} on ${entity})`;
}

/** "seq 13 is" or "seq 13–14 (2 entries) are". */
function seqRange(from: number, to: number): string {
  return from === to ? `seq ${from} is` : `seq ${from}–${to} (${to - from + 1} entries) are`;
}
