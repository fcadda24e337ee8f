// The auditor's sample over a workspace's real data, on both databases: the demo organization's IAM users
// and CloudTrail evidence from a collection, restore tests, joiners and leavers; the request list saved with
// its audit-log entry, answered with evidence or a file, accepted; and bad input that writes nothing.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordActivityDone } from "../src/app/calendar.js";
import { recordCollectionRun } from "../src/app/collection.js";
import { attachEvidenceFile } from "../src/app/evidence-files.js";
import { acceptEvidenceRequest, getEvidenceRequest, listEvidenceRequests, provideEvidence } from "../src/app/evidence-requests.js";
import { drawAuditSample, latestSample, saveAuditSample, takeAuditSample, type DrawnSample } from "../src/app/sample.js";
import type { Workspace } from "../src/app/workspaces.js";
import { cloudtrailLoggingActive } from "../src/aws/checks/cloudtrail.js";
import { iamUserUnusedCredentials } from "../src/aws/checks/identity-credentials.js";
import { iamAccessKeyRotation, iamUserConsoleMfa } from "../src/aws/checks/iam-users.js";
import { cloudtrailCollector } from "../src/aws/collectors/cloudtrail.js";
import { iamCollector } from "../src/aws/collectors/iam.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import { listEvidence, readEvidence } from "../src/evidence/records.js";
import type { Db } from "../src/store/open.js";
import { activities, auditLog, auditSamples, evidenceRecords, evidenceRequests, people, trainingCourses, trainingRecords } from "../src/store/schema/index.js";
import { collectFromDemo, type DemoCollection } from "./helpers/demo-collection.js";
import { createTestWorkspace } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const checks = [iamUserConsoleMfa, iamAccessKeyRotation, iamUserUnusedCredentials, cloudtrailLoggingActive];
const collectedAt = "2026-06-30T12:00:00.000Z";
const today = "2026-06-30";
const context = { actor: "test", today };
const stage2 = { audit: "stage2", seed: "acme-stage2", period: { start: "2025-07-01", end: today } } as const;
// The demo organization's IAM users (test/helpers/demo-collection.ts; testing/aws-sim/scenarios).
const demoUsers = ["jane.doe", "qa-tester", "ci-legacy", "break-glass-admin", "isms-collector", "security-auditor", "deploy-bot"];

let dir: string;
let demo: DemoCollection;
const blobs = () => createBlobStore(join(dir, "evidence"));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-sample-"));
  demo = await collectFromDemo([iamCollector, cloudtrailCollector], checks, { pinTo: collectedAt });
  await demo.sim.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A file in the test folder with some content. */
