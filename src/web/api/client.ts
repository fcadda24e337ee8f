// The web app's one way to the HTTP API: same-origin fetch with the session cookie, the CSRF token on
// every request that changes something, answers parsed with the web's schemas, and problem+json turned
// into an ApiError whose message a person can act on.
import type { z } from "zod";
import { problemSchema, type Problem } from "./schemas.js";

/** A refused or failed request: the status (0 when the server was not reached) and the words to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem: Problem | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const csrfHeader = "X-CSRF-Token";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

let csrfToken: string | null = null;
const sessionEndedListeners = new Set<() => void>();

/** The session's CSRF token (from GET /api/me, sign-in or setup), sent with every change; null on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls `listener` when a request finds the session ended (401); returns the unsubscribe. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/**
 * The problem's detail, then each invalid field whose message the detail does not already say
 * ("password: use at least 12 characters…"), one per line.
 */
export function problemMessage(problem: Problem): string {
  const fields = (problem.errors ?? []).filter((e) => !problem.detail.includes(e.message)).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return [problem.detail, ...fields].join("\n");
}

/** An unsuccessful response as an ApiError: its problem+json when it has one, else its status in words. */
export async function errorOf(response: Response, what: string): Promise<ApiError> {
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("application/problem+json")) {
    const parsed = problemSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) return new ApiError(response.status, problemMessage(parsed.data), parsed.data);
  }
  return new ApiError(response.status, `${what} failed: the server answered ${response.status} ${response.statusText || ""}`.trim() + "; try again, and tell the administrator if it persists");
}

/** A successful response's JSON parsed with `schema`; an answer of another shape is an ApiError naming the field. */
export async function answerOf<T extends z.ZodType>(response: Response, schema: T, what: string): Promise<z.infer<T>> {
  if (!response.ok) throw await errorOf(response, what);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.map(String).join(".") || "its root"}: ${issue.message}` : "its shape";
  throw new ApiError(response.status, `The answer to ${what} is not what this page expects (at ${where}); reload the page, as the server may be newer than this page`);
}

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (!safeMethods.has(method) && csrfToken) headers[csrfHeader] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: "same-origin", ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    throw new ApiError(0, `Cannot reach the server (${error instanceof Error ? error.message : String(error)}); check that isms serve is running and try again`);
  }
  // Signing in and setting up answer 401 for a wrong password: that is no ended session.
  if (response.status === 401 && !path.startsWith("/api/session") && !path.startsWith("/api/setup")) {
    for (const listener of sessionEndedListeners) listener();
  }
  return response;
}

/** A request whose answer is JSON of `schema`. */
export async function request<T extends z.ZodType>(method: string, path: string, schema: T, body?: unknown): Promise<z.infer<T>> {
  return answerOf(await send(method, path, body), schema, `${method} ${path}`);
}

/** A request whose answer has no body (204). */
export async function requestNothing(method: string, path: string, body?: unknown): Promise<void> {
  const response = await send(method, path, body);
  if (!response.ok) throw await errorOf(response, `${method} ${path}`);
}
