// Errors of signing in and of managing accounts, each with the kind of problem it is, so the HTTP API
// answers with the right status (401, 404, 409, 410) and the CLI prints the message.
import { IsmsError } from "../../domain/errors.js";

/** unauthorized: not signed in or wrong credentials; gone: a one-time link that was used or expired. */
export type AccountProblemKind = "unauthorized" | "not-found" | "conflict" | "gone";

export class AccountError extends IsmsError {
  constructor(
    readonly kind: AccountProblemKind,
    message: string,
    hint?: string,
  ) {
    super(message, hint);
  }
}
