// Accounts as the services see them: the input rules for emails, names and passwords, lookups by email
// and id, and the mapping between the roles of permissions.ts and the store's member_role enum.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { role as roleSchema, type Role } from "../../domain/access/permissions.js";
import { maximumPasswordLength } from "../../domain/access/passwords.js";
import type { Db } from "../../store/open.js";
import { accounts, type memberRoles } from "../../store/schema/index.js";
import { AccountError } from "./errors.js";

/** Emails are compared and stored lower-cased: Alice@Acme.example and alice@acme.example are one account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("write an email address such as alice@acme.example").max(254, "an email address has at most 254 characters"));
export const nameSchema = z.string().trim().min(1, "give the person's name").max(200, "a name has at most 200 characters");
/** Only the length is bounded here; the strength rules are passwordWeakness's, checked when hashing. */
export const passwordSchema = z.string().min(1, "give a password").max(maximumPasswordLength * 4, `use at most ${maximumPasswordLength} characters`);
export { roleSchema };

export type AccountRow = typeof accounts.$inferSelect;

/** An account as shown to people: never its password hash. */
export interface Account {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
  /** False until the account's invitation link has been used to set a password. */
  hasPassword: boolean;
}

export function publicAccount(row: AccountRow): Account {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt, disabledAt: row.disabledAt, hasPassword: row.passwordHash !== null };
}

/** The actor the audit log records for what an account does. */
export const actorOf = (account: { email: string }): string => `account:${account.email}`;

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email.trim().toLowerCase()));
  return row;
}

/** The account with this id or email; AccountError (not found) naming it otherwise. */
export async function getAccount(db: Db, idOrEmail: string): Promise<AccountRow> {
  const byId = z.uuid().safeParse(idOrEmail).success ? (await db.select().from(accounts).where(eq(accounts.id, idOrEmail)))[0] : undefined;
  const found = byId ?? (await findAccountByEmail(db, idOrEmail));
  if (!found) throw new AccountError("not-found", `No account "${idOrEmail}"`, "List the accounts with: isms account list");
  return found;
}

type StoredRole = (typeof memberRoles)[number];

const toStored: Record<Role, StoredRole> = {
  administrator: "administrator",
  editor: "editor",
  "control-owner": "control_owner",
  auditor: "auditor",
  viewer: "viewer",
};

/** The store's enum spells control_owner with an underscore; permissions.ts with a hyphen. */
export const storedRole = (r: Role): StoredRole => toStored[r];

export function roleOf(stored: StoredRole): Role {
  return stored === "control_owner" ? "control-owner" : stored;
}
