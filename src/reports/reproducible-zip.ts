// Office files are ZIPs whose writers (exceljs through JSZip) stamp every entry with the wall clock;
// re-packing them with one fixed time makes the same workbook give the same bytes, so a package that
// holds one is reproducible and its hash means something.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import yazl from "yazl";

/** The same entries, in the same order, each dated `mtime` and deflated. */
export async function withFixedTimestamps(zipBytes: Buffer, mtime: Date): Promise<Buffer> {
  const source = await yauzl.fromBufferPromise(zipBytes, { lazyEntries: true });
  const target = new yazl.ZipFile();
  for await (const entry of source.eachEntry()) {
    const chunks: Buffer[] = [];
    const stream = await source.openReadStreamPromise(entry);
    for await (const chunk of stream) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError(`${entry.fileName}: the ZIP reader gave a ${typeof chunk}, not bytes`);
      chunks.push(Buffer.from(chunk));
    }
    if (entry.fileName.endsWith("/")) target.addEmptyDirectory(entry.fileName, { mtime });
    else target.addBuffer(Buffer.concat(chunks), entry.fileName, { mtime, mode: 0o100644, compress: true });
  }
  target.end();
  const out: Buffer[] = [];
  await pipeline(
    target.outputStream,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}
