// Reads PostgreSQL's error code from what either driver throws: drizzle wraps the driver's error
// (node-postgres or PGlite) as its `cause`, and both carry the SQLSTATE in `code`.

/** SQLSTATE codes the application turns into messages for people. */
export const sqlState = {
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  checkViolation: "23514",
  notNullViolation: "23502",
} as const;

/** The SQLSTATE of a database error, looking through wrapping errors' causes; undefined if none. */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if ("code" in current && typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

/** The constraint a database error names (e.g. "risks_owner_fk"), looking through causes. */
export function databaseErrorConstraint(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if ("constraint" in current && typeof current.constraint === "string") return current.constraint;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}
