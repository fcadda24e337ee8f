import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBlobStore, EvidenceMissingError, EvidenceTamperedError, resolveEvidenceRoot, sha256Of } from "./blobs.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "isms-blobs-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("blob store", () => {
  it("stores content under its SHA-256 and reads it back", async () => {
    const blobs = createBlobStore(root);
    const stored = await blobs.put("hello evidence");
    const sha = sha256Of(Buffer.from("hello evidence"));
    expect(stored).toEqual({ sha256: sha, size: 14, path: `sha256/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`, reused: false });
    expect(await blobs.has(sha)).toBe(true);
    expect((await blobs.get(sha)).toString()).toBe("hello evidence");
  });

  it("stores identical content once", async () => {
    const blobs = createBlobStore(root);
    const first = await blobs.put(Buffer.from("same"));
    const second = await blobs.put("same");
    expect(second).toEqual({ ...first, reused: true });
  });

  it("stores the same content written concurrently as one blob", async () => {
    const blobs = createBlobStore(root);
    const results = await Promise.all(Array.from({ length: 8 }, () => blobs.put("racing")));
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    expect((await blobs.get(results[0]?.sha256 ?? "")).toString()).toBe("racing");
  });

  it("detects a blob changed after it was stored, naming it", async () => {
    const blobs = createBlobStore(root);
    const { sha256, path } = await blobs.put("original");
    await chmod(join(root, path), 0o644);
    await writeFile(join(root, path), "tampered");
    await expect(blobs.get(sha256)).rejects.toThrow(EvidenceTamperedError);
    await expect(blobs.get(sha256)).rejects.toThrow(sha256);
  });

  it("reports a missing blob, and refuses a name that is not a hash", async () => {
    const blobs = createBlobStore(root);
    await expect(blobs.get("0".repeat(64))).rejects.toThrow(EvidenceMissingError);
    await expect(blobs.get("../../etc/passwd")).rejects.toThrow(/not a SHA-256 hash/);
    expect(await blobs.has("f".repeat(64))).toBe(false);
  });

  it("leaves no temporary files behind", async () => {
    const blobs = createBlobStore(root);
    const { path } = await blobs.put("tidy");
    const folder = join(root, path, "..");
    expect(await readdir(folder)).toHaveLength(1);
    expect(await readFile(join(root, path), "utf8")).toBe("tidy");
  });
});

describe("resolveEvidenceRoot", () => {
  it("keeps evidence beside the embedded database", () => {
    expect(resolveEvidenceRoot({ kind: "pglite", location: "/srv/isms/.isms" }, {})).toBe("/srv/isms/.isms/evidence");
  });

  it("prefers ISMS_EVIDENCE_DIR when set", () => {
    expect(resolveEvidenceRoot({ kind: "pglite", location: "/srv/isms/.isms" }, { ISMS_EVIDENCE_DIR: "/mnt/evidence" })).toBe("/mnt/evidence");
    expect(resolveEvidenceRoot({ kind: "postgres", location: "postgres://db/isms" }, { ISMS_EVIDENCE_DIR: "/mnt/evidence" })).toBe("/mnt/evidence");
  });

  it("asks a PostgreSQL deployment for ISMS_EVIDENCE_DIR", () => {
    expect(() => resolveEvidenceRoot({ kind: "postgres", location: "postgres://db/isms" }, {})).toThrow(/ISMS_EVIDENCE_DIR/);
  });
});
