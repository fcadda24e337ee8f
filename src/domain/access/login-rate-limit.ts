// Login rate limiting (A.8.5: limit unsuccessful log-on attempts): a sliding window of failures per
// account and per client address. Pure: the time is given, nothing is scheduled, nothing is stored.
import { isIP } from "node:net";

export interface WindowRule {
  /** Failures allowed within the window; one more locks. */
  maxFailures: number;
  windowMs: number;
}

export interface LoginLimits {
  account: WindowRule;
  /** Looser: several people may share an office's address, but one address trying many accounts is stopped. */
  address: WindowRule;
}

export const defaultLoginLimits: LoginLimits = {
  account: { maxFailures: 5, windowMs: 15 * 60 * 1000 },
  address: { maxFailures: 20, windowMs: 15 * 60 * 1000 },
};

export type WindowDecision = { locked: false; remaining: number } | { locked: true; retryAfterMs: number };

/**
 * The decision over one key's failure times (ms): locked while `maxFailures` of them fall within the
 * window ending at `now`, until the oldest of those leaves it.
 */
export function slidingWindow(failures: readonly number[], now: number, rule: WindowRule): WindowDecision {
  const recent = failures.filter((t) => t > now - rule.windowMs && t <= now).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return { locked: false, remaining: rule.maxFailures - recent.length };
  // The window must shed (recent.length − maxFailures + 1) failures before one more attempt is allowed.
  const freeing = recent[recent.length - rule.maxFailures] ?? now;
  return { locked: true, retryAfterMs: freeing + rule.windowMs - now };
}

/** The key of an account: its sign-in name as typed, trimmed and lower-cased. */
export function accountKey(login: string): string {
  return `account:${login.trim().toLowerCase()}`;
}

/** The key of a client address: IPv4 as is, IPv6 by its /64 (one host commonly holds a whole /64). */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return `ip:${mapped}`;
  if (isIP(ip) !== 6) return `ip:${ip}`;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `ip:${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export type LoginDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: string };

/**
 * Failure times per key, kept in memory by one server process. A deployment of several processes keeps
 * the same lists in PostgreSQL and asks `slidingWindow` over them.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits = defaultLoginLimits) {}

  /** Whether a sign-in may be tried now; ask before checking the password. */
  check(attempt: { login: string; ip: string }, now: number): LoginDecision {
    const account = slidingWindow(this.failures.get(accountKey(attempt.login)) ?? [], now, this.limits.account);
    const address = slidingWindow(this.failures.get(addressKey(attempt.ip)) ?? [], now, this.limits.address);
    const waits = [account, address].flatMap((d) => (d.locked ? [d.retryAfterMs] : []));
    if (waits.length === 0) return { allowed: true };
    const retryAfterSeconds = Math.ceil(Math.max(...waits) / 1000);
    const which = account.locked ? "for this account" : "from your network address";
    return { allowed: false, retryAfterSeconds, reason: `Too many failed sign-ins ${which}; try again in ${inWords(retryAfterSeconds)}, or ask an administrator to reset the password` };
  }

  /** Counts a wrong password (or unknown account: the same, so that accounts cannot be discovered this way). */
  recordFailure(attempt: { login: string; ip: string }, now: number): void {
    for (const [key, rule] of [[accountKey(attempt.login), this.limits.account], [addressKey(attempt.ip), this.limits.address]] as const) {
      // Only the failures still inside the window matter; older ones are dropped as new ones come.
      const kept = (this.failures.get(key) ?? []).filter((t) => t > now - rule.windowMs);
      this.failures.set(key, [...kept, now].slice(-rule.maxFailures * 2));
    }
  }

  /** A correct password clears the account's failures (not the address's: it may be trying many accounts). */
  recordSuccess(attempt: { login: string }): void {
    this.failures.delete(accountKey(attempt.login));
  }

  /** Drops keys with no failure inside their window: call now and then so that memory stays bounded. */
  prune(now: number): void {
    const longest = Math.max(this.limits.account.windowMs, this.limits.address.windowMs);
    for (const [key, times] of this.failures) if (!times.some((t) => t > now - longest)) this.failures.delete(key);
  }

  /** How many keys are held (for tests and metrics). */
  get size(): number {
    return this.failures.size;
  }
}

function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
