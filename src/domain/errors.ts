// Errors a person can act on: what was wrong, where, and what to do about it.

/** An error caused by the user's input or environment; the faces show its message as it is. */
export class IsmsError extends Error {
  /** What went wrong, without the hint. */
  readonly problem: string;
  constructor(message: string, readonly hint?: string) {
    super(hint ? `${message}. ${hint}` : message);
    this.problem = message;
    this.name = new.target.name;
  }
}

/** Input that failed validation: names the file (or flag), the path inside it and the reason. */
export class InvalidInputError extends IsmsError {
  constructor(
    readonly source: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    const first = issues[0];
    const where = first ? `${source}${first.path ? ` at ${first.path}` : ""}: ${first.message}` : source;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    super(`${where}${more}`);
  }
}
