// Verifies an evidence package, zipped or unzipped: checks the manifest's signature, then streams
// every file through SHA-256 and names each file changed, added or removed since it was signed.
import { createReadStream } from "node:fs";
import { opendir, stat } from "node:fs/promises";
import { join } from "node:path";
import { openPromise } from "yauzl";
import type { ZipFile } from "yauzl";
import { IsmsError } from "../../domain/errors.js";
import { hashStream, readStreamUpTo } from "./hashing.js";
import { comparePaths, parseManifest } from "./manifest.js";
import { parsePublicKey, publicKeyFingerprint, verifyManifestSignature } from "./signing.js";
import type { PackageVerification } from "./types.js";
import { manifestPath, publicKeyPath, signaturePath } from "./types.js";

export { describeVerification } from "./verify-report.js";

export interface VerifyOptions {
  /** The public key to check the signature with (PEM); without it, the package's own key is used. */
  publicKeyPem?: string;
  /** Where that key came from, for errors ("auditor-key.pem"). */
  publicKeyName?: string;
}

/** What reading a package gave: its three own files, and the hashes of every other file by path. */
interface PackageContents {
  own: Map<string, Buffer>;
  /** Usually one hash a path; a ZIP may hold a path twice, with different bytes. */
  hashes: Map<string, string[]>;
}

/** The manifest of 10,000 files is a few MB; these limits only stop a hostile file from filling memory. */
const ownFileLimits = new Map<string, number>([
  [manifestPath, 256 * 1024 * 1024],
  [signaturePath, 64 * 1024],
  [publicKeyPath, 64 * 1024],
]);

/** Verifies the package at `path`: a .zip, or the folder it was unzipped to. */
export async function verifyPackage(path: string, options: VerifyOptions = {}): Promise<PackageVerification> {
  // A key the verifier gives must be a key: an error in it is theirs to fix, and found before any reading.
  if (options.publicKeyPem !== undefined) parsePublicKey(options.publicKeyPem, options.publicKeyName ?? "The public key given");
  const contents = (await isFolder(path)) ? await readFolder(path) : await readZip(path);
  const manifestBytes = contents.own.get(manifestPath);
  if (!manifestBytes) {
    throw new IsmsError(`${path} holds no ${manifestPath}: it is not an OpenISMS evidence package, or its manifest was removed`, "Ask the sender for a complete copy of the package");
  }

  const keyGiven = options.publicKeyPem !== undefined;
  const signature = checkSignature(manifestBytes, contents, options);
  const manifest = parseManifest(manifestBytes, `${path}: ${manifestPath}${signature.status === "valid" ? "" : ` (its signature is ${signature.status})`}`);

  const changed: PackageVerification["changed"] = [];
  const removed: string[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const actual = contents.hashes.get(file.path);
    if (!actual) removed.push(file.path);
    else {
      const differing = actual.find((sha256) => sha256 !== file.sha256);
      if (differing) changed.push({ path: file.path, expected: file.sha256, actual: differing });
    }
  }
  const added = [...contents.hashes.keys()].filter((file) => !listed.has(file)).sort(comparePaths);

  return {
    ok: signature.status === "valid" && changed.length === 0 && added.length === 0 && removed.length === 0,
    signature: signature.status,
    keyFingerprint: signature.fingerprint,
    keyGiven,
    manifest,
    changed,
    added,
    removed,
    checked: manifest.files.length - removed.length,
  };
}

function checkSignature(manifestBytes: Buffer, contents: PackageContents, options: VerifyOptions): { status: PackageVerification["signature"]; fingerprint?: string } {
  if (options.publicKeyPem !== undefined) {
    const fingerprint = publicKeyFingerprint(options.publicKeyPem);
    const signature = contents.own.get(signaturePath);
    if (!signature) return { status: "missing", fingerprint };
    return { status: verifyManifestSignature(manifestBytes, signature.toString("utf8"), options.publicKeyPem) ? "valid" : "invalid", fingerprint };
  }
  const ownKey = contents.own.get(publicKeyPath)?.toString("utf8");
  const signature = contents.own.get(signaturePath);
  if (ownKey === undefined || !signature) return { status: "missing" };
  try {
    const fingerprint = publicKeyFingerprint(ownKey);
    return { status: verifyManifestSignature(manifestBytes, signature.toString("utf8"), ownKey) ? "valid" : "invalid", fingerprint };
  } catch (error) {
    // The package's own key file is not an Ed25519 key: it was damaged or replaced.
    if (error instanceof IsmsError) return { status: "invalid" };
    throw error;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if (hasCode(error, "ENOENT")) throw new IsmsError(`${path} does not exist`, "Give the path of the package's .zip file or of the folder it was unzipped to");
    throw error;
  }
}

async function readZip(path: string): Promise<PackageContents> {
  const contents: PackageContents = { own: new Map(), hashes: new Map() };
  let zip: ZipFile;
  try {
    zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new IsmsError(`${path} is not a ZIP file (${reasonOf(error)})`, "Give the evidence package's .zip file, or the folder it was unzipped to");
  }
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const limit = ownFileLimits.get(entry.fileName);
      if (limit !== undefined) {
        if (contents.own.has(entry.fileName)) throw new IsmsError(`${path} holds ${entry.fileName} twice`, "The package was changed after it was made: ask its sender for a fresh copy");
        contents.own.set(entry.fileName, await readStreamUpTo(stream, limit, `${path}: ${entry.fileName}`));
      } else {
        recordHash(contents, entry.fileName, (await hashStream(stream)).sha256);
      }
    }
  } catch (error) {
    if (error instanceof IsmsError) throw error;
    throw new IsmsError(`${path} is a damaged ZIP file (${reasonOf(error)})`, "Ask the sender for a fresh copy of the package");
  } finally {
    zip.close();
  }
  return contents;
}

async function readFolder(root: string): Promise<PackageContents> {
  const contents: PackageContents = { own: new Map(), hashes: new Map() };
  for await (const path of walkFiles(root, "")) {
    const file = join(root, path);
    const limit = ownFileLimits.get(path);
    if (limit !== undefined) contents.own.set(path, await readStreamUpTo(createReadStream(file), limit, file));
    else recordHash(contents, path, (await hashStream(createReadStream(file))).sha256);
  }
  return contents;
}

/** The files under `folder` as package paths ("evidence/E-001.json"); links to files count as files, linked folders are not followed. */
async function* walkFiles(folder: string, prefix: string): AsyncGenerator<string> {
  for await (const item of await opendir(folder)) {
    const path = prefix ? `${prefix}/${item.name}` : item.name;
    const absolute = join(folder, item.name);
    if (item.isDirectory()) yield* walkFiles(absolute, path);
    else if (item.isFile()) yield path;
    else if (item.isSymbolicLink() && (await stat(absolute).catch(() => undefined))?.isFile()) yield path;
  }
}

function recordHash(contents: PackageContents, path: string, sha256: string): void {
  const known = contents.hashes.get(path);
  if (!known) contents.hashes.set(path, [sha256]);
  else if (!known.includes(sha256)) known.push(sha256);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
