// The data-directory lock: PGlite has no lock between processes, and two processes writing one data
// directory silently lose writes, so whoever opens it first holds a lock file until it closes or exits.
import { readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

/** What the lock file holds: enough to tell a person who has the directory, and to detect a dead holder. */
const lockRecord = z.object({
  pid: z.number().int().positive(),
  command: z.string(),
  hostname: z.string(),
  startedAt: z.string(),
});
export type LockRecord = z.infer<typeof lockRecord>;

export const lockFileName = "db.lock";

/** Another live process holds the data directory. */
export class DataDirectoryInUseError extends Error {
  override readonly name = "DataDirectoryInUseError";
  readonly pid: number;
  readonly command: string;
  readonly hostname: string;
  readonly startedAt: string;
  readonly dataDir: string;

  constructor(dataDir: string, holder: LockRecord) {
    const where = holder.hostname === hostname() ? "" : ` on host ${holder.hostname}`;
    super(
      `The data directory ${dataDir} is in use by process ${holder.pid} (${holder.command || "unknown command"})${where} ` +
        `since ${holder.startedAt}. The embedded database allows one process at a time: stop that process and ` +
        `try again, or set DATABASE_URL to a PostgreSQL server to run several processes at once.`,
    );
    this.pid = holder.pid;
    this.command = holder.command;
    this.hostname = holder.hostname;
    this.startedAt = holder.startedAt;
    this.dataDir = dataDir;
  }
}

export interface DataDirectoryLock {
  readonly path: string;
  readonly record: LockRecord;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

const retryDelayMs = 20;
/** A lock file still empty or torn after this long was left by a writer that died mid-write. */
const unreadableGraceMs = 2_000;

/**
 * Takes the lock on `dataDir` (which must exist) or throws DataDirectoryInUseError. A lock left by a
 * process that no longer runs on this host is stale and taken over. The lock is released by
 * `release()` and, failing that, when this process exits.
 */
export async function acquireDataDirectoryLock(dataDir: string, command: string): Promise<DataDirectoryLock> {
  const path = join(dataDir, lockFileName);
  const record: LockRecord = { pid: process.pid, command, hostname: hostname(), startedAt: new Date().toISOString() };
  const text = JSON.stringify(record);
  for (;;) {
    if (tryCreate(path, text)) return holdLock(path, record, text);
    const existing = readLock(path);
    if (existing === "missing") continue;
    if (existing === "unreadable") {
      if (ageMs(path) < unreadableGraceMs) {
        await sleep(retryDelayMs);
        continue;
      }
    } else if (holderMayRun(existing.record, path)) {
      throw new DataDirectoryInUseError(dataDir, existing.record);
    }
    await removeStaleLock(path, existing === "unreadable" ? undefined : existing.text);
  }
}

/** Lock files this process holds: a lock naming our own PID that is not among them is a previous
 * process's (PIDs repeat, e.g. PID 1 in every container run) and therefore stale. */
const heldHere = new Set<string>();

function holderMayRun(holder: LockRecord, path: string): boolean {
  if (holder.hostname !== hostname()) return true; // no way to ask another host
  if (holder.pid === process.pid) return heldHere.has(path);
  return isAlive(holder.pid);
}

function tryCreate(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: "wx" });
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
}

function holdLock(path: string, record: LockRecord, text: string): DataDirectoryLock {
  let released = false;
  heldHere.add(path);
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(path);
    process.off("exit", release);
    const current = readLock(path);
    if (typeof current !== "string" && current.text === text) unlinkIfPresent(path);
  };
  process.on("exit", release);
  return { path, record, release };
}

function readLock(path: string): { text: string; record: LockRecord } | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return "missing";
    throw error;
  }
  try {
    const parsed = lockRecord.safeParse(JSON.parse(text));
    return parsed.success ? { text, record: parsed.data } : "unreadable";
  } catch {
    return "unreadable"; // not JSON (yet): a writer between create and write, or one that died there
  }
}

/**
 * Removes a stale lock, but only if it still holds what we judged stale: two processes taking over
 * the same stale lock serialize on a short-lived guard file, so neither removes the other's new lock.
 */
async function removeStaleLock(path: string, staleText: string | undefined): Promise<void> {
  const guard = `${path}.takeover`;
  if (!tryCreate(guard, String(process.pid))) {
    const holder = Number.parseInt(readFileIfPresent(guard), 10);
    const guardLive = Number.isInteger(holder) && holder > 0 ? isAlive(holder) : ageMs(guard) < unreadableGraceMs;
    if (guardLive) await sleep(retryDelayMs);
    else unlinkIfPresent(guard);
    return;
  }
  try {
    const current = readLock(path);
    const unchanged = typeof current === "string" ? current === "unreadable" && staleText === undefined : current.text === staleText;
    if (unchanged) unlinkIfPresent(path);
  } finally {
    unlinkIfPresent(guard);
  }
}

/** Whether a process with this PID runs on this host (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== "ESRCH";
  }
}

/** How long ago the file was last written; 0 if it is gone (the caller then simply retries). */
function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return 0;
    throw error;
  }
}

function readFileIfPresent(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return "";
    throw error;
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}
