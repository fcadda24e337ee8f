// The content-addressed blob store for evidence: each blob lives on the local file system under its
// SHA-256 (`sha256/ab/cd/abcd…`), is written once and atomically, and is verified on every read.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { IsmsError } from "../domain/errors.js";
import type { Store } from "../store/open.js";

/** Where a blob was put: its hash, its size in bytes and its path relative to the store's root. */
export interface StoredBlob {
  sha256: string;
  size: number;
  path: string;
  /** Whether identical content was already stored (nothing was written). */
  reused: boolean;
}

export interface BlobStore {
  /** The absolute folder that holds the blobs. */
  readonly root: string;
  put(content: Buffer | string): Promise<StoredBlob>;
  /** The blob's bytes, checked against the hash (EvidenceTamperedError, EvidenceMissingError). */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** The path of a blob relative to the root: "sha256/ab/cd/abcd…". */
  pathOf(sha256: string): string;
}

/** A blob whose bytes no longer hash to its name: it was changed after it was stored. */
export class EvidenceTamperedError extends IsmsError {
  constructor(
    readonly sha256: string,
    readonly path: string,
    readonly actual: string,
  ) {
    super(
      `Evidence blob ${sha256} at ${path} has been changed: its content now hashes to ${actual}`,
      "Restore the blob from a backup; until then the evidence that refers to it cannot be relied on",
    );
  }
}

/** A blob an evidence record refers to but the folder does not hold. */
export class EvidenceMissingError extends IsmsError {
  constructor(
    readonly sha256: string,
    readonly path: string,
  ) {
    super(`Evidence blob ${sha256} is missing from ${path}`, "Restore the evidence folder from a backup, or check ISMS_EVIDENCE_DIR");
  }
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A blob store rooted at `root` (created on the first put). */
export function createBlobStore(root: string): BlobStore {
  const absoluteRoot = resolve(root);

  function pathOf(sha256: string): string {
    // The format check also keeps a caller's "hash" from naming a path outside the root.
    if (!sha256Pattern.test(sha256)) throw new IsmsError(`"${sha256}" is not a SHA-256 hash`, "Give 64 lower-case hexadecimal digits");
    return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async function has(sha256: string): Promise<boolean> {
    try {
      return (await stat(join(absoluteRoot, pathOf(sha256)))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async function put(content: Buffer | string): Promise<StoredBlob> {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const sha256 = sha256Of(bytes);
    const path = pathOf(sha256);
    if (await has(sha256)) return { sha256, size: bytes.length, path, reused: true };
    const target = join(absoluteRoot, path);
    await mkdir(dirname(target), { recursive: true });
    // Written beside the target and renamed over it, so a reader never sees half a blob; a racing
    // writer of the same content renames identical bytes.
    const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, bytes, { mode: 0o444, flag: "wx" });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sha256, size: bytes.length, path, reused: false };
  }

  async function get(sha256: string): Promise<Buffer> {
    const path = pathOf(sha256);
    const absolute = join(absoluteRoot, path);
    let bytes: Buffer;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      if (isNotFound(error)) throw new EvidenceMissingError(sha256, absolute);
      throw error;
    }
    const actual = sha256Of(bytes);
    if (actual !== sha256) throw new EvidenceTamperedError(sha256, absolute, actual);
    return bytes;
  }

  return { root: absoluteRoot, put, get, has, pathOf };
}

/**
 * The evidence folder for a store. ISMS_EVIDENCE_DIR wins when set; otherwise the embedded database
 * keeps evidence beside itself in `<data dir>/evidence`. A PostgreSQL deployment must set
 * ISMS_EVIDENCE_DIR to a folder every ISMS process reaches (an S3 bucket with Object Lock is future work).
 */
export function resolveEvidenceRoot(store: Pick<Store, "kind" | "location">, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ISMS_EVIDENCE_DIR;
  if (configured) return resolve(configured);
  if (store.kind === "pglite" && store.location !== "memory") return join(store.location, "evidence");
  const where = store.kind === "postgres" ? "With PostgreSQL" : "With an in-memory database";
  throw new IsmsError(`${where} evidence has no folder of its own`, "Set ISMS_EVIDENCE_DIR to a folder every ISMS process can reach");
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
