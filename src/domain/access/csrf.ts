// Cross-site request forgery protection: a synchronizer token derived from the session.
//
// Choice: the CSRF token is HMAC-SHA256(session token, "openisms csrf v1"). The server computes it again
// from the session cookie on every unsafe request and compares it with the X-CSRF-Token header, so
// nothing more is stored, a new session brings a new token, and a site that cannot read the HttpOnly
// session cookie cannot forge it; the token reveals nothing of the session token. Unlike a plain
// double-submit cookie, a cookie planted by a sibling subdomain cannot stand in for it. SameSite=Lax
// on the session cookie is a second layer, not the protection.
import { createHmac, timingSafeEqual } from "node:crypto";

export const csrfHeader = "x-csrf-token";
const purpose = "openisms csrf v1";

/** The CSRF token of a session: give it to the web app (e.g. in the response to GET /api/session). */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac("sha256", sessionToken).update(purpose).digest("base64url");
}

/** Whether the token presented with a request is the session's, compared in constant time. */
export function csrfTokenMatches(sessionToken: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken), "utf8");
  const given = Buffer.from(presented, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Requests that change something must carry the token; reads need not (they must change nothing). */
export function needsCsrfToken(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

/**
 * Why a request is refused for CSRF, or undefined when it may go on. A request with no session (signing
 * in, setting the first password) has no token to carry: `crossOriginProblem` guards those.
 */
export function csrfProblem(request: { method: string; sessionToken: string | null; presented: string | null | undefined }): string | undefined {
  if (!needsCsrfToken(request.method) || request.sessionToken === null) return undefined;
  if (!request.presented) return `The request carries no ${csrfHeader} header; reload the page and try again`;
  if (!csrfTokenMatches(request.sessionToken, request.presented)) return `The ${csrfHeader} header does not match your session; reload the page and try again`;
  return undefined;
}

/** Why an unsafe request from another site is refused (its Origin header names another origin); undefined when it may go on. */
export function crossOriginProblem(request: { method: string; origin: string | null | undefined }, serverOrigin: string): string | undefined {
  if (!needsCsrfToken(request.method) || !request.origin) return undefined;
  return request.origin === new URL(serverOrigin).origin ? undefined : `Requests from ${request.origin} may not change anything here; open ${new URL(serverOrigin).origin} instead`;
}
