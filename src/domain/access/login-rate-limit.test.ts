import { describe, expect, it } from "vitest";
import { accountKey, addressKey, LoginRateLimiter, slidingWindow } from "./login-rate-limit.js";

const minute = 60_000;
const rule = { maxFailures: 5, windowMs: 15 * minute };

describe("the sliding window", () => {
  it("locks at the fifth failure within fifteen minutes, until the oldest of them leaves the window", () => {
    const failures = [0, 1, 2, 3].map((m) => m * minute);
    expect(slidingWindow(failures, 4 * minute, rule)).toEqual({ locked: false, remaining: 1 });
    expect(slidingWindow([...failures, 4 * minute], 4 * minute, rule)).toEqual({ locked: true, retryAfterMs: 11 * minute });
    expect(slidingWindow([...failures, 4 * minute], 15 * minute, rule)).toEqual({ locked: false, remaining: 1 });
  });

  it("forgets failures older than the window", () => {
    expect(slidingWindow([0, 1, 2, 3, 4].map((m) => m * minute), 30 * minute, rule)).toEqual({ locked: false, remaining: 5 });
  });
});

describe("login rate limiting", () => {
  const alice = { login: "Alice@Acme.example", ip: "203.0.113.7" };

  it("locks an account after five failures in fifteen minutes, with a retry-after and what to do", () => {
    const limiter = new LoginRateLimiter();
    for (let m = 0; m < 5; m++) {
      expect(limiter.check(alice, m * minute)).toEqual({ allowed: true });
      limiter.recordFailure(alice, m * minute);
    }
    expect(limiter.check(alice, 5 * minute)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
      reason: "Too many failed sign-ins for this account; try again in 10 minutes, or ask an administrator to reset the password",
    });
    // From another address, and with the name typed differently: the account is still locked.
    expect(limiter.check({ login: " alice@acme.example", ip: "198.51.100.1" }, 5 * minute).allowed).toBe(false);
    expect(limiter.check(alice, 15 * minute)).toEqual({ allowed: true });
  });

  it("a correct password clears the account's failures", () => {
    const limiter = new LoginRateLimiter();
    for (let m = 0; m < 4; m++) limiter.recordFailure(alice, m * minute);
    limiter.recordSuccess(alice);
    limiter.recordFailure(alice, 4 * minute);
    expect(limiter.check(alice, 4 * minute)).toEqual({ allowed: true });
  });

  it("stops one address trying many accounts, and not the accounts from elsewhere", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 20; i++) limiter.recordFailure({ login: `user${i}@acme.example`, ip: "203.0.113.7" }, i * 1000);
    const fromThere = limiter.check({ login: "bob@acme.example", ip: "203.0.113.7" }, 20_000);
    expect(fromThere).toMatchObject({ allowed: false, retryAfterSeconds: 880 });
    expect(fromThere.allowed === false && fromThere.reason).toMatch(/from your network address; try again in 15 minutes/);
    expect(limiter.check({ login: "bob@acme.example", ip: "198.51.100.1" }, 20_000)).toEqual({ allowed: true });
  });

  it("treats one IPv6 /64 as one address, and an IPv4-mapped address as IPv4", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:db8::5")).toBe("ip:2001:db8:0:0::/64");
    expect(addressKey("::ffff:203.0.113.7")).toBe("ip:203.0.113.7");
    expect(addressKey("203.0.113.7")).toBe("ip:203.0.113.7");
    expect(accountKey("  Alice@Acme.EXAMPLE ")).toBe("account:alice@acme.example");
  });

  it("keeps no key once its failures are older than the window", () => {
    const limiter = new LoginRateLimiter();
    limiter.recordFailure(alice, 0);
    expect(limiter.size).toBe(2);
    limiter.prune(15 * minute);
    expect(limiter.size).toBe(0);
  });
});
