// Reading a stream once: its SHA-256 and size without keeping its bytes, or its bytes up to a limit.
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { IsmsError } from "../../domain/errors.js";

export interface StreamDigest {
  sha256: string;
  size: number;
}

/** The SHA-256 (hex) and size of everything the stream gives; holds one chunk at a time. */
export async function hashStream(stream: Readable): Promise<StreamDigest> {
  const hash = createHash("sha256");
  let size = 0;
  const chunks: AsyncIterable<unknown> = stream;
  for await (const chunk of chunks) {
    const bytes = toBytes(chunk);
    hash.update(bytes);
    size += bytes.length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** The stream's bytes, refusing more than `limit` of them (`what` names the file in the error). */
export async function readStreamUpTo(stream: Readable, limit: number, what: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  const chunks: AsyncIterable<unknown> = stream;
  for await (const chunk of chunks) {
    const bytes = toBytes(chunk);
    size += bytes.length;
    if (size > limit) {
      stream.destroy();
      throw new IsmsError(`${what} is larger than ${limit.toLocaleString("en-US")} bytes, far more than such a file holds`, "The package is damaged or was not made by OpenISMS");
    }
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

function toBytes(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  throw new TypeError(`A package stream gave a ${typeof chunk} instead of bytes`);
}
