// One-time links that set a password: issued as a token shown once, stored as its SHA-256, refused
// after use or expiry with words the holder can act on (tokens.ts).
import { and, eq, isNull } from "drizzle-orm";
import { isTokenShaped, issueSetupToken, setupTokenProblem, tokenHash } from "../../domain/access/tokens.js";
import type { Tx } from "../../store/open.js";
import { setupTokens } from "../../store/schema/index.js";
import { AccountError } from "./errors.js";

export type LinkPurpose = "setup" | "invitation";

export interface OneTimeLink {
  /** Show it once (a URL fragment); it is not stored. */
  token: string;
  expiresAt: Date;
}

/**
 * Issues a link for `purpose` (for an invitation: for `accountId`). The same purpose's earlier unused
 * links for the same account stop working: only the newest one printed or sent opens anything.
 */
export async function issueLink(tx: Tx, purpose: LinkPurpose, accountId: string | null, now: Date): Promise<OneTimeLink> {
  const sameAccount = accountId === null ? isNull(setupTokens.accountId) : eq(setupTokens.accountId, accountId);
  await tx.delete(setupTokens).where(and(eq(setupTokens.purpose, purpose), sameAccount, isNull(setupTokens.usedAt)));
  const { token, record } = issueSetupToken(now);
  await tx.insert(setupTokens).values({ ...record, purpose, accountId, createdAt: now });
  return { token, expiresAt: record.expiresAt };
}

/**
 * Uses a link once: refuses an unknown, used or expired one (AccountError, gone) and marks it used.
 * The row is locked, so two requests with the same link cannot both use it.
 */
export async function useLink(tx: Tx, purpose: LinkPurpose, token: string, now: Date): Promise<{ accountId: string | null }> {
  const [row] = isTokenShaped(token)
    ? await tx.select().from(setupTokens).where(and(eq(setupTokens.hash, tokenHash(token)), eq(setupTokens.purpose, purpose))).for("update")
    : [];
  const problem = setupTokenProblem(token, row, now);
  if (problem || !row) throw new AccountError("gone", problem ?? "This link is not valid");
  await tx.update(setupTokens).set({ usedAt: now }).where(eq(setupTokens.hash, row.hash));
  return { accountId: row.accountId };
}