async function file(name: string, content = `${name}\n`): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** A workspace with the demo collection recorded on 2026-06-30, people, training and a restore test done with its report. */
async function workspaceWithData(db: Db): Promise<Workspace> {
  const ws = await createTestWorkspace(db);
  const snapshots = demo.collected.snapshots.map((s) => ({ ...s, collectedAt }));
  await db.transaction((tx) =>
    recordCollectionRun(tx, ws, blobs(), {
      startedAt: new Date(collectedAt),
      finishedAt: new Date(collectedAt),
      caller: demo.collected.caller,
      options: { org: true, roleName: "ISMSCollector" },
      collected: { ...demo.collected, snapshots },
      checks,
      results: demo.results,
      actor: "test",
    }),
  );
  await db.insert(people).values([
    { workspaceId: ws.id, id: "P-001", name: "Ada Admin", startDate: "2020-01-06" },
    { workspaceId: ws.id, id: "P-002", name: "Lena Vogel", startDate: "2025-09-01" },
    { workspaceId: ws.id, id: "P-003", name: "Omar Haddad", startDate: "2026-02-02" },
    { workspaceId: ws.id, id: "P-004", name: "Noah Patel", startDate: "2021-05-03", endDate: "2026-03-31" },
    { workspaceId: ws.id, id: "P-005", name: "Old Leaver", startDate: "2019-01-07", endDate: "2024-01-31" },
  ]);
  await db.insert(trainingCourses).values({ workspaceId: ws.id, id: "TC-001", title: "Security awareness", kind: "awareness", validityMonths: 12 });
  await db.insert(trainingRecords).values({ workspaceId: ws.id, id: "TR-001", courseId: "TC-001", personId: "P-002", completedOn: "2025-09-03", evidenceRef: "LMS-1003" });
  await db.insert(activities).values([
    { workspaceId: ws.id, id: "ACT-001", kind: "backup-restore-test", title: "Quarterly backup restore test", owner: "P-001", due: "2026-02-27", recurrenceMonths: 3 },
    { workspaceId: ws.id, id: "ACT-009", kind: "access-review", title: "Access review", owner: "P-004", due: "2026-09-30" },
  ]);
  const report = await db.transaction((tx) => attachEvidenceFile(tx, ws, blobs(), { path: join(dir, "restore-report.pdf"), controls: ["A.8.13"], by: "P-001", kind: "backup-restore-test" }, { actor: "test", now: new Date("2026-02-26T15:00:00Z") }));
  await db.transaction((tx) => recordActivityDone(tx, ws, { target: "ACT-001", on: "2026-02-26", evidence: [report.id] }, { actor: "test", today: new Date("2026-02-26T16:00:00Z") }));
  return ws;
}

const topic = (drawn: DrawnSample, name: string) => drawn.requests.filter((r) => r.topic === name);

