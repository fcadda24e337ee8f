// Workspaces in the store: create one, list them, find one by slug or id. Input is validated at the
// edge (the domain's zod schema); the database's constraints are the last line.
import { asc, eq } from "drizzle-orm";
import type { Db } from "./open.js";
import { workspaces } from "./schema/index.js";

export type Workspace = typeof workspaces.$inferSelect;

export interface NewWorkspaceRow {
  slug: string;
  name: string;
  companyName: string;
  template: string;
}

/** A workspace with this slug exists already. */
export class WorkspaceExistsError extends Error {
  override readonly name = "WorkspaceExistsError";
  constructor(readonly slug: string) {
    super(`A workspace with the slug "${slug}" already exists. Choose another slug, or open the existing workspace.`);
  }
}

/** No workspace has this slug or id. */
export class WorkspaceNotFoundError extends Error {
  override readonly name = "WorkspaceNotFoundError";
  constructor(readonly slugOrId: string) {
    super(`No workspace has the slug or id "${slugOrId}". List the workspaces to see their slugs, or create this one first.`);
  }
}

/** Creates a workspace; WorkspaceExistsError if the slug is taken. Works inside a transaction too. */
export async function createWorkspace(db: Db, input: NewWorkspaceRow): Promise<Workspace> {
  const [created] = await db
    .insert(workspaces)
    .values({ slug: input.slug, name: input.name, companyName: input.companyName, template: input.template })
    .onConflictDoNothing({ target: workspaces.slug })
    .returning();
  if (!created) throw new WorkspaceExistsError(input.slug);
  return created;
}

/** Every workspace of the deployment, by slug. */
export async function listWorkspaces(db: Db): Promise<Workspace[]> {
  return db.select().from(workspaces).orderBy(asc(workspaces.slug));
}

/** The workspace with this slug or id, or undefined. */
export async function findWorkspace(db: Db, slugOrId: string): Promise<Workspace | undefined> {
  if (uuidPattern.test(slugOrId)) {
    const [byId] = await db.select().from(workspaces).where(eq(workspaces.id, slugOrId.toLowerCase()));
    if (byId) return byId;
  }
  const [bySlug] = await db.select().from(workspaces).where(eq(workspaces.slug, slugOrId));
  return bySlug;
}

/** The workspace with this slug or id; WorkspaceNotFoundError if there is none. */
export async function getWorkspace(db: Db, slugOrId: string): Promise<Workspace> {
  const found = await findWorkspace(db, slugOrId);
  if (!found) throw new WorkspaceNotFoundError(slugOrId);
  return found;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
