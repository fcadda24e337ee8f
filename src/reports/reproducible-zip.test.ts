import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import yauzl from "yauzl";
import { withFixedTimestamps } from "./reproducible-zip.js";

async function workbookAt(now: string): Promise<Buffer> {
  vi.setSystemTime(new Date(now));
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date("2026-01-01T00:00:00Z");
  workbook.modified = workbook.created;
  workbook.addWorksheet("SoA").addRow(["5.1", "Policies for information security"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("re-packing an office file with a fixed time", () => {
  it("makes a workbook written at two different moments byte-identical, with the same entries", async () => {
    const a = await workbookAt("2026-03-01T10:00:00Z");
    const b = await workbookAt("2026-03-01T10:00:07Z");
    vi.useRealTimers();
    expect(a.equals(b)).toBe(false);
    const mtime = new Date("2026-02-01T00:00:00Z");
    const [fixedA, fixedB] = await Promise.all([withFixedTimestamps(a, mtime), withFixedTimestamps(b, mtime)]);
    expect(fixedA.equals(fixedB)).toBe(true);
    const names = async (bytes: Buffer) => {
      const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
      const found: string[] = [];
      for await (const entry of zip.eachEntry()) found.push(entry.fileName);
      return found;
    };
    expect(await names(fixedA)).toEqual(await names(a));
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.read(Readable.from([fixedA]));
    expect(reread.getWorksheet("SoA")?.getCell("B1").value).toBe("Policies for information security");
  });
});
