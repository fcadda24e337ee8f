// Errors as RFC 9457 problem details (application/problem+json): type, title, status, detail,
// instance, and for invalid input every field with what is wrong. Nothing internal leaks (no stacks).
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { AccountError, type AccountProblemKind } from "../app/accounts/errors.js";
import { DocumentLifecycleError } from "../domain/documents/lifecycle.js";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { EvidenceMissingError } from "../evidence/blobs.js";
import { databaseErrorCode, sqlState } from "../store/database-errors.js";
import { WorkspaceExistsError, WorkspaceNotFoundError } from "../store/workspaces.js";

export const problemContentType = "application/problem+json";

export const fieldProblem = z.object({ path: z.string(), message: z.string() }).openapi("FieldProblem");

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:openisms:problem:invalid-input" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    /** For invalid input: every field that is wrong. */
    errors: z.array(fieldProblem).optional(),
  })
  .openapi("Problem");
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, { slug: string; title: string }> = {
  400: { slug: "invalid-input", title: "The request is not valid" },
  401: { slug: "unauthorized", title: "Sign-in needed" },
  403: { slug: "forbidden", title: "Not allowed" },
  404: { slug: "not-found", title: "Not found" },
  409: { slug: "conflict", title: "Conflict with the current state" },
  410: { slug: "gone", title: "No longer valid" },
  429: { slug: "too-many-requests", title: "Too many attempts" },
  500: { slug: "internal", title: "Internal error" },
};

/** An error the HTTP layer throws on purpose: the status and the words a person can act on. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly options: { errors?: { path: string; message: string }[]; headers?: Record<string, string>; type?: string } = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

const kindStatus: Record<AccountProblemKind, ContentfulStatusCode> = { unauthorized: 401, "not-found": 404, conflict: 409, gone: 410 };

/** The status an error answers with: 400 for bad input, 404/409/410 by kind, 500 for anything unexpected. */
export function statusOf(error: unknown): ContentfulStatusCode {
  if (error instanceof HttpProblem) return error.status;
  // Hono's own refusals, such as a body that is not JSON.
  if (error instanceof HTTPException && error.status < 500) return error.status;
  if (error instanceof AccountError) return kindStatus[error.kind];
  if (error instanceof WorkspaceNotFoundError || error instanceof EvidenceMissingError) return 404;
  if (error instanceof WorkspaceExistsError || error instanceof DocumentLifecycleError) return 409;
  if (error instanceof InvalidInputError) return 400;
  // The application's services say "No risk R-9 in this workspace" when a record is not found.
  if (error instanceof IsmsError) return /^No /.test(error.message) ? 404 : 400;
  const code = databaseErrorCode(error);
  if (code === sqlState.uniqueViolation || code === sqlState.foreignKeyViolation) return 409;
  return 500;
}

/** The problem document of an error; an unexpected error says only that it happened. */
export function problemOf(error: unknown, instance: string): Problem {
  const status = statusOf(error);
  const { slug, title } = titles[status] ?? { slug: `status-${status}`, title: "Request failed" };
  const type = error instanceof HttpProblem && error.options.type ? error.options.type : `urn:openisms:problem:${slug}`;
  const base = { type, title, status, instance };
  if (error instanceof HttpProblem) return { ...base, detail: error.detail, ...(error.options.errors ? { errors: error.options.errors } : {}) };
  if (error instanceof InvalidInputError) return { ...base, detail: error.message, errors: [...error.issues] };
  if (error instanceof HTTPException && status < 500) return { ...base, detail: error.message || title };
  if (status === 500) return { ...base, detail: "Something went wrong on the server; the error is logged. Try again, and tell the administrator if it persists" };
  if (status === 409 && !(error instanceof IsmsError) && !(error instanceof WorkspaceExistsError)) {
    return { ...base, detail: "The change conflicts with data that exists (a duplicate, or a record still referred to); reload and check" };
  }
  if (error instanceof IsmsError && error.hint !== undefined && speaksCli(error.hint)) return { ...base, detail: error.problem };
  return { ...base, detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Whether a service's hint tells a command-line user what to type ("See them with: isms risk list",
 * "Give --evidence E-012"): an API client is better served by the problem alone than by a command it cannot run.
 */
export const speaksCli = (hint: string): boolean => /(^|[:(])\s*isms [a-z]|(^|[\s(])--[a-z]/.test(hint);

/** The response for an error, with the problem's headers (Retry-After for 429). */
export function problemResponse(c: Context, error: unknown): Response {
  const problem = problemOf(error, new URL(c.req.url).pathname);
  const status = statusOf(error);
  const headers = { "content-type": problemContentType, ...(error instanceof HttpProblem ? error.options.headers : {}) };
  // Through the context: headers set before the error (a cleared session cookie) go out with it.
  return c.newResponse(JSON.stringify(problem), status, headers);
}

/** A 400 problem listing every field a zod validation found wrong ("body.email: write an email address…"). */
export function validationProblem(error: ZodError, where: string): HttpProblem {
  const errors = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return new HttpProblem(400, first ? `The ${where} is not valid at ${first.path || "its root"}: ${first.message}${more}` : `The ${where} is not valid`, { errors });
}

/** The problem responses every route may give, for the OpenAPI document. */
export function problemResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 429)[]) {
  const described: Record<number, string> = {
    400: "The input is not valid: every wrong field is listed",
    401: "Not signed in, or the session ended",
    403: "Signed in, but the role does not allow this (the detail says why), or the CSRF token is missing",
    404: "No such record, or no such workspace for this account",
    409: "Conflicts with the current state",
    410: "A one-time link that was used or expired",
    429: "Too many failed sign-ins: wait for Retry-After seconds",
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: described[s] ?? "Problem", content: { [problemContentType]: { schema: problemSchema } } }]));
}
