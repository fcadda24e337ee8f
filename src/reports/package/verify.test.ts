import { createHash } from "node:crypto";
import { mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IsmsError } from "../../domain/errors.js";
import { loadOrCreateSigningKey } from "./signing.js";
import type { SigningKey } from "./signing.js";
import { flipByte, readZip, sampleEntries, sampleHeader, scratchDir, unzipTo, writeZip } from "./test-fixtures.js";
import type { WrittenPackage } from "./types.js";
import { manifestPath, publicKeyPath, signaturePath } from "./types.js";
import { describeVerification, verifyPackage } from "./verify.js";
import { writePackage } from "./zip-writer.js";

const iamPath = "controls/A.5.15/evidence/E-004-iam.json";
const csvPath = "controls/A.5.15/check-results.csv";

let dir: string;
let key: SigningKey;
let written: WrittenPackage;
let folder: string;
beforeEach(async () => {
  dir = await scratchDir("verify");
  key = await loadOrCreateSigningKey(join(dir, "keys"));
  written = await writePackage(join(dir, "stage2.zip"), sampleHeader(), sampleEntries(), key);
  folder = join(dir, "unzipped");
  await unzipTo(written.out, folder);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The package's ZIP rebuilt with `change` applied to its files (name → bytes, in order). */
async function tamperedZip(change: (files: Map<string, Buffer>) => Iterable<[string, Buffer]>): Promise<string> {
  const out = join(dir, "tampered.zip");
  await writeZip(out, change(await readZip(written.out)));
  return out;
}

describe("verifying an evidence package", () => {
  it("passes on the fresh ZIP, with the package's own key or the key given", async () => {
    const own = await verifyPackage(written.out);
    expect(own).toMatchObject({ ok: true, signature: "valid", keyGiven: false, keyFingerprint: key.fingerprint, changed: [], added: [], removed: [], checked: 4 });
    expect(own.manifest).toEqual(written.manifest);
    const given = await verifyPackage(written.out, { publicKeyPem: key.publicKeyPem });
    expect(given).toMatchObject({ ok: true, signature: "valid", keyGiven: true, keyFingerprint: key.fingerprint });
  });

  it("passes on the folder the package was unzipped to", async () => {
    expect(await verifyPackage(folder, { publicKeyPem: key.publicKeyPem })).toMatchObject({ ok: true, signature: "valid", checked: 4, added: [] });
  });

  it("names exactly the file whose byte was flipped in the unzipped folder", async () => {
    const file = join(folder, iamPath);
    const original = await readFile(file);
    const flipped = flipByte(original, 5);
    await writeFile(file, flipped);
    const result = await verifyPackage(folder, { publicKeyPem: key.publicKeyPem });
    expect(result).toMatchObject({ ok: false, signature: "valid", added: [], removed: [], checked: 4 });
    expect(result.changed).toEqual([{ path: iamPath, expected: sha256(original), actual: sha256(flipped) }]);
  });

  it("names exactly the file whose bytes differ in a ZIP rebuilt around it", async () => {
    const out = await tamperedZip((files) => [...files].map(([name, bytes]) => [name, name === csvPath ? flipByte(bytes, 0) : bytes]));
    const result = await verifyPackage(out, { publicKeyPem: key.publicKeyPem });
    expect(result).toMatchObject({ ok: false, signature: "valid", added: [], removed: [] });
    expect(result.changed.map((change) => change.path)).toEqual([csvPath]);
  });

  it("names a file that a ZIP holds twice, once with other bytes", async () => {
    const out = await tamperedZip((files) => [...files, [csvPath, Buffer.from("check,verdict\niam-mfa,fail\n")]]);
    const result = await verifyPackage(out);
    expect(result.changed.map((change) => change.path)).toEqual([csvPath]);
    expect(result.ok).toBe(false);
  });

  it("names a removed file, in a folder and in a ZIP", async () => {
    await unlink(join(folder, iamPath));
    expect(await verifyPackage(folder)).toMatchObject({ ok: false, signature: "valid", removed: [iamPath], changed: [], added: [], checked: 3 });
    const out = await tamperedZip((files) => [...files].filter(([name]) => name !== iamPath));
    expect(await verifyPackage(out)).toMatchObject({ ok: false, removed: [iamPath], changed: [], added: [] });
  });

  it("names files that were added, ignoring folders", async () => {
    await writeFile(join(folder, "notes.txt"), "added by hand");
    await mkdir(join(folder, "controls", "A.8.5", "empty"), { recursive: true });
    await writeFile(join(folder, "controls", "A.5.15", manifestPath), "{}");
    const result = await verifyPackage(folder);
    expect(result).toMatchObject({ ok: false, signature: "valid", changed: [], removed: [] });
    expect(result.added).toEqual([`controls/A.5.15/${manifestPath}`, "notes.txt"]);
  });

  it("finds the signature invalid when the manifest was edited to hide a change", async () => {
    const file = join(folder, iamPath);
    const forged = Buffer.from('{"Users":[]}');
    await writeFile(file, forged);
    const manifest = await readFile(join(folder, manifestPath), "utf8");
    const original = written.manifest.files.find((f) => f.path === iamPath);
    await writeFile(join(folder, manifestPath), manifest.replace(original?.sha256 ?? "?", sha256(forged)).replace(`"size": ${original?.size}`, `"size": ${forged.length}`));
    const result = await verifyPackage(folder, { publicKeyPem: key.publicKeyPem });
    expect(result).toMatchObject({ ok: false, signature: "invalid", changed: [], added: [], removed: [] });
    expect(describeVerification(result)[0]).toMatch(/^signature: INVALID .*manifest.json was changed after it was signed/);
  });

  it("finds the signature invalid when checked with another key", async () => {
    const other = await loadOrCreateSigningKey(join(dir, "other-keys"));
    const result = await verifyPackage(written.out, { publicKeyPem: other.publicKeyPem });
    expect(result).toMatchObject({ ok: false, signature: "invalid", keyGiven: true, keyFingerprint: other.fingerprint, changed: [] });
  });

  it("finds the signature invalid when the package's own key was replaced", async () => {
    const other = await loadOrCreateSigningKey(join(dir, "other-keys"));
    await writeFile(join(folder, publicKeyPath), other.publicKeyPem);
    expect(await verifyPackage(folder)).toMatchObject({ ok: false, signature: "invalid", keyFingerprint: other.fingerprint });
    await writeFile(join(folder, publicKeyPath), "not a key");
    expect(await verifyPackage(folder)).toMatchObject({ ok: false, signature: "invalid", keyFingerprint: undefined });
  });

  it("finds the signature missing when the package holds none", async () => {
    await unlink(join(folder, signaturePath));
    const result = await verifyPackage(folder);
    expect(result).toMatchObject({ ok: false, signature: "missing", changed: [], added: [], removed: [] });
    expect(describeVerification(result)[0]).toMatch(/^signature: MISSING/);
  });

  it("refuses a given key that is not an Ed25519 public key, naming it", async () => {
    await expect(verifyPackage(written.out, { publicKeyPem: "hello", publicKeyName: "auditor.pem" })).rejects.toThrow(/auditor.pem is not a public key in PEM format/);
  });

  it("refuses a manifest that is not JSON or not in the known format, naming manifest.json", async () => {
    await writeFile(join(folder, manifestPath), "{ not json");
    await expect(verifyPackage(folder)).rejects.toThrow(/unzipped: manifest.json \(its signature is invalid\) is not valid JSON/);
    await writeFile(join(folder, manifestPath), JSON.stringify({ ...written.manifest, format: "other/2" }));
    await expect(verifyPackage(folder)).rejects.toThrow(/manifest.json \(its signature is invalid\) is not an OpenISMS evidence package manifest .* at format/);
  });

  it("refuses a manifest that lists a path outside the package", async () => {
    const manifest = await readFile(join(folder, manifestPath), "utf8");
    await writeFile(join(folder, manifestPath), manifest.replace(`"path": "index.html"`, `"path": "../../etc/passwd"`));
    await expect(verifyPackage(folder)).rejects.toThrow(/manifest.json .* at files.3.path: "..\/..\/etc\/passwd" cannot be a package path/);
  });

  it("refuses a package without a manifest", async () => {
    await unlink(join(folder, manifestPath));
    await expect(verifyPackage(folder)).rejects.toThrow(/holds no manifest.json/);
  });

  it("refuses a file that is not a ZIP, naming it", async () => {
    const notZip = join(dir, "report.zip");
    await writeFile(notZip, "this is a text file, not a zip");
    const verifying = verifyPackage(notZip);
    await expect(verifying).rejects.toThrow(IsmsError);
    await expect(verifying).rejects.toThrow(`${notZip} is not a ZIP file`);
  });

  it("refuses a path that does not exist", async () => {
    await expect(verifyPackage(join(dir, "nowhere.zip"))).rejects.toThrow(/nowhere.zip does not exist/);
  });
});

describe("describing a verification", () => {
  it("says OK with the number of files and which key, when all is well", async () => {
    const lines = describeVerification(await verifyPackage(written.out, { publicKeyPem: key.publicKeyPem }));
    expect(lines).toEqual([`signature: valid, key ${key.fingerprint} (the key you gave)`, "OK: 4 files match the manifest"]);
  });

  it("warns that the package's own key proves integrity only", async () => {
    const lines = describeVerification(await verifyPackage(written.out));
    expect(lines[0]).toContain("the package's own key: check that this fingerprint is the one its sender printed, or pass --key");
  });

  it("names each changed, added and removed file, then the verdict", async () => {
    await writeFile(join(folder, iamPath), "{}");
    await unlink(join(folder, csvPath));
    await writeFile(join(folder, "extra.json"), "{}");
    const result = await verifyPackage(folder);
    const expected = written.manifest.files.find((file) => file.path === iamPath)?.sha256 ?? "";
    expect(describeVerification(result).slice(1)).toEqual([
      `changed: ${iamPath} (expected ${expected.slice(0, 12)}…, now ${sha256(Buffer.from("{}")).slice(0, 12)}…)`,
      "added: extra.json (not listed in the manifest)",
      `removed: ${csvPath} (listed in the manifest, missing from the package)`,
      "FAILED: 1 file changed, 1 file added, 1 file removed; 2 of 4 files listed match the manifest",
    ]);
  });

  it("counts thousands with separators", () => {
    const lines = describeVerification({ ok: true, signature: "valid", keyGiven: true, keyFingerprint: "ab", changed: [], added: [], removed: [], checked: 1234 });
    expect(lines.at(-1)).toBe("OK: 1,234 files match the manifest");
  });
});
