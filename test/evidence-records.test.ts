// Evidence records on both databases: one blob for identical content, secrets kept out of the stored
// bytes, tampering detected on read, filters, and tenant isolation.
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { BlobStore } from "../src/evidence/blobs.js";
import { createBlobStore, EvidenceTamperedError } from "../src/evidence/blobs.js";
import type { EvidenceInput } from "../src/evidence/records.js";
import { listEvidence, readEvidence, recordEvidence } from "../src/evidence/records.js";
import { assumeRoleOutput, createAccessKeyOutput, envPassword, getSecretValueOutput, mixedOutput, rdsPassword, secretAccessKey, secretString, sessionToken } from "../src/evidence/test-fixtures.js";
import { InvalidInputError } from "../src/domain/errors.js";
import type { Db } from "../src/store/open.js";
import { createTestWorkspace } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

let root: string;
let blobs: BlobStore;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "isms-evidence-"));
  blobs = createBlobStore(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function snapshot(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    kind: "aws-snapshot",
    title: "IAM account password policy",
    controlIds: ["5.17", "8.5"],
    source: { kind: "aws", account: "111122223333", region: "us-east-1", service: "iam", operation: "GetAccountPasswordPolicy", collector: "isms-collect", version: "0.1.0" },
    collectedAt: new Date("2026-11-20T10:00:00Z"),
    period: { start: "2026-11-20", end: "2026-11-20" },
    content: { PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true } },
    ...overrides,
  };
}

function record(db: Db, ws: { id: string }, input: EvidenceInput) {
  return db.transaction((tx) => recordEvidence(tx, ws, blobs, input));
}

describeEachStore("evidence records", (getStore) => {
  it("stores identical content once: two records, one blob", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const first = await record(db, ws, snapshot());
    // The same content with keys in another order serializes to the same bytes.
    const second = await record(db, ws, snapshot({ collectedAt: new Date("2026-11-21T10:00:00Z"), content: { PasswordPolicy: { RequireSymbols: true, MinimumPasswordLength: 14 } } }));
    expect([first.record.id, second.record.id]).toEqual(["E-001", "E-002"]);
    expect(second.record.sha256).toBe(first.record.sha256);
    expect(second.record.path).toBe(first.record.path);
    expect(second.reused).toBe(true);
    expect(first.record.source).toMatchObject({ kind: "aws", service: "iam", collector: "isms-collect", version: "0.1.0", mediaType: "application/json" });
    const read = await readEvidence(db, ws, blobs, "E-002");
    expect(read.json).toEqual({ PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true } });
  });

  it("keeps every secret of the AWS fixtures out of the stored blobs", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const outputs = [assumeRoleOutput(), getSecretValueOutput(), createAccessKeyOutput(), mixedOutput()];
    for (const content of outputs) {
      const { record: stored, redactedPaths } = await record(db, ws, snapshot({ content }));
      expect(redactedPaths.length).toBeGreaterThan(0);
      expect(stored.source.redactedPaths).toEqual(redactedPaths);
      const text = await readFile(join(root, stored.path), "utf8");
      for (const secret of [secretAccessKey, sessionToken, secretString, "correct-horse-battery-staple", rdsPassword, envPassword]) expect(text).not.toContain(secret);
      expect(text).toContain("[REDACTED]");
    }
  });

  it("detects a blob changed on disk when the evidence is read", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const { record: stored } = await record(db, ws, snapshot({ content: { tamperTest: ws.id } }));
    const file = join(root, stored.path);
    await chmod(file, 0o644);
    await writeFile(file, JSON.stringify({ tamperTest: "edited" }));
    await expect(readEvidence(db, ws, blobs, stored.id)).rejects.toThrow(EvidenceTamperedError);
  });

  it("stores an uploaded file's bytes as given", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const pdf = Buffer.from(`%PDF-1.7 restore test report ${ws.id}`);
    const { record: stored } = await record(db, ws, snapshot({ kind: "backup-restore-test", source: { kind: "upload", uploader: "P-003" }, content: pdf, mediaType: "application/pdf", period: undefined }));
    expect(stored.periodEnd).toBeNull();
    const read = await readEvidence(db, ws, blobs, stored.id);
    expect(read.bytes.equals(pdf)).toBe(true);
    expect(read.json).toBeUndefined();
  });

  it("lists evidence by control, kind and collection time", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    await record(db, ws, snapshot({ content: { n: 1 } }));
    await record(db, ws, snapshot({ kind: "check-result", controlIds: ["8.15"], collectedAt: new Date("2026-11-25T10:00:00Z"), content: { n: 2 } }));
    expect((await listEvidence(db, ws)).map((e) => e.id)).toEqual(["E-001", "E-002"]);
    expect((await listEvidence(db, ws, { controlId: "8.15" })).map((e) => e.id)).toEqual(["E-002"]);
    expect((await listEvidence(db, ws, { controlId: "8.1" })).map((e) => e.id)).toEqual([]);
    expect((await listEvidence(db, ws, { kind: "aws-snapshot" })).map((e) => e.id)).toEqual(["E-001"]);
    expect((await listEvidence(db, ws, { since: new Date("2026-11-21T00:00:00Z") })).map((e) => e.id)).toEqual(["E-002"]);
  });

  it("does not show one workspace's evidence to another", async () => {
    const { db } = getStore();
    const owner = await createTestWorkspace(db);
    const other = await createTestWorkspace(db);
    const { record: stored } = await record(db, owner, snapshot());
    expect(await listEvidence(db, other)).toEqual([]);
    expect(await listEvidence(db, other, { controlId: "5.17" })).toEqual([]);
    await expect(readEvidence(db, other, blobs, stored.id)).rejects.toThrow(/No evidence E-001/);
    // Ids are per workspace: the other workspace starts at E-001 too.
    expect((await record(db, other, snapshot())).record.id).toBe("E-001");
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const { db } = getStore();
    const ws = await createTestWorkspace(db);
    const bad = snapshot({ source: { kind: "aws", account: "1234" }, period: { start: "2026-11-20", end: "2026-11-01" } });
    const error: unknown = await record(db, ws, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error instanceof InvalidInputError ? error.issues.map((i) => i.path).sort() : []).toEqual(["period.end", "source.account"]);
    expect(await listEvidence(db, ws)).toEqual([]);
  });
});
