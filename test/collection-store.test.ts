// Recording a collection run on both databases: snapshots and check results become evidence, results
// become rows the SoA reads, identical content is stored once, secrets never reach a blob, and a
// run that cannot be recorded leaves nothing behind.
import { readdir, readFile, rm } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { latestControlCheckResults, listCollectionRuns, loadRunResults, recordCollectionRun } from "../src/app/collection.js";
import type { RecordCollectionInput } from "../src/app/collection.js";
import { loadStatementOfApplicability } from "../src/app/soa.js";
import type { CollectResult } from "../src/aws/collect.js";
import { awsChecks, runChecks } from "../src/aws/checks/index.js";
import { collected, credentialReport, listBuckets, publicAccessBlock } from "../src/aws/checks/test-snapshots.js";
import { InvalidInputError } from "../src/domain/errors.js";
import { createBlobStore } from "../src/evidence/blobs.js";
import type { BlobStore } from "../src/evidence/blobs.js";
import { listEvidence } from "../src/evidence/records.js";
import { assumeRoleOutput, secretAccessKey, sessionToken } from "../src/evidence/test-fixtures.js";
import type { Db } from "../src/store/open.js";
import { auditLog, collectionRuns } from "../src/store/schema/index.js";
import { createTestWorkspace } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

let root: string;
let blobs: BlobStore;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "isms-collection-"));
  blobs = createBlobStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A small run: MFA for two users (bob has none), one bucket without a full block, and a leaked secret. */
function collection(): CollectResult {
  const snapshots = [
    credentialReport([{ user: "alice", password: true, mfa: true }, { user: "bob", password: true, mfa: false }]),
    listBuckets(["logs"]),
    publicAccessBlock("logs", ["BlockPublicPolicy"]),
    // A response that carries credentials must be stored without them.
    collected("sts", "AssumeRole", [assumeRoleOutput()], { region: "us-east-1" }),
  ];
  return {
    caller: "111111111111",
    snapshots,
    problems: [{ account: "111111111111", region: "eu-south-2", kind: "region-disabled", message: "InvalidClientTokenId: the region is not enabled" }],
    stats: { accounts: 1, regions: 2, calls: snapshots.length, retries: 0 },
  };
}

function input(collectedRun: CollectResult, at = new Date("2026-11-27T10:00:00Z")): RecordCollectionInput {
  const results = runChecks(collectedRun.snapshots);
  return { startedAt: new Date(at.getTime() - 60_000), finishedAt: at, caller: collectedRun.caller, options: { org: true, roleName: "ISMSCollector" }, collected: collectedRun, checks: awsChecks, results, actor: "test" };
}

async function blobTexts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), "utf8")));
}

describeEachStore("recording a collection run", (getStore) => {
  const record = (db: Db, ws: Awaited<ReturnType<typeof createTestWorkspace>>, run: RecordCollectionInput) => db.transaction((tx) => recordCollectionRun(tx, ws, blobs, run));

  it("stores the snapshots and the results as evidence and the results as rows", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const run = input(collection());
    const recorded = await record(db, ws, run);
    expect(recorded.run).toMatchObject({ id: "C-001", source: "aws", caller: "111111111111" });
    expect(recorded.run.problems).toEqual([expect.objectContaining({ region: "eu-south-2", kind: "region-disabled" })]);
    // One snapshot record per (account, region, service): iam, s3 global, s3 eu-west-1, sts.
    expect(recorded.snapshotEvidence).toBe(4);
    const evidence = await listEvidence(db, ws);
    expect(evidence.filter((e) => e.kind === "aws-snapshot")).toHaveLength(4);
    const iam = evidence.find((e) => e.kind === "aws-snapshot" && e.source.service === "iam");
    expect(iam?.controlIds).toEqual(expect.arrayContaining(["5.17", "8.5"]));
    expect(iam?.source).toMatchObject({ account: "111111111111", region: "global", collector: "C-001" });
    expect(evidence.filter((e) => e.kind === "check-result").length).toBe(recorded.resultEvidence);

    const rows = await loadRunResults(db, ws, "C-001");
    expect(rows).toHaveLength(run.results.length);
    expect(rows.find((r) => r.checkId === "iam-user-console-mfa" && r.status === "fail")).toMatchObject({ resource: "arn:aws:iam::111111111111:user/bob", controlIds: [...(awsChecks.find((x) => x.id === "iam-user-console-mfa")?.controls ?? [])] });
    for (const row of rows) expect(row.evidenceId).toMatch(/^E-\d+$/);

    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "collection.aws")));
    expect(entry).toMatchObject({ entityType: "collection_run", entityId: "C-001" });
  });

  it("never lets a secret from a response reach a blob", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    await record(db, ws, input(collection()));
    const texts = await blobTexts(root);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toContain(secretAccessKey);
      expect(text).not.toContain(sessionToken);
    }
  });

  it("stores identical content once across runs, and reads the SoA from the latest run", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    await record(db, ws, input(collection(), new Date("2026-11-26T10:00:00Z")));
    const second = await record(db, ws, input(collection(), new Date("2026-11-27T10:00:00Z")));
    expect(second.run.id).toBe("C-002");
    // Same snapshots (same collection times in the fixtures): every snapshot blob is reused.
    expect(second.reusedBlobs).toBeGreaterThanOrEqual(second.snapshotEvidence);
    expect((await listCollectionRuns(db, ws)).map((r) => r.id)).toEqual(["C-001", "C-002"]);

    const latest = await latestControlCheckResults(db, ws, new Date("2026-11-28T00:00:00Z"));
    expect(latest.every((r) => r.collectedAt?.toISOString() === "2026-11-27T10:00:00.000Z")).toBe(true);
    const asOfFirst = await latestControlCheckResults(db, ws, new Date("2026-11-26T12:00:00Z"));
    expect(asOfFirst.every((r) => r.collectedAt?.toISOString() === "2026-11-26T10:00:00.000Z")).toBe(true);

    const soa = await loadStatementOfApplicability(db, ws, { asOf: new Date("2026-11-28T00:00:00Z") });
    const mfa = soa.find((e) => e.controlId === "8.5");
    expect(mfa?.automatedChecks?.failing).toContainEqual(expect.objectContaining({ checkId: "iam-user-console-mfa", resource: "arn:aws:iam::111111111111:user/bob" }));
    expect(mfa?.automatedChecks?.passed).toBeGreaterThan(0);
  });

  it("leaves nothing behind when a run cannot be recorded", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const bad = collection();
    // An account id that is not 12 digits cannot be recorded as an evidence source.
    bad.snapshots.push(collected("kms", "ListKeys", [{ Keys: [] }], { account: "not-an-account", region: "eu-west-1" }));
    await expect(record(db, ws, input(bad))).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.select().from(collectionRuns).where(eq(collectionRuns.workspaceId, ws.id))).toEqual([]);
    expect(await listEvidence(db, ws)).toEqual([]);
  });
});
