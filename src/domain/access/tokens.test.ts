import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueSession, issueSetupToken, issueToken, isTokenShaped, sessionCookie, sessionState, setupTokenProblem, tokenHash, tokenMatches } from "./tokens.js";

const at = (iso: string) => new Date(iso);

describe("tokens", () => {
  it("are 32 random bytes in base64url, of which only the SHA-256 is kept", () => {
    const { token, hash } = issueToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isTokenShaped(token)).toBe(true);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).not.toContain(token);
    expect(issueToken().token).not.toBe(token);
  });

  it("match only the token they were made from", () => {
    const { token, hash } = issueToken();
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(issueToken().token, hash)).toBe(false);
    expect(tokenMatches(token, "not hex")).toBe(false);
    expect(tokenHash(token)).toBe(hash);
  });

  it("a string of the wrong shape is no token", () => {
    for (const text of ["", "short", `${issueToken().token}=`, "a".repeat(44), "/".repeat(43)]) expect(isTokenShaped(text), text).toBe(false);
  });
});

describe("setup tokens", () => {
  const now = at("2026-03-01T09:00:00Z");

  it("open the setup once, for a day", () => {
    const { token, record } = issueSetupToken(now);
    expect(record.expiresAt).toEqual(at("2026-03-02T09:00:00Z"));
    expect(setupTokenProblem(token, record, at("2026-03-02T08:59:59Z"))).toBeUndefined();
    expect(setupTokenProblem(token, record, at("2026-03-02T09:00:00Z"))).toBe(
      "This setup link expired on 2026-03-02 09:00 UTC; ask an administrator for a new link (the first one: run isms serve again to print one)",
    );
    expect(setupTokenProblem(token, { ...record, usedAt: at("2026-03-01T10:00:00Z") }, now)).toMatch(/^This setup link was already used on 2026-03-01; sign in with the password set then/);
  });

  it("a wrong or unknown token opens nothing, and says so the same way", () => {
    const { record } = issueSetupToken(now);
    const wrong = setupTokenProblem(issueToken().token, record, now);
    expect(wrong).toMatch(/^This setup link is not valid/);
    expect(setupTokenProblem("garbage", record, now)).toBe(wrong);
    expect(setupTokenProblem(issueToken().token, undefined, now)).toBe(wrong);
  });
});

describe("sessions", () => {
  const signIn = at("2026-03-01T09:00:00Z");

  it("stand until two idle hours or twelve hours after sign-in, whichever comes first", () => {
    const { token, record } = issueSession(signIn);
    expect(tokenMatches(token, record.hash)).toBe(true);
    expect(sessionState(record, at("2026-03-01T10:00:00Z"))).toEqual({ valid: true, expiresAt: at("2026-03-01T11:00:00Z") });
    expect(sessionState(record, at("2026-03-01T11:00:00Z"))).toEqual({ valid: false, reason: "Your session ended after 2 hours without activity; sign in again" });
    const active = { ...record, lastSeenAt: at("2026-03-01T20:30:00Z") };
    expect(sessionState(active, at("2026-03-01T20:45:00Z"))).toEqual({ valid: true, expiresAt: at("2026-03-01T21:00:00Z") });
    expect(sessionState(active, at("2026-03-01T21:00:00Z"))).toEqual({ valid: false, reason: "Your session ended 12 hours after you signed in; sign in again" });
  });

  it("travel in an HttpOnly, SameSite cookie, Secure and host-only when served over HTTPS", () => {
    expect(sessionCookie("abc", { secure: true })).toBe("__Host-isms_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=43200");
    expect(sessionCookie("abc", { secure: false, maxAgeSeconds: 60 })).toBe("isms_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(sessionCookie(null, { secure: true })).toBe("__Host-isms_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0");
  });
});
