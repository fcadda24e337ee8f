// Finding people by id or name: registers name a person (an owner, an approver) and spreadsheets
// write names where the store keeps ids.
import { eq } from "drizzle-orm";
import { IsmsError } from "../domain/errors.js";
import type { Db } from "../store/open.js";
import { people } from "../store/schema/index.js";
import type { Workspace } from "./workspaces.js";

export interface PersonDirectory {
  /** The person's id for an id or a name (ignoring case), or undefined. */
  find(idOrName: string): string | undefined;
  /** Like find, but an unknown person is an error that says how to add them. */
  get(idOrName: string, field: string): string;
  ids(): string[];
}

export async function loadPersonDirectory(db: Db, workspace: Workspace): Promise<PersonDirectory> {
  const rows = await db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.workspaceId, workspace.id));
  const byKey = new Map<string, string>();
  for (const p of rows) {
    byKey.set(p.id.toLowerCase(), p.id);
    byKey.set(p.name.trim().toLowerCase(), p.id);
    if (p.email) byKey.set(p.email.toLowerCase(), p.id);
  }
  const find = (idOrName: string) => byKey.get(idOrName.trim().toLowerCase());
  return {
    find,
    get(idOrName, field) {
      const id = find(idOrName);
      if (!id) throw new IsmsError(`${field}: no person "${idOrName}" in this workspace`, "Use a person's id or name from: isms people list (add one with: isms people add --name ...)");
      return id;
    },
    ids: () => rows.map((p) => p.id),
  };
}
