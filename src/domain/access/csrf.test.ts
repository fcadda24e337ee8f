import { describe, expect, it } from "vitest";
import { crossOriginProblem, csrfProblem, csrfTokenFor, csrfTokenMatches, needsCsrfToken } from "./csrf.js";
import { issueToken } from "./tokens.js";

describe("CSRF tokens", () => {
  const session = issueToken().token;

  it("are derived from the session: the same for it, different for another, revealing nothing of it", () => {
    const token = csrfTokenFor(session);
    expect(csrfTokenFor(session)).toBe(token);
    expect(csrfTokenFor(issueToken().token)).not.toBe(token);
    expect(token).not.toContain(session.slice(0, 8));
    expect(csrfTokenMatches(session, token)).toBe(true);
    expect(csrfTokenMatches(session, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(session, csrfTokenFor(issueToken().token))).toBe(false);
    expect(csrfTokenMatches(session, undefined)).toBe(false);
  });

  it("are needed on requests that change something, not on reads", () => {
    expect(["GET", "head", "OPTIONS"].map(needsCsrfToken)).toEqual([false, false, false]);
    expect(["POST", "put", "PATCH", "DELETE"].map(needsCsrfToken)).toEqual([true, true, true, true]);
  });

  it("refuse a change without the session's token, saying what to do", () => {
    expect(csrfProblem({ method: "POST", sessionToken: session, presented: csrfTokenFor(session) })).toBeUndefined();
    expect(csrfProblem({ method: "GET", sessionToken: session, presented: null })).toBeUndefined();
    expect(csrfProblem({ method: "POST", sessionToken: session, presented: null })).toBe("The request carries no x-csrf-token header; reload the page and try again");
    expect(csrfProblem({ method: "DELETE", sessionToken: session, presented: csrfTokenFor(issueToken().token) })).toBe("The x-csrf-token header does not match your session; reload the page and try again");
  });

  it("a sign-in from another site is refused by its Origin", () => {
    expect(crossOriginProblem({ method: "POST", origin: "https://isms.acme.example" }, "https://isms.acme.example/api/login")).toBeUndefined();
    expect(crossOriginProblem({ method: "POST", origin: "https://evil.example" }, "https://isms.acme.example")).toBe(
      "Requests from https://evil.example may not change anything here; open https://isms.acme.example instead",
    );
    expect(crossOriginProblem({ method: "GET", origin: "https://evil.example" }, "https://isms.acme.example")).toBeUndefined();
  });
});
