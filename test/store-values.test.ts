// Values come back from both databases exactly as they went in: JSON, instants, calendar dates,
// numbers; and the audit log refuses to be changed.
import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { z } from "zod";
import { databaseErrorCode } from "../src/store/database-errors.js";
import { auditLog, evidenceRecords, measurements, objectives, suppliers } from "../src/store/schema/index.js";
import { createTestWorkspace } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const source = {
  kind: "aws",
  account: "123456789012",
  region: "eu-west-1",
  check: "s3-bucket-encryption",
  nested: { list: [1, 2.5, -3e-7, true, false, null, "ünïcødé ✓", { deep: [] }], empty: {} },
  big: 9007199254740991,
};

describeEachStore("stored values", (getStore) => {
  it("JSON, instants and calendar dates round-trip to identical values", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const collectedAt = new Date("2025-03-31T23:59:59.123Z");
    await db.insert(evidenceRecords).values({
      workspaceId: ws.id,
      id: "E-001",
      kind: "aws-snapshot",
      source,
      collectedAt,
      periodStart: "2025-01-01",
      periodEnd: "2025-03-31",
      sha256: "a".repeat(64),
      path: "blobs/aa/aaaa",
    });
    const [row] = await db.select().from(evidenceRecords).where(and(eq(evidenceRecords.workspaceId, ws.id), eq(evidenceRecords.id, "E-001")));
    expect(row).toEqual({
      workspaceId: ws.id,
      id: "E-001",
      kind: "aws-snapshot",
      title: null,
      controlIds: [],
      source,
      collectedAt,
      periodStart: "2025-01-01",
      periodEnd: "2025-03-31",
      sha256: "a".repeat(64),
      path: "blobs/aa/aaaa",
    });
    expect(row?.collectedAt.toISOString()).toBe("2025-03-31T23:59:59.123Z");
  });

  it("JSON arrays with defaults, booleans and doubles round-trip", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const certifications = [{ name: "ISO/IEC 27001:2022", validUntil: "2027-06-30" }, { name: "SOC 2 Type II", reportRef: "E-104" }];
    await db.insert(suppliers).values([
      { workspaceId: ws.id, id: "S-001", name: "AWS", service: "Cloud hosting", dpa: true, certifications, contractStart: "2024-02-29" },
      { workspaceId: ws.id, id: "S-002", name: "Slack", service: "Chat" },
    ]);
    const rows = await db.select().from(suppliers).where(eq(suppliers.workspaceId, ws.id)).orderBy(suppliers.id);
    expect(rows.map((r) => [r.id, r.dpa, r.certifications, r.contractStart])).toEqual([
      ["S-001", true, certifications, "2024-02-29"],
      ["S-002", false, [], null],
    ]);
    await db.insert(objectives).values({ workspaceId: ws.id, id: "O-001", title: "Patch within SLA", status: "active" });
    await db.insert(measurements).values({ workspaceId: ws.id, id: "M-001", objectiveId: "O-001", measuredOn: "2025-01-31", value: 0.1 + 0.2 });
    const [measured] = await db.select().from(measurements).where(eq(measurements.workspaceId, ws.id));
    expect(measured?.value).toBe(0.1 + 0.2);
  });

  it("instants written by the database come back as Dates, and raw SQL shows them in UTC", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    expect(ws.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(ws.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const result = await db.execute(sql`select '2025-06-01T14:00:00+02:00'::timestamptz::text as at, '2025-06-01'::date::text as day`);
    expect(z.object({ rows: z.array(z.unknown()) }).parse(result).rows).toEqual([{ at: "2025-06-01 12:00:00+00", day: "2025-06-01" }]);
  });

  it("the audit log takes new entries but refuses updates and deletes", async () => {
    const { db } = getStore();
    const [last] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(sql`${auditLog.seq} desc`).limit(1);
    const seq = (last?.seq ?? 0) + 1;
    const entry = { seq, actor: "test", action: "workspace.create", entityType: "workspace", entityId: "acme", before: null, after: { slug: "acme" }, prevHash: "0".repeat(64), hash: `h-${seq}-${Math.random()}` };
    await db.insert(auditLog).values(entry);
    const [stored] = await db.select().from(auditLog).where(eq(auditLog.seq, seq));
    expect(stored).toMatchObject({ ...entry, workspaceId: null });
    expect(stored?.at).toBeInstanceOf(Date);
    const update: unknown = await db.update(auditLog).set({ actor: "mallory" }).where(eq(auditLog.seq, seq)).catch((e: unknown) => e);
    expect(databaseErrorCode(update)).toBe("42501");
    const removal: unknown = await db.delete(auditLog).where(eq(auditLog.seq, seq)).catch((e: unknown) => e);
    expect(databaseErrorCode(removal)).toBe("42501");
  });
});
