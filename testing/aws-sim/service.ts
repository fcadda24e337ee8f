// The contract between the simulator's server and its service handlers: what a handler receives,
// what it answers, and the error it throws. Handlers live in services/<folder>/index.ts (see README.md).
import type { z } from "zod";
import type { Account, Scenario } from "./scenario.js";

export type Protocol = "awsQuery" | "ec2Query" | "awsJson1_1" | "awsJson1_0" | "restJson1" | "restXml";

export interface SimRequest {
  protocol: Protocol;
  /** The SigV4 signing name from the credential scope, e.g. "iam", "s3", "guardduty". */
  service: string;
  /** The region from the SigV4 credential scope. */
  region: string;
  accountId: string;
  principalArn: string;
  accessKeyId: string;
  /** Query: the Action; JSON: the part after "." in X-Amz-Target; REST: "" (the handler resolves it from method and path and may set it for the call log). */
  operation: string;
  method: string;
  /** The path without the query string, percent-decoded per segment is left to the handler. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  /** Query: the form fields (flat, e.g. "Filter.1.Name"); JSON: the parsed body; REST: query fields merged with a JSON body when there is one. */
  params: Record<string, unknown>;
}

export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** REST handlers set this so the call log names the operation they resolved. */
  operation?: string;
}

/** An AWS error; the server renders it in the protocol's own shape (see protocols.ts). */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly fault: "Sender" | "Receiver" = status >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
    this.name = "SimError";
  }
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface SimContext {
  scenario: Scenario;
  /** The calling account (from the access key). */
  account: Account;
  region: string;
  requestId: string;
  /**
   * The account's global (region-less) state of a service, parsed with the schema the service
   * registered (registerServiceState). Parsed once per run and cached: handlers may mutate it.
   */
  globalState<S extends z.ZodType>(service: string, schema: S, accountId?: string): z.infer<S>;
  /** The account's state of a service in a region (default: the request's region). */
  regionalState<S extends z.ZodType>(service: string, schema: S, region?: string, accountId?: string): z.infer<S>;
  /** Registers new credentials (sts:AssumeRole) bound to an account and principal in the running server. */
  issueCredentials(accountId: string, principalArn: string, ttlSeconds: number): IssuedCredentials;
}

export interface ServiceHandler {
  /** The SigV4 signing name this handler answers. */
  service: string;
  protocol: Protocol;
  /** REST services: the operation a request names (from method and path), so faults and the call log can use it before handle(). */
  operationOf?(req: SimRequest): string;
  handle(req: SimRequest, ctx: SimContext): SimResponse | Promise<SimResponse>;
}
