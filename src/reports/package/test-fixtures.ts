// Small packages for the package writer and verifier tests: a header, a few entries, and ways to
// unzip a package and to rebuild its ZIP with one entry changed, as someone tampering would.
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { openPromise } from "yauzl";
import { ZipFile } from "yazl";
import { readStreamUpTo } from "./hashing.js";
import type { PackageEntryInput, PackageHeader } from "./types.js";

export function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `isms-${prefix}-`));
}

export function sampleHeader(overrides: Partial<PackageHeader> = {}): PackageHeader {
  return {
    workspace: { id: "ws-1", name: "acme", company: "Acme Cloud Ltd" },
    audit: "stage2",
    period: { start: "2026-09-01", end: "2026-11-30" },
    generatedAt: "2026-11-30T17:45:00.000Z",
    generator: { name: "openisms", version: "0.1.0" },
    ...overrides,
  };
}

/** Four files of the kinds a package holds: an AWS snapshot (streamed), check results, an upload (PDF), a generated page. */
export function sampleEntries(): PackageEntryInput[] {
  return [
    {
      path: "controls/A.5.15/evidence/E-004-iam.json",
      mediaType: "application/json",
      source: { kind: "aws", account: "111122223333", region: "us-east-1", service: "iam", operation: "ListUsers,ListMFADevices", evidenceIds: ["E-004", "E-009"] },
      collectedAt: "2026-11-02T08:00:00.000Z",
      period: { start: "2026-11-02", end: "2026-11-02" },
      content: () => Readable.from([Buffer.from('{"Users":['), Buffer.from('{"UserName":"alice"}]}')]),
    },
    {
      path: "controls/A.5.15/check-results.csv",
      mediaType: "text/csv",
      source: { kind: "aws-check", generator: "check-results A.5.15" },
      content: Buffer.from("check,verdict\niam-mfa,pass\n"),
    },
    {
      path: "controls/A.6.3/evidence/E-012-training.pdf",
      mediaType: "application/pdf",
      source: { kind: "upload", uploader: "Dana Reyes" },
      collectedAt: "2026-10-15T10:00:00.000Z",
      content: Buffer.from("%PDF-1.7 training certificate"),
    },
    { path: "index.html", mediaType: "text/html", source: { kind: "generated", generator: "package index" }, content: Buffer.from("<!doctype html><title>Index</title>") },
  ];
}

export interface ZipEntryFacts {
  name: string;
  compressionMethod: number;
  mode: number;
  modified: Date;
}

/** The entries of a ZIP as its central directory lists them, in order. */
export async function listZip(path: string): Promise<ZipEntryFacts[]> {
  const zip = await openPromise(path);
  const facts: ZipEntryFacts[] = [];
  for await (const entry of zip.eachEntry()) {
    facts.push({ name: entry.fileName, compressionMethod: entry.compressionMethod, mode: entry.externalFileAttributes >>> 16, modified: entry.getLastModDate({ timezone: "UTC" }) });
  }
  return facts;
}

/** Every file of a (small) ZIP, by name. */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await openPromise(path);
  const files = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    files.set(entry.fileName, await readStreamUpTo(await zip.openReadStreamPromise(entry), 64 * 1024 * 1024, entry.fileName));
  }
  return files;
}

/** Unzips a (small) package into `folder`, as an auditor would. */
export async function unzipTo(zipPath: string, folder: string): Promise<void> {
  for (const [name, bytes] of await readZip(zipPath)) {
    const target = join(folder, name);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(Readable.from([bytes]), createWriteStream(target));
  }
}

/**
 * Rebuilds a ZIP from `entries` (name and bytes, in order; a name may repeat), as a tamperer with a
 * ZIP tool would: same names, fresh headers.
 */
export async function writeZip(out: string, entries: Iterable<[string, Buffer]>): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}

/** A copy of `bytes` with one byte flipped. */
export function flipByte(bytes: Buffer, at = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}
