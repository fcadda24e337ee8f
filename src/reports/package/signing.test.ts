import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IsmsError } from "../../domain/errors.js";
import { loadOrCreateSigningKey, publicKeyFingerprint, resolveKeyDir, signingKeyFile, signManifest, verifyManifestSignature } from "./signing.js";
import { scratchDir } from "./test-fixtures.js";

let dir: string;
beforeEach(async () => {
  dir = await scratchDir("signing");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the package signing key", () => {
  it("is created once, readable by its owner only, in a private folder, and reused after", async () => {
    const keys = join(dir, "data", "keys");
    const first = await loadOrCreateSigningKey(keys);
    expect(first.created).toBe(true);
    expect((await stat(join(keys, signingKeyFile))).mode & 0o777).toBe(0o600);
    expect((await stat(keys)).mode & 0o777).toBe(0o700);
    expect(await readFile(join(keys, signingKeyFile), "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);

    const again = await loadOrCreateSigningKey(keys);
    expect(again.created).toBe(false);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
  });

  it("is created by only one of several processes starting at once", async () => {
    const keys = await Promise.all(Array.from({ length: 4 }, () => loadOrCreateSigningKey(dir)));
    expect(keys.filter((key) => key.created)).toHaveLength(1);
    expect(new Set(keys.map((key) => key.fingerprint)).size).toBe(1);
  });

  it("has as fingerprint the SHA-256 of its public key's DER bytes", async () => {
    const key = await loadOrCreateSigningKey(dir);
    const der = createPublicKey(key.publicKeyPem).export({ type: "spki", format: "der" });
    expect(key.fingerprint).toBe(createHash("sha256").update(der).digest("hex"));
    expect(publicKeyFingerprint(key.publicKeyPem)).toBe(key.fingerprint);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it("refuses a corrupt key file, naming it and saying to move it away, and leaves it in place", async () => {
    const file = join(dir, signingKeyFile);
    await writeFile(file, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    await expect(loadOrCreateSigningKey(dir)).rejects.toThrow(IsmsError);
    await expect(loadOrCreateSigningKey(dir)).rejects.toThrow(new RegExp(`${file}.*not a private key.*Move ${file} away`));
    expect(await readFile(file, "utf8")).toContain("bm90IGEga2V5");
  });

  it("refuses a key that is not Ed25519", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await writeFile(join(dir, signingKeyFile), privateKey.export({ type: "pkcs8", format: "pem" }));
    await expect(loadOrCreateSigningKey(dir)).rejects.toThrow(/is a ec key, not an Ed25519 key.*Move/);
  });
});

describe("manifest signatures", () => {
  it("verify for the signed bytes and the signing key only", async () => {
    const key = await loadOrCreateSigningKey(join(dir, "a"));
    const other = await loadOrCreateSigningKey(join(dir, "b"));
    const manifest = Buffer.from('{"format":"openisms-evidence-package/1"}\n');
    const signature = signManifest(manifest, key);

    expect(verifyManifestSignature(manifest, signature, key.publicKeyPem)).toBe(true);
    expect(verifyManifestSignature(manifest, `${signature}\n`, key.publicKeyPem)).toBe(true);
    expect(verifyManifestSignature(Buffer.from('{"format":"openisms-evidence-package/2"}\n'), signature, key.publicKeyPem)).toBe(false);
    expect(verifyManifestSignature(manifest, signature, other.publicKeyPem)).toBe(false);
  });

  it("are the same each time the same bytes are signed (Ed25519 is deterministic)", async () => {
    const key = await loadOrCreateSigningKey(dir);
    const bytes = Buffer.from("manifest");
    expect(signManifest(bytes, key)).toBe(signManifest(bytes, key));
  });

  it("are invalid when they are not base64 of 64 bytes", async () => {
    const key = await loadOrCreateSigningKey(dir);
    const bytes = Buffer.from("manifest");
    expect(verifyManifestSignature(bytes, "not base64!", key.publicKeyPem)).toBe(false);
    expect(verifyManifestSignature(bytes, Buffer.alloc(32).toString("base64"), key.publicKeyPem)).toBe(false);
    expect(verifyManifestSignature(bytes, "", key.publicKeyPem)).toBe(false);
  });

  it("cannot be checked with something that is not an Ed25519 public key", async () => {
    const bytes = Buffer.from("manifest");
    const signature = signManifest(bytes, await loadOrCreateSigningKey(dir));
    expect(() => verifyManifestSignature(bytes, signature, "hello")).toThrow(/not a public key in PEM format/);
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(() => verifyManifestSignature(bytes, signature, ec)).toThrow(/not an Ed25519 key/);
  });
});

describe("the signing key's folder", () => {
  it("is ISMS_KEY_DIR when set, whatever the store", () => {
    expect(resolveKeyDir({ kind: "postgres", location: "db.example:5432/isms" }, { ISMS_KEY_DIR: "/srv/isms-keys" })).toBe("/srv/isms-keys");
    expect(resolveKeyDir({ kind: "pglite", location: "/var/isms" }, { ISMS_KEY_DIR: "/srv/isms-keys" })).toBe("/srv/isms-keys");
  });

  it("is beside an embedded database otherwise", () => {
    expect(resolveKeyDir({ kind: "pglite", location: "/var/isms" }, {})).toBe(join("/var/isms", "keys"));
  });

  it("must be set for PostgreSQL and for an in-memory database", () => {
    expect(() => resolveKeyDir({ kind: "postgres", location: "db.example:5432/isms" }, {})).toThrow(/With PostgreSQL.*Set ISMS_KEY_DIR/);
    expect(() => resolveKeyDir({ kind: "pglite", location: "memory" }, {})).toThrow(/in-memory database.*Set ISMS_KEY_DIR/);
  });
});
