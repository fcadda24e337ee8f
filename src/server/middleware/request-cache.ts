// Who a request is, remembered per process for at most a second: a session token's account, and an
// account's workspace and principal by slug, so that a burst of requests does not ask the store for
// them every time. Any write through the API forgets everything remembered for its store.
import { performance } from "node:perf_hooks";
import type { Workspace } from "../../app/workspaces.js";
import type { Principal } from "../../domain/access/permissions.js";
import type { Db } from "../../store/open.js";
import type { SignedInAccount } from "../env.js";

/**
 * How long an entry serves. A change made outside this process (the CLI or another server on the same
 * PostgreSQL) shows within it; one made through this process's API shows on the next request.
 */
export const rememberForMs = 1000;

/** Past this many entries, the expired ones are dropped; if none has expired, all are. */
const maxEntries = 10_000;

/** What a load found, and the instant (by the app's clock) from which it no longer holds, if any. */
export interface Found<V> {
  value: V;
  until?: Date;
}

interface Entry<V> {
  value: V;
  /** When it was loaded, by the app's clock (tests move it) and by the process's monotonic one. */
  at: number;
  tick: number;
  until: number;
}

/** Entries that serve for rememberForMs by both the app's clock and the process's. */
export class ShortMemory<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private generation = 0;

  /** The value remembered for `key` if it still holds at `now`; else what load() finds, remembered unless it is null. */
  async recall(key: string, now: Date, load: () => Promise<Found<V> | null>): Promise<V | null> {
    const entry = this.entries.get(key);
    if (entry && holds(entry, now)) return entry.value;
    const generation = this.generation;
    const found = await load();
    if (!found) {
      this.entries.delete(key);
      return null;
    }
    // A load that began before forget() may have read what the write then replaced: use it, but do not keep it.
    if (generation === this.generation) this.keep(key, { value: found.value, at: now.getTime(), tick: performance.now(), until: found.until?.getTime() ?? Infinity });
    return found.value;
  }

  /** Drops every entry, and keeps nothing that a load under way brings back. */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, entry: Entry<V>): void {
    if (this.entries.size >= maxEntries) {
      const now = new Date(entry.at);
      for (const [k, e] of this.entries) if (!holds(e, now)) this.entries.delete(k);
      if (this.entries.size >= maxEntries) this.entries.clear();
    }
    this.entries.set(key, entry);
  }
}

function holds(entry: Entry<unknown>, now: Date): boolean {
  const age = now.getTime() - entry.at;
  return age >= 0 && age < rememberForMs && performance.now() - entry.tick < rememberForMs && now.getTime() < entry.until;
}

/** An account's way into a workspace: the workspace and its principal there. */
export interface WorkspaceAccess {
  workspace: Workspace;
  principal: Principal;
}

export interface AccessMemory {
  /** By the session token's SHA-256. */
  sessions: ShortMemory<SignedInAccount>;
  /** By `${accountId} ${slug}`. */
  workspaces: ShortMemory<WorkspaceAccess>;
}

// One memory per store, so that apps over different stores in one process (tests) share nothing.
const byStore = new WeakMap<Db, AccessMemory>();

export function accessMemoryOf(db: Db): AccessMemory {
  let memory = byStore.get(db);
  if (!memory) {
    memory = { sessions: new ShortMemory(), workspaces: new ShortMemory() };
    byStore.set(db, memory);
  }
  return memory;
}

/** Forgets every session and membership remembered for the store (after sign-out, a role change, a removal…). */
export function forgetAccess(db: Db): void {
  const memory = byStore.get(db);
  memory?.sessions.forget();
  memory?.workspaces.forget();
}
