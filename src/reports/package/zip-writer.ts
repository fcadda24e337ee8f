// Writes an evidence package: streams each file into a ZIP one at a time, hashing it on the way, then
// adds the manifest, its Ed25519 signature and the public key. The same input gives the same bytes.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { extname } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { IsmsError } from "../../domain/errors.js";
import { hashStream } from "./hashing.js";
import type { StreamDigest } from "./hashing.js";
import { checkPackageHeader, comparePaths, manifestFileSchema, packagePathProblem, reservedPaths, serializeManifest } from "./manifest.js";
import { signManifest } from "./signing.js";
import type { SigningKey } from "./signing.js";
import type { ManifestFile, PackageEntryInput, PackageHeader, PackageManifest, WrittenPackage } from "./types.js";
import { manifestPath, packageFormat, publicKeyPath, signaturePath } from "./types.js";

/** A regular file, rw-r--r--: the same for every entry, whoever runs the command. */
const fileMode = 0o100644;
/** Formats that are compressed already: stored as they are, deflating them again gains nothing. */
const storedExtensions = new Set([".zip", ".xlsx", ".docx", ".pptx", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z"]);

/**
 * Writes the package to `out` (through `out.partial`, renamed on success and removed on failure, so
 * `out` never holds half a package). Entries are written in the order given; each one's content is
 * opened only when it is written and the next entry is taken only after it, so memory holds one file
 * at a time. Fails with an IsmsError naming the path of a bad, duplicate or reserved path, or of
 * content that does not hash to the `sha256` it came with.
 */
export async function writePackage(
  out: string,
  header: PackageHeader,
  entries: Iterable<PackageEntryInput> | AsyncIterable<PackageEntryInput>,
  key: SigningKey,
): Promise<WrittenPackage> {
  checkPackageHeader(header);
  const mtime = zipTimestamp(header.generatedAt);
  const partial = `${out}.partial`;
  const zip = new ZipFile();
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  void failed.catch(() => undefined);
  zip.on("error", (error) => fail(error));
  const sink = createWriteStream(partial);
  const written = pipeline(zip.outputStream, sink);
  void written.catch((error: unknown) => fail(error));

  try {
    const files: ManifestFile[] = [];
    const claims = createPathClaims();
    for await (const entry of entries) {
      claims.claim(entry.path);
      const digest = await Promise.race([addEntry(zip, entry, mtime), failed]);
      files.push(manifestFileOf(entry, digest));
    }
    const { workspace, audit, period, generatedAt, generator } = header;
    const sorted = files.sort((a, b) => comparePaths(a.path, b.path));
    const manifest: PackageManifest = { format: packageFormat, workspace, audit, period, generatedAt, generator, files: sorted };
    const manifestBytes = serializeManifest(manifest);
    zip.addBuffer(manifestBytes, manifestPath, entryOptions(manifestPath, mtime));
    zip.addBuffer(Buffer.from(`${signManifest(manifestBytes, key)}\n`, "utf8"), signaturePath, entryOptions(signaturePath, mtime));
    zip.addBuffer(Buffer.from(key.publicKeyPem, "utf8"), publicKeyPath, entryOptions(publicKeyPath, mtime));
    zip.end();
    await Promise.race([written, failed]);
    await rename(partial, out);
    const zipDigest = await hashStream(createReadStream(out));
    return { out, manifest, publicKeyPem: key.publicKeyPem, keyFingerprint: key.fingerprint, bytes: zipDigest.size, sha256: zipDigest.sha256 };
  } catch (error) {
    // Closing the file also stops the ZIP stream; then what was written is removed.
    sink.destroy(new Error("package writing abandoned"));
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw describeWriteError(error, out);
  }
}

/** Adds one entry and settles once yazl has read all of its bytes, with their hash and size. */
function addEntry(zip: ZipFile, entry: PackageEntryInput, mtime: Date): Promise<StreamDigest> {
  const expected = entry.sha256?.toLowerCase();
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) {
    throw new IsmsError(`The SHA-256 given for "${entry.path}" is not a hash: "${entry.sha256}"`, "Give 64 hexadecimal digits, or no hash");
  }
  return new Promise((resolve, reject) => {
    zip.addReadStreamLazy(entry.path, entryOptions(entry.path, mtime), (callback) => {
      let source: Readable;
      try {
        source = typeof entry.content === "function" ? entry.content() : Readable.from([entry.content], { objectMode: false });
      } catch (error) {
        reject(contentError(entry.path, error));
        return;
      }
      const hash = createHash("sha256");
      let size = 0;
      let digest: StreamDigest | undefined;
      const hasher = new Transform({
        transform(chunk: Buffer | string, _encoding, done) {
          const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
          hash.update(bytes);
          size += bytes.length;
          done(null, bytes);
        },
        flush(done) {
          const sha256 = hash.digest("hex");
          if (expected !== undefined && sha256 !== expected) {
            done(
              new IsmsError(
                `The content of "${entry.path}" hashes to ${sha256}, not to the ${expected} it was recorded with`,
                "The stored evidence was changed after it was collected: restore it from a backup or collect it again, then build the package again",
              ),
            );
            return;
          }
          digest = { sha256, size };
          done();
        },
      });
      hasher.once("error", reject);
      hasher.once("end", () => (digest ? resolve(digest) : reject(new Error(`"${entry.path}" ended before it was hashed`))));
      source.once("error", (error) => hasher.destroy(contentError(entry.path, error)));
      source.pipe(hasher);
      callback(null, hasher);
    });
  });
}

function manifestFileOf(entry: PackageEntryInput, digest: StreamDigest): ManifestFile {
  const file: ManifestFile = {
    path: entry.path,
    sha256: digest.sha256,
    size: digest.size,
    mediaType: entry.mediaType,
    source: entry.source,
    collectedAt: entry.collectedAt,
    period: entry.period,
  };
  const result = manifestFileSchema.safeParse(file);
  if (result.success) return file;
  const issue = result.error.issues[0];
  throw new IsmsError(
    `The manifest entry of "${entry.path}" is invalid at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "unknown problem"}`,
    "This is a bug in the code that builds the package; report it with the command you ran",
  );
}

function entryOptions(path: string, mtime: Date) {
  const stored = storedExtensions.has(extname(path).toLowerCase());
  return { mtime, mode: fileMode, compress: !stored, compressionLevel: stored ? 0 : 6, forceDosTimestamp: true };
}

/**
 * The time written on every entry. yazl writes the DOS date and time from the local wall clock (and
 * the Info-ZIP UTC field from the same instant), which would make the bytes depend on the machine's
 * timezone. So entries carry only the DOS field, set to the UTC calendar day of `generatedAt` at noon,
 * an hour every timezone has on every day (daylight-saving gaps are at night).
 */
function zipTimestamp(generatedAt: string): Date {
  const instant = new Date(generatedAt);
  return new Date(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate(), 12, 0, 0);
}

/**
 * Keeps the paths taken so far. Besides bad and reserved paths it refuses a path taken twice, or
 * twice but for case (they collide when unzipped on macOS or Windows), and a file that is also
 * another path's folder.
 */
function createPathClaims() {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const hint = "Package paths are relative, use / between folders, and differ in more than case";
  return {
    claim(path: string): void {
      const refuse = (why: string) => new IsmsError(`Cannot add ${quote(path)} to the evidence package: ${why}`, hint);
      const problem = packagePathProblem(path);
      if (problem) throw refuse(problem);
      const key = path.toLowerCase();
      if (reservedPaths.some((reserved) => reserved.toLowerCase() === key)) throw refuse("the package writes a file of that name itself");
      const taken = files.get(key);
      if (taken !== undefined) throw refuse(taken === path ? "it was added already" : `it differs only in case from "${taken}"`);
      const inside = folders.get(key);
      if (inside !== undefined) throw refuse(`it is the folder of "${inside}"`);
      const segments = key.split("/");
      for (let end = 1; end < segments.length; end++) {
        const folder = segments.slice(0, end).join("/");
        const file = files.get(folder);
        if (file !== undefined) throw refuse(`its folder "${file}" is a file of the package`);
        if (!folders.has(folder)) folders.set(folder, path);
      }
      files.set(key, path);
    },
  };
}

/** The path in quotes, its control characters escaped so that the message shows them. */
function quote(path: string): string {
  return `"${path.replace(/\p{Cc}/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

function contentError(path: string, error: unknown): IsmsError {
  if (error instanceof IsmsError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new IsmsError(`Cannot read the content of "${path}": ${reason}`, "Check that the evidence folder is complete and readable");
}

function describeWriteError(error: unknown, out: string): unknown {
  if (error instanceof IsmsError || !(error instanceof Error) || !("code" in error)) return error;
  return new IsmsError(`Cannot write the package to ${out}: ${error.message}`, "Check that its folder exists and that you may write there");
}