describeEachStore("the auditor's sample", (getStore) => {
  beforeAll(async () => {
    await file("restore-report.pdf", "%PDF-1.4 restore of orders-db from the 2026-02-25 backup: ok in 41 minutes\n");
  });

  it("takes every IAM user of the latest collection, each answered by its check results and its account's IAM snapshot", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const drawn = await drawAuditSample(db, ws, stage2, context);
    const users = topic(drawn, "iam-users");
    expect(users.map((r) => r.item.split(" ")[2]).sort()).toEqual([...demoUsers].sort());
    expect(drawn.kinds.find((k) => k.kind === "users")).toMatchObject({ asked: 25, population: 7, drawn: 7, whole: true, from: "collection run C-001 of 2026-06-30" });
    const jane = users.find((r) => r.item.startsWith("IAM user jane.doe in "));
    expect(jane).toMatchObject({ status: "provided", controlIds: ["5.17", "5.18", "8.5"] });
    expect(jane?.note).toContain("console MFA: fail (jane.doe has a console password and no MFA)");
    const linked = await listEvidence(db, ws);
    const byId = new Map(linked.map((e) => [e.id, e]));
    expect(jane?.evidenceIds.map((id) => byId.get(id)?.kind)).toEqual(["check-result", "check-result", "aws-snapshot"]);
    expect(byId.get(jane?.evidenceIds[2] ?? "")?.source).toMatchObject({ service: "iam", account: jane?.item.split(" ").at(-1) });
    const deployBot = users.find((r) => r.item.startsWith("IAM user deploy-bot in "));
    expect(deployBot?.note).toMatch(/access key: fail \(deploy-bot's active key AKIAPRODDEPLOYOLD001 is \d+ days old\)/);
  });

  it("draws the same requests from the same seed and other days from another seed", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const first = await drawAuditSample(db, ws, stage2, context);
    const again = await drawAuditSample(db, ws, stage2, context);
    expect(again.requests).toEqual(first.requests);
    const other = await drawAuditSample(db, ws, { ...stage2, seed: "another-seed" }, context);
    expect(topic(other, "cloudtrail-days").map((r) => r.item)).not.toEqual(topic(first, "cloudtrail-days").map((r) => r.item));
    expect(topic(first, "cloudtrail-days")).toHaveLength(3);
  });

  it("answers a day with the CloudTrail snapshots and logging results collected that day, and leaves the other days open", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const drawn = await drawAuditSample(db, ws, { ...stage2, period: { start: "2026-06-29", end: "2026-07-31" } }, context);
    const days = topic(drawn, "cloudtrail-days");
    expect(days.map((r) => [r.item, r.status])).toEqual([
      ["CloudTrail delivery on 2026-06-29", "open"],
      ["CloudTrail delivery on 2026-06-30", "provided"],
    ]);
    expect(days[1]?.note).toContain("the logging check that day: 2 trail(s) logging and delivering, 1 not");
    // The demo has three trails, each in its own account: their home regions' snapshots and the logging check's records.
    const linked = (await listEvidence(db, ws)).filter((e) => days[1]?.evidenceIds.includes(e.id));
    expect(linked.map((e) => e.kind).sort()).toEqual(["aws-snapshot", "aws-snapshot", "aws-snapshot", "check-result", "check-result", "check-result"]);
    expect(linked.filter((e) => e.kind === "aws-snapshot").every((e) => typeof e.source.operation === "string" && e.source.operation.includes("GetTrailStatus"))).toBe(true);
  });

  it("asks for the last restore test with the report named when it was done, and for the joiners' and leavers' records", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const drawn = await drawAuditSample(db, ws, stage2, context);
    const [restore] = topic(drawn, "backup-restore-tests");
    const [report] = await listEvidence(db, ws, { kind: "backup-restore-test" });
    expect(restore).toMatchObject({ item: "Backup restore test ACT-001 (Quarterly backup restore test) done on 2026-02-26", status: "provided", evidenceIds: [report?.id], records: [{ register: "activities", id: "ACT-001" }] });
    expect(topic(drawn, "joiners").map((r) => [r.item, r.status])).toEqual([
      ["Lena Vogel (P-002), joined 2025-09-01", "provided"],
      ["Omar Haddad (P-003), joined 2026-02-02", "open"],
    ]);
    expect(topic(drawn, "joiners")[0]?.records).toEqual([{ register: "people", id: "P-002" }, { register: "training_records", id: "TR-001" }]);
    const leavers = topic(drawn, "leavers");
    expect(leavers.map((r) => [r.item, r.status])).toEqual([["Noah Patel (P-004), left 2026-03-31", "open"]]);
    expect(leavers[0]?.note).toContain("they still own 1 open item(s) to reassign: ACT-009");
  });

  it("saves the sample and its requests with one audit-log entry, numbering a second sample after the first", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const saved = await takeAuditSample(db, ws, { ...stage2, sizes: { users: 3 }, drawnBy: "Jane Auditor" }, context);
    expect(saved.sample).toMatchObject({ id: "S-001", audit: "stage2", seed: "acme-stage2", periodStart: "2025-07-01", periodEnd: today, drawnBy: "Jane Auditor" });
    expect(saved.sample.sizes.users).toEqual({ asked: 3, population: 7, drawn: 3, from: "collection run C-001 of 2026-06-30" });
    const stored = await listEvidenceRequests(db, ws, { sampleId: "s-001" });
    expect(stored).toEqual(saved.requests);
    expect(stored.map((r) => r.id)).toEqual(stored.map((_, i) => `REQ-${String(i + 1).padStart(3, "0")}`));
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "audit_samples.draw")));
    expect(entries.map((e) => [e.actor, e.entityId])).toEqual([["test", "S-001"]]);

    const second = await takeAuditSample(db, ws, { ...stage2, seed: "second" }, context);
    expect(second.sample.id).toBe("S-002");
    expect(second.requests[0]?.id).toBe(`REQ-${String(stored.length + 1).padStart(3, "0")}`);
    expect((await latestSample(db, ws, "stage2"))?.id).toBe("S-002");
    expect(await latestSample(db, ws, "surveillance")).toBeUndefined();
    expect(await listEvidenceRequests(db, ws, { open: true })).toEqual((await listEvidenceRequests(db, ws)).filter((r) => r.status === "open"));
  });

  it("numbers a drawn sample when it is saved, after one saved in the meantime", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const drawn = await drawAuditSample(db, ws, { ...stage2, sizes: { users: 1 } }, context);
    const meanwhile = await takeAuditSample(db, ws, { ...stage2, seed: "meanwhile" }, context);
    expect(drawn.sample.id).toBe(meanwhile.sample.id);
    const saved = await db.transaction((tx) => saveAuditSample(tx, ws, drawn, context));
    expect(saved.sample.id).toBe("S-002");
    expect(saved.requests.map((r) => [r.id, r.sampleId])).toEqual(drawn.requests.map((_, i) => [`REQ-${String(meanwhile.requests.length + i + 1).padStart(3, "0")}`, "S-002"]));
    expect(saved.requests.map((r) => r.item)).toEqual(drawn.requests.map((r) => r.item));
  });

  it("writes nothing on a dry run, and refuses a period that has not begun, a missing seed and an unknown audit", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    await drawAuditSample(db, ws, stage2, context);
    expect(await db.select().from(auditSamples).where(eq(auditSamples.workspaceId, ws.id))).toEqual([]);
    await expect(drawAuditSample(db, ws, { ...stage2, period: { start: "2026-07-01", end: "2026-12-31" } }, context)).rejects.toThrow("--period: 2026-07-01..2026-12-31 starts after today (2026-06-30)");
    await expect(drawAuditSample(db, ws, { ...stage2, seed: " " }, context)).rejects.toThrow(/--seed: give the seed the auditor chose/);
    await expect(drawAuditSample(db, ws, { ...stage2, audit: "stage3" }, context)).rejects.toThrow(/--audit: the audit is one of stage1, stage2, surveillance/);
  });

  it("answers an open request with a file, stored by its hash as a restore test or as an upload, and the auditor accepts it", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const saved = await takeAuditSample(db, ws, stage2, context);
    const omar = saved.requests.find((r) => r.item.startsWith("Omar Haddad"));
    if (!omar) throw new Error("no request for Omar Haddad");
    await expect(db.transaction((tx) => acceptEvidenceRequest(tx, ws, omar.id, {}, { actor: "auditor" }))).rejects.toThrow(`${omar.id} is still open`);
    const certificate = await file("omar-awareness.pdf", "%PDF-1.4 certificate\n");
    const { request, attached } = await db.transaction((tx) => provideEvidence(tx, ws, blobs(), omar.id.toLowerCase(), { file: { path: certificate }, by: "Ada Admin", note: "completed on day 3" }, { actor: "test", today: "2026-07-02" }));
    expect(request).toMatchObject({ status: "provided", providedOn: "2026-07-02", providedBy: "P-001", note: "completed on day 3", evidenceIds: [attached?.id] });
    expect(attached).toMatchObject({ kind: "upload", controlIds: ["6.3"], title: `${omar.id} ${omar.item} (omar-awareness.pdf)`, source: { kind: "upload", uploader: "P-001", mediaType: "application/pdf" } });
    const content = await readEvidence(db, ws, blobs(), attached?.id ?? "");
    expect(content.bytes.toString()).toBe("%PDF-1.4 certificate\n");
    const accepted = await db.transaction((tx) => acceptEvidenceRequest(tx, ws, omar.id, { note: "seen" }, { actor: "auditor" }));
    expect(accepted).toMatchObject({ status: "accepted", note: "seen" });
    await expect(db.transaction((tx) => provideEvidence(tx, ws, blobs(), omar.id, { evidenceIds: [attached?.id ?? ""], by: "P-001" }, context))).rejects.toThrow("was already accepted");
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.entityId, omar.id)));
    expect(actions.map((a) => a.action)).toEqual(["evidence_requests.provide", "evidence_requests.accept"]);
  });

  it("refuses an unknown request, evidence id or person and leaves the request and the evidence as they were", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const saved = await takeAuditSample(db, ws, stage2, context);
    const open = saved.requests.find((r) => r.status === "open");
    if (!open) throw new Error("no open request");
    const evidenceBefore = await listEvidence(db, ws);
    const provide = (id: string, input: Parameters<typeof provideEvidence>[4]) => db.transaction((tx) => provideEvidence(tx, ws, blobs(), id, input, context));
    await expect(provide("REQ-999", { evidenceIds: ["E-001"], by: "P-001" })).rejects.toThrow("No evidence request REQ-999 in this workspace");
    await expect(provide(open.id, { evidenceIds: ["E-999"], by: "P-001" })).rejects.toThrow("--evidence: no evidence E-999 in this workspace");
    await expect(provide(open.id, { file: { path: await file("x.txt") }, by: "Nobody" })).rejects.toThrow('--by: no person "Nobody" in this workspace');
    await expect(provide(open.id, { file: { path: join(dir, "missing.pdf") }, by: "P-001" })).rejects.toThrow("missing.pdf: no such file");
    await expect(provide(open.id, { by: "P-001" })).rejects.toThrow(`Nothing to provide for ${open.id}`);
    expect(await getEvidenceRequest(db, ws, open.id)).toEqual(open);
    expect(await listEvidence(db, ws)).toEqual(evidenceBefore);
  });

  it("refuses to attach a file for an unknown control, an empty file or a kind only a collection records", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const before = await db.select().from(evidenceRecords).where(eq(evidenceRecords.workspaceId, ws.id));
    const attach = (input: Partial<Parameters<typeof attachEvidenceFile>[3]>) =>
      db.transaction(async (tx) => attachEvidenceFile(tx, ws, blobs(), { path: join(dir, "restore-report.pdf"), controls: ["A.8.13"], by: "P-001", ...input }, { actor: "test" }));
    await expect(attach({ controls: ["A.9.9"] })).rejects.toThrow('--control: "A.9.9" is neither an Annex A control nor one of this workspace\'s own controls');
    await expect(attach({ path: await file("empty.txt", "") })).rejects.toThrow("empty.txt is empty");
    await expect(attach({ kind: "aws-snapshot" })).rejects.toThrow("--kind: aws-snapshot is recorded only by a collection from AWS");
    expect(await db.select().from(evidenceRecords).where(eq(evidenceRecords.workspaceId, ws.id))).toEqual(before);
  });

  it("asks for each population itself in a workspace with nothing collected and nobody joining or leaving", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const drawn = await drawAuditSample(db, ws, stage2, context);
    expect(drawn.requests.map((r) => [r.topic, r.item, r.status])).toEqual([
      ["iam-users", "IAM users with their MFA and access key age", "open"],
      ...topic(drawn, "cloudtrail-days").map((r) => ["cloudtrail-days", r.item, "open"]),
      ["backup-restore-tests", "The last backup restore test before 2026-06-30", "open"],
      ["joiners", "Joiners from 2025-07-01 to 2026-06-30", "open"],
      ["leavers", "Leavers from 2025-07-01 to 2026-06-30", "open"],
    ]);
    expect(drawn.requests[0]?.note).toContain("isms collect aws");
  });

  it("keeps a workspace's samples and requests from every other workspace", async () => {
    const { db } = getStore();
    const ws = await workspaceWithData(db);
    const saved = await takeAuditSample(db, ws, stage2, context);
    const other = await createTestWorkspace(db);
    expect(await listEvidenceRequests(db, other)).toEqual([]);
    expect(await latestSample(db, other, "stage2")).toBeUndefined();
    await expect(getEvidenceRequest(db, other, saved.requests[0]?.id ?? "")).rejects.toThrow("in this workspace");
    const rows = await db.select({ id: evidenceRequests.id }).from(evidenceRequests).where(eq(evidenceRequests.workspaceId, other.id));
    expect(rows).toEqual([]);
  });
});
