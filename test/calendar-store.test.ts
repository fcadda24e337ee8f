// The calendar over the store: a workspace from the aws-saas template plans its recurring activities,
// completions recorded in the registers move the due days, and recording a completion plans the next
// occurrence in one transaction, with nothing written when the input is refused.
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { loadCalendar, recordActivityDone } from "../src/app/calendar.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { CalendarItem } from "../src/domain/calendar/index.js";
import { addMonths, isoDay } from "../src/domain/risk/index.js";
import type { Db } from "../src/store/open.js";
import { activities, auditLog, audits, documents, evidenceRecords, managementReviews, suppliers, trainingRecords } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

async function workspace(db: Db, template: "aws-saas" | "blank"): Promise<Workspace> {
  const slug = uniqueSlug("cal");
  await initWorkspace(db, { name: "Acme ISMS", slug, template });
  return resolveWorkspace(db, slug);
}

const asOf = "2027-03-01";
const byId = (items: readonly CalendarItem[]) => new Map(items.map((i) => [i.id, i]));

describeEachStore("the ISMS calendar", (getStore) => {
  let fresh: Workspace;
  let busy: Workspace;
  beforeAll(async () => {
    const { db } = getStore();
    [fresh, busy] = [await workspace(db, "aws-saas"), await workspace(db, "aws-saas")];
  });

  it("a new aws-saas workspace plans the template's activities and lists every recurring one, due now when never done", async () => {
    const items = await loadCalendar(getStore().db, fresh, { asOf });
    const item = byId(items);
    expect(items.filter((i) => /^ACT-/.test(i.id)).map((i) => [i.id, i.kind, i.due, i.overdue])).toEqual([
      ["ACT-001", "access-review", "2027-01-29", true],
      ["ACT-002", "backup-restore-test", "2027-02-26", true],
      ["ACT-003", "incident-response-test", "2027-04-30", false],
      ["ACT-004", "disaster-recovery-test", "2027-06-30", false],
    ]);
    // The planned activities stand for their kinds: no second entry for the same test.
    expect(items.filter((i) => i.kind === "access-review")).toHaveLength(1);
    expect(item.get("management-review")).toMatchObject({ due: asOf, lastDone: null, overdue: false, owner: "P-001" });
    expect(item.get("internal-audit")).toMatchObject({ due: asOf, owner: "P-006" });
    // The template's risks are assessed when the workspace is made; the methodology reviews them yearly.
    const madeOn = isoDay(new Date());
    expect(item.get("risk-assessment")).toMatchObject({ lastDone: madeOn, due: addMonths(madeOn, 12) });
    expect(items.filter((i) => i.kind === "awareness-training").map((i) => i.owner)).toEqual(["P-001", "P-002", "P-003", "P-004", "P-005", "P-006"]);
    expect(items.filter((i) => i.kind === "supplier-review")).toHaveLength(3);
    expect(items.map((i) => i.due)).toEqual(items.map((i) => i.due).sort());

    const soon = await loadCalendar(getStore().db, fresh, { asOf, withinDays: 60 });
    expect(soon.map((i) => i.id)).toContain("ACT-003");
    expect(soon.map((i) => i.id)).not.toContain("ACT-004");
  });

  it("completions recorded in the registers and as evidence move the due days; what happens after the day does not count", async () => {
    const { db } = getStore();
    const workspaceId = busy.id;
    await db.insert(managementReviews).values({ workspaceId, id: "MR-001", heldOn: "2027-01-10", status: "held" });
    await db.insert(audits).values({ workspaceId, id: "AU-001", kind: "internal", title: "Internal audit 2026", status: "completed", actualStart: "2026-12-07", actualEnd: "2026-12-11" });
    await db.insert(trainingRecords).values({ workspaceId, id: "TR-001", courseId: "TC-001", personId: "P-003", completedOn: "2027-02-01" });
    await db.update(suppliers).set({ lastReview: "2026-02-15", nextReview: "2027-02-15" }).where(and(eq(suppliers.workspaceId, workspaceId), eq(suppliers.id, "SUP-001")));
    const evidence = (id: string, kind: string, at: string) => ({ workspaceId, id, kind, source: { kind: "upload" }, collectedAt: new Date(at), sha256: "b".repeat(64), path: `blobs/${id}` });
    await db.insert(evidenceRecords).values([evidence("E-001", "disaster-recovery-test", "2026-12-01T09:00:00Z"), evidence("E-002", "incident-response-test", "2027-04-02T09:00:00Z")]);
    const [document] = await db.select({ id: documents.id }).from(documents).where(eq(documents.workspaceId, workspaceId)).limit(1);
    if (!document) throw new Error("the template has documents");
    await db.update(documents).set({ nextReview: "2027-05-01" }).where(and(eq(documents.workspaceId, workspaceId), eq(documents.id, document.id)));

    const item = byId(await loadCalendar(db, busy, { asOf }));
    expect(item.get("management-review")).toMatchObject({ lastDone: "2027-01-10", due: "2027-04-10", overdue: false });
    expect(item.get("internal-audit")).toMatchObject({ lastDone: "2026-12-11", due: "2027-12-11" });
    expect(item.get("awareness-training:P-003")).toMatchObject({ lastDone: "2027-02-01", due: "2028-02-01" });
    expect(item.get("supplier-review:SUP-001")).toMatchObject({ lastDone: "2026-02-15", due: "2027-02-15", overdue: true });
    expect(item.get("ACT-004")).toMatchObject({ lastDone: "2026-12-01", due: "2027-06-30" });
    expect(item.get("ACT-003")).toMatchObject({ lastDone: null });
    expect(item.get(`document-review:${document.id}`)).toMatchObject({ due: "2027-05-01", kind: "document-review", basis: "7.5.2" });
  });

  it("recording a completion marks the planned activity done and plans the next from the day it was done, in the audit log", async () => {
    const { db } = getStore();
    const today = new Date("2027-03-05T12:00:00Z");
    const byKind = await db.transaction((tx) => recordActivityDone(tx, busy, { target: "backup-restore-test", on: "2027-03-03", evidence: ["E-RESTORE-7"] }, { actor: "test", today }));
    expect(byKind.done).toMatchObject({ id: "ACT-002", doneOn: "2027-03-03" });
    expect(byKind.next).toMatchObject({ id: "ACT-005", kind: "backup-restore-test", title: "Quarterly backup restore test", owner: "P-004", due: "2027-06-03", doneOn: null, recurrenceMonths: 3 });

    const stored = await db.select().from(activities).where(and(eq(activities.workspaceId, busy.id), eq(activities.kind, "backup-restore-test")));
    expect(stored.map((r) => [r.id, r.due, r.doneAt?.toISOString().slice(0, 10) ?? null]).sort()).toEqual([
      ["ACT-002", "2027-02-26", "2027-03-03"],
      ["ACT-005", "2027-06-03", null],
    ]);
    const logged = await db.select({ action: auditLog.action, entityId: auditLog.entityId, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.workspaceId, busy.id), eq(auditLog.entityType, "activities")));
    expect(logged.map((l) => [l.action, l.entityId])).toEqual([
      ["activities.done", "ACT-002"],
      ["activities.add", "ACT-005"],
    ]);
    expect(logged[0]?.after).toMatchObject({ evidenceRefs: ["E-RESTORE-7"] });

    const item = byId(await loadCalendar(db, busy, { asOf: "2027-03-05" }));
    expect(item.has("ACT-002")).toBe(false);
    expect(item.get("ACT-005")).toMatchObject({ lastDone: "2027-03-03", due: "2027-06-03" });
  });

  it("refuses a completion already recorded, in the future, of an unknown kind or kept in another register, and writes nothing", async () => {
    const { db } = getStore();
    const today = new Date("2027-03-05T12:00:00Z");
    const rows = async () => (await db.select({ id: activities.id, doneAt: activities.doneAt }).from(activities).where(eq(activities.workspaceId, busy.id))).length;
    const before = await rows();
    const attempt = (target: string, on = "2027-03-04") => db.transaction((tx) => recordActivityDone(tx, busy, { target, on }, { actor: "test", today }));
    await expect(attempt("ACT-002")).rejects.toThrow("ACT-002 (Quarterly backup restore test) was already done on 2027-03-03");
    await expect(attempt("ACT-001", "2027-03-06")).rejects.toThrow("--on 2027-03-06 is after today (2027-03-05)");
    await expect(attempt("fire-drill")).rejects.toThrow('No activity or activity kind "fire-drill" in this workspace');
    await expect(attempt("management-review")).rejects.toThrow("Record it with: isms review");
    expect(await rows()).toBe(before);
    const [open] = await db.select({ doneAt: activities.doneAt }).from(activities).where(and(eq(activities.workspaceId, busy.id), eq(activities.id, "ACT-001")));
    expect(open?.doneAt).toBeNull();
  });

  it("a test nobody planned is recorded as done with its next occurrence, and another workspace's calendar does not show it", async () => {
    const { db } = getStore();
    const blank = await workspace(db, "blank");
    const { done, next } = await db.transaction((tx) => recordActivityDone(tx, blank, { target: "incident-response-test", on: "2027-02-20" }, { actor: "test", today: new Date("2027-03-01T00:00:00Z") }));
    expect(done).toMatchObject({ id: "ACT-001", kind: "incident-response-test", title: "Incident response test", due: "2027-02-20", doneOn: "2027-02-20", owner: null });
    expect(next).toMatchObject({ id: "ACT-002", due: "2028-02-20" });
    const item = byId(await loadCalendar(db, blank, { asOf }));
    expect(item.get("ACT-002")).toMatchObject({ lastDone: "2027-02-20", due: "2028-02-20" });
    expect((await loadCalendar(db, fresh, { asOf })).find((i) => i.kind === "incident-response-test")).toMatchObject({ id: "ACT-003", lastDone: null });
  });
});
