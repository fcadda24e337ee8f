// Workspaces in the store, on both databases: create, list, find, duplicates, deletion, transactions.
import { eq, getTableName, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { databaseErrorCode, sqlState } from "../src/store/database-errors.js";
import { assets, people, risks, users, workspaceMembers, workspaces, workspaceTables } from "../src/store/schema/index.js";
import {
  createWorkspace,
  findWorkspace,
  getWorkspace,
  listWorkspaces,
  WorkspaceExistsError,
  WorkspaceNotFoundError,
} from "../src/store/workspaces.js";
import { createTestWorkspace, newWorkspaceRow, uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

describeEachStore("workspaces", (getStore) => {
  it("the migrations create every table of the schema", async () => {
    const { db } = getStore();
    const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`);
    const tables = z.object({ rows: z.array(z.object({ table_name: z.string() })) }).parse(result).rows.map((row) => row.table_name);
    for (const name of ["workspaces", "users", "audit_log", ...workspaceTables.map(({ table }) => getTableName(table))]) {
      expect(tables).toContain(name);
    }
  });

  it("creates a workspace and finds it by slug and by id", async () => {
    const { db } = getStore();
    const input = newWorkspaceRow({ name: "Acme ISMS", companyName: "Acme Cloud Ltd", template: "aws-saas" });
    const created = await createWorkspace(db, input);
    expect(created).toMatchObject(input);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await findWorkspace(db, input.slug)).toEqual(created);
    expect(await findWorkspace(db, created.id)).toEqual(created);
    expect(await getWorkspace(db, created.id.toUpperCase())).toEqual(created);
  });

  it("lists workspaces by slug", async () => {
    const { db } = getStore();
    const prefix = uniqueSlug("list");
    await createTestWorkspace(db, { slug: `${prefix}-b` });
    await createTestWorkspace(db, { slug: `${prefix}-a` });
    const slugs = (await listWorkspaces(db)).map((w) => w.slug).filter((slug) => slug.startsWith(prefix));
    expect(slugs).toEqual([`${prefix}-a`, `${prefix}-b`]);
  });

  it("refuses a second workspace with the same slug, naming the slug", async () => {
    const { db } = getStore();
    const first = await createTestWorkspace(db);
    const second = createTestWorkspace(db, { slug: first.slug, name: "Other" });
    await expect(second).rejects.toBeInstanceOf(WorkspaceExistsError);
    await expect(second).rejects.toThrow(`"${first.slug}" already exists`);
    expect((await getWorkspace(db, first.slug)).name).toBe(first.name);
  });

  it("finds nothing for an unknown slug, and getWorkspace says what to do", async () => {
    const { db } = getStore();
    expect(await findWorkspace(db, "no-such-workspace")).toBeUndefined();
    expect(await findWorkspace(db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
    const lookup = getWorkspace(db, "no-such-workspace");
    await expect(lookup).rejects.toBeInstanceOf(WorkspaceNotFoundError);
    await expect(lookup).rejects.toThrow(/"no-such-workspace".*create/);
  });

  it("the database refuses a malformed slug even if the edge let it through", async () => {
    const { db } = getStore();
    const error: unknown = await createTestWorkspace(db, { slug: "Not A Slug" }).catch((e: unknown) => e);
    expect(databaseErrorCode(error)).toBe(sqlState.checkViolation);
  });

  it("a row of workspace A is not visible when selecting workspace B's rows", async () => {
    const { db } = getStore();
    const a = await createTestWorkspace(db);
    const b = await createTestWorkspace(db);
    await db.insert(assets).values([
      { workspaceId: a.id, id: "A-001", kind: "service", name: "Production RDS" },
      { workspaceId: a.id, id: "A-002", kind: "service", name: "S3 backups" },
      { workspaceId: b.id, id: "A-001", kind: "service", name: "B's laptop fleet" },
    ]);
    const ofB = await db.select().from(assets).where(eq(assets.workspaceId, b.id));
    expect(ofB.map((row) => [row.id, row.name])).toEqual([["A-001", "B's laptop fleet"]]);
    const ofA = await db.select().from(assets).where(eq(assets.workspaceId, a.id)).orderBy(assets.id);
    expect(ofA.map((row) => row.name)).toEqual(["Production RDS", "S3 backups"]);
  });

  it("a row cannot name an owner from another workspace", async () => {
    const { db } = getStore();
    const a = await createTestWorkspace(db);
    const b = await createTestWorkspace(db);
    await db.insert(people).values({ workspaceId: a.id, id: "P-001", name: "Alice (CTO)" });
    const error: unknown = await db
      .insert(risks)
      .values({ workspaceId: b.id, id: "R-001", title: "Data breach", status: "identified", owner: "P-001" })
      .catch((e: unknown) => e);
    expect(databaseErrorCode(error)).toBe(sqlState.foreignKeyViolation);
  });

  it("deleting a workspace deletes its rows in every register and leaves other workspaces alone", async () => {
    const { db } = getStore();
    const doomed = await createTestWorkspace(db);
    const kept = await createTestWorkspace(db);
    for (const ws of [doomed, kept]) {
      await db.insert(people).values({ workspaceId: ws.id, id: "P-001", name: "Risk owner" });
      await db.insert(assets).values({ workspaceId: ws.id, id: "A-001", kind: "data", name: "Customer data", owner: "P-001" });
      await db.insert(risks).values({ workspaceId: ws.id, id: "R-001", title: "Leak", status: "identified", owner: "P-001", assetIds: ["A-001"] });
    }
    await db.delete(workspaces).where(eq(workspaces.id, doomed.id));
    for (const { name, table } of workspaceTables) {
      const left = await db.select().from(table).where(eq(table.workspaceId, doomed.id));
      expect(left, name).toEqual([]);
    }
    expect(await db.select().from(risks).where(eq(risks.workspaceId, kept.id))).toHaveLength(1);
  });

  it("a user's email is unique ignoring case, and a member's role is one of the five roles", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const email = `${uniqueSlug("alice")}@example.com`;
    const [alice] = await db.insert(users).values({ email, displayName: "Alice" }).returning();
    if (!alice) throw new Error("no user returned");
    const twin: unknown = await db.insert(users).values({ email: email.toUpperCase(), displayName: "Alice again" }).catch((e: unknown) => e);
    expect(databaseErrorCode(twin)).toBe(sqlState.uniqueViolation);
    await db.insert(workspaceMembers).values({ workspaceId: ws.id, id: email, userId: alice.id, role: "control_owner" });
    const members = await db.select().from(workspaceMembers).where(eq(workspaceMembers.workspaceId, ws.id));
    expect(members.map((m) => m.role)).toEqual(["control_owner"]);
    await db.delete(users).where(eq(users.id, alice.id));
    expect(await db.select().from(workspaceMembers).where(eq(workspaceMembers.workspaceId, ws.id))).toEqual([]);
  });

  it("a transaction that throws leaves nothing written", async () => {
    const { db } = getStore();
    const row = newWorkspaceRow();
    const failing = db.transaction(async (tx) => {
      const created = await createWorkspace(tx, row);
      await tx.insert(assets).values({ workspaceId: created.id, id: "A-001", kind: "service", name: "API" });
      throw new Error("the use case failed half-way");
    });
    await expect(failing).rejects.toThrow("half-way");
    expect(await findWorkspace(db, row.slug)).toBeUndefined();
    const orphans = await db.select().from(assets).innerJoin(workspaces, eq(assets.workspaceId, workspaces.id)).where(eq(workspaces.slug, row.slug));
    expect(orphans).toEqual([]);
  });

  it("a duplicate slug inside a transaction does not poison the transaction", async () => {
    const { db } = getStore();
    const existing = await createTestWorkspace(db);
    const other = newWorkspaceRow();
    await db.transaction(async (tx) => {
      await expect(createWorkspace(tx, { ...other, slug: existing.slug })).rejects.toBeInstanceOf(WorkspaceExistsError);
      await createWorkspace(tx, other);
    });
    expect(await findWorkspace(db, other.slug)).toBeDefined();
  });
});

describe("workspace errors", () => {
  it("are plain Errors with a name a caller can switch on", () => {
    expect(new WorkspaceExistsError("acme")).toMatchObject({ name: "WorkspaceExistsError", slug: "acme" });
    expect(new WorkspaceNotFoundError("acme")).toMatchObject({ name: "WorkspaceNotFoundError", slugOrId: "acme" });
  });
});
