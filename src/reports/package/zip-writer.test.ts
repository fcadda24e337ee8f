import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { setImmediate } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IsmsError } from "../../domain/errors.js";
import { loadOrCreateSigningKey, publicKeyFingerprint, verifyManifestSignature } from "./signing.js";
import type { SigningKey } from "./signing.js";
import { listZip, readZip, sampleEntries, sampleHeader, scratchDir } from "./test-fixtures.js";
import type { PackageEntryInput } from "./types.js";
import { manifestPath, publicKeyPath, signaturePath } from "./types.js";
import { verifyPackage } from "./verify.js";
import { writePackage } from "./zip-writer.js";

let dir: string;
let key: SigningKey;
beforeEach(async () => {
  dir = await scratchDir("zip-writer");
  key = await loadOrCreateSigningKey(join(dir, "keys"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

describe("writing an evidence package", () => {
  it("gives the same bytes for the same header and entries", async () => {
    const first = await writePackage(join(dir, "first.zip"), sampleHeader(), sampleEntries(), key);
    const second = await writePackage(join(dir, "second.zip"), sampleHeader(), sampleEntries(), key);
    expect(await readFile(second.out)).toEqual(await readFile(first.out));
    expect(second.sha256).toBe(first.sha256);
  });

  it("gives different bytes when signed with another key", async () => {
    const other = await loadOrCreateSigningKey(join(dir, "other-keys"));
    const first = await writePackage(join(dir, "first.zip"), sampleHeader(), sampleEntries(), key);
    const second = await writePackage(join(dir, "second.zip"), sampleHeader(), sampleEntries(), other);
    expect(second.sha256).not.toBe(first.sha256);
    expect(second.manifest).toEqual(first.manifest);
  });

  it("gives the same bytes in every timezone", async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Auckland";
      const east = await writePackage(join(dir, "east.zip"), sampleHeader(), sampleEntries(), key);
      process.env.TZ = "America/Los_Angeles";
      const west = await writePackage(join(dir, "west.zip"), sampleHeader(), sampleEntries(), key);
      expect(west.sha256).toBe(east.sha256);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("writes the entries in the order given, then the manifest, its signature and the public key", async () => {
    const written = await writePackage(join(dir, "p.zip"), sampleHeader(), sampleEntries(), key);
    const names = (await listZip(written.out)).map((entry) => entry.name);
    expect(names).toEqual([...sampleEntries().map((entry) => entry.path), manifestPath, signaturePath, publicKeyPath]);
  });

  it("gives every entry the same mode and the package's day as its time, and stores compressed formats as they are", async () => {
    const written = await writePackage(join(dir, "p.zip"), sampleHeader({ generatedAt: "2026-11-30T23:59:00-05:00" }), sampleEntries(), key);
    const entries = await listZip(written.out);
    expect(new Set(entries.map((entry) => entry.mode))).toEqual(new Set([0o100644]));
    // The DOS time carries no zone: it is the UTC day of generatedAt (Dec 1 here) at noon.
    expect(new Set(entries.map((entry) => entry.modified.toISOString()))).toEqual(new Set(["2026-12-01T12:00:00.000Z"]));
    const method = new Map(entries.map((entry) => [entry.name, entry.compressionMethod]));
    expect(method.get("controls/A.6.3/evidence/E-012-training.pdf")).toBe(0);
    expect(method.get("controls/A.5.15/check-results.csv")).toBe(8);
  });

  it("lists every file in the manifest, sorted by path, with its hash, size and provenance, leaving absent fields out", async () => {
    const written = await writePackage(join(dir, "p.zip"), sampleHeader(), sampleEntries(), key);
    const files = await readZip(written.out);
    const manifestText = files.get(manifestPath)?.toString("utf8") ?? "";
    const manifest: unknown = JSON.parse(manifestText);
    expect(manifest).toEqual(written.manifest);
    expect(written.manifest.files.map((file) => file.path)).toEqual([
      "controls/A.5.15/check-results.csv",
      "controls/A.5.15/evidence/E-004-iam.json",
      "controls/A.6.3/evidence/E-012-training.pdf",
      "index.html",
    ]);
    const iam = '{"Users":[{"UserName":"alice"}]}';
    expect(written.manifest.files[1]).toEqual({
      path: "controls/A.5.15/evidence/E-004-iam.json",
      sha256: sha256(iam),
      size: iam.length,
      mediaType: "application/json",
      source: { kind: "aws", account: "111122223333", region: "us-east-1", service: "iam", operation: "ListUsers,ListMFADevices", evidenceIds: ["E-004", "E-009"] },
      collectedAt: "2026-11-02T08:00:00.000Z",
      period: { start: "2026-11-02", end: "2026-11-02" },
    });
    expect(Object.keys(manifest ?? {})).toEqual(["format", "workspace", "audit", "period", "generatedAt", "generator", "files"]);
    expect(manifestText).not.toContain("collectedAt\": null");
    expect(manifestText).toMatch(/^{\n {2}"format": "openisms-evidence-package\/1",\n/);
    for (const file of written.manifest.files) expect(sha256(files.get(file.path) ?? "")).toBe(file.sha256);
  });

  it("signs the manifest's exact bytes and holds the public key it was signed with", async () => {
    const written = await writePackage(join(dir, "p.zip"), sampleHeader(), sampleEntries(), key);
    const files = await readZip(written.out);
    const signature = files.get(signaturePath)?.toString("utf8") ?? "";
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(verifyManifestSignature(files.get(manifestPath) ?? Buffer.alloc(0), signature, key.publicKeyPem)).toBe(true);
    expect(files.get(publicKeyPath)?.toString("utf8")).toBe(key.publicKeyPem);
    expect(written.keyFingerprint).toBe(publicKeyFingerprint(key.publicKeyPem));
  });

  it("reports the ZIP's size and SHA-256", async () => {
    const written = await writePackage(join(dir, "p.zip"), sampleHeader(), sampleEntries(), key);
    const bytes = await readFile(written.out);
    expect(written.bytes).toBe(bytes.length);
    expect(written.sha256).toBe(sha256(bytes));
  });

  it("accepts content that hashes to the SHA-256 it came with", async () => {
    const content = Buffer.from("blob content");
    const written = await writePackage(join(dir, "p.zip"), sampleHeader(), [entry("evidence/blob.txt", content, sha256(content).toUpperCase())], key);
    expect(written.manifest.files[0]?.sha256).toBe(sha256(content));
  });

  it("fails on content that does not hash to the SHA-256 it came with, naming the file, and leaves no file", async () => {
    const out = join(dir, "p.zip");
    const entries = [...sampleEntries(), entry("evidence/E-020-tampered.json", Buffer.from("changed"), sha256("original"))];
    const writing = writePackage(out, sampleHeader(), entries, key);
    await expect(writing).rejects.toThrow(IsmsError);
    await expect(writing).rejects.toThrow(/"evidence\/E-020-tampered.json" hashes to .*, not to the [0-9a-f]{64} it was recorded with/);
    expect(await readdir(dir)).toEqual(["keys"]);
  });

  it("refuses a SHA-256 that is not a hash", async () => {
    await expect(writePackage(join(dir, "p.zip"), sampleHeader(), [entry("a.txt", Buffer.from("a"), "abc")], key)).rejects.toThrow(/SHA-256 given for "a.txt" is not a hash/);
  });

  it.each([
    ["/etc/passwd", "absolute"],
    ["C:/evidence.json", "absolute"],
    ["../outside.json", '".." segment'],
    ["evidence/../../outside.json", '".." segment'],
    ["evidence/./e.json", '"." segment'],
    ["evidence\\e.json", "backslash"],
    ["evidence//e.json", "empty segment"],
    ["evidence/", "empty segment"],
    ["", "empty"],
    ["evidence/e\n.json", "control character"],
    [manifestPath, "writes a file of that name itself"],
    [signaturePath, "writes a file of that name itself"],
    [publicKeyPath, "writes a file of that name itself"],
    ["Manifest.JSON", "writes a file of that name itself"],
  ])("refuses the path %j (%s), naming it, and leaves no file", async (path, why) => {
    const writing = writePackage(join(dir, "p.zip"), sampleHeader(), [...sampleEntries(), entry(path, Buffer.from("x"))], key);
    await expect(writing).rejects.toThrow(IsmsError);
    await expect(writing).rejects.toThrow(`Cannot add "${path.replace("\n", "\\u000a")}" to the evidence package`);
    await expect(writing).rejects.toThrow(why);
    expect(await readdir(dir)).toEqual(["keys"]);
  });

  it.each([
    [["evidence/a.json", "evidence/a.json"], "it was added already"],
    [["evidence/a.json", "Evidence/A.json"], 'it differs only in case from "evidence/a.json"'],
    [["evidence/a", "evidence/a/b.json"], 'its folder "evidence/a" is a file of the package'],
    [["evidence/a/b.json", "evidence/a"], 'it is the folder of "evidence/a/b.json"'],
  ])("refuses paths that collide when unzipped: %j", async (paths, why) => {
    const writing = writePackage(join(dir, "p.zip"), sampleHeader(), paths.map((path) => entry(path, Buffer.from(path))), key);
    await expect(writing).rejects.toThrow(`Cannot add "${paths[1]}" to the evidence package: ${why}`);
  });

  it("fails, naming the file, when a content stream fails, and leaves no file", async () => {
    const failing: PackageEntryInput = {
      ...entry("evidence/E-030-unreadable.json", Buffer.alloc(0)),
      content: () => new Readable({ read() { this.destroy(new Error("EIO: i/o error, read")); } }),
    };
    await expect(writePackage(join(dir, "p.zip"), sampleHeader(), [...sampleEntries(), failing], key)).rejects.toThrow(
      /Cannot read the content of "evidence\/E-030-unreadable.json": EIO/,
    );
    expect(await readdir(dir)).toEqual(["keys"]);
  });

  it("fails with a message a person can act on when the folder to write to does not exist", async () => {
    await expect(writePackage(join(dir, "missing", "p.zip"), sampleHeader(), sampleEntries(), key)).rejects.toThrow(/Cannot write the package to .*missing\/p.zip: ENOENT.*Check that its folder exists/);
  });

  it("refuses a header that is not valid before writing anything", async () => {
    await expect(writePackage(join(dir, "p.zip"), sampleHeader({ period: { start: "2026-12-01", end: "2026-11-01" } }), sampleEntries(), key)).rejects.toThrow(
      /header is invalid at period: the period ends before it starts/,
    );
    expect(await readdir(dir)).toEqual(["keys"]);
  });

  it("streams many entries, opening each only when it is written and taking the next only after it", async () => {
    const count = 2_000;
    let open = 0;
    let mostOpen = 0;
    let taken = 0;
    let written = 0;
    async function* entries(): AsyncGenerator<PackageEntryInput> {
      for (let index = 0; index < count; index++) {
        // As a database cursor would, fetch a page now and then.
        if (index % 100 === 0) await setImmediate();
        taken++;
        // The writer asks for an entry only once the one before is written.
        expect(taken - written).toBe(1);
        const body = `{"record":${index}}`;
        yield {
          ...entry(`evidence/E-${String(index).padStart(5, "0")}.json`, Buffer.alloc(0)),
          content: () => {
            open++;
            mostOpen = Math.max(mostOpen, open);
            const stream = Readable.from([Buffer.from(body)]);
            stream.once("end", () => {
              open--;
              written++;
            });
            return stream;
          },
        };
      }
    }
    const started = Date.now();
    const package_ = await writePackage(join(dir, "many.zip"), sampleHeader(), entries(), key);
    expect(package_.manifest.files).toHaveLength(count);
    expect(mostOpen).toBe(1);
    expect(written).toBe(count);
    const verification = await verifyPackage(package_.out, { publicKeyPem: key.publicKeyPem });
    expect(verification).toMatchObject({ ok: true, checked: count });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

function entry(path: string, content: Buffer, sha?: string): PackageEntryInput {
  return { path, mediaType: "application/octet-stream", source: { kind: "upload", uploader: "tester" }, content, ...(sha ? { sha256: sha } : {}) };
}
