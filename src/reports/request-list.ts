// The auditor's request list ("provided by client" list) as CSV and XLSX: one row per request with its
// item, status and the evidence that answers it, and how each kind of item was sampled.
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { describeKind, sampleKindSpec, type KindSummary, type RecordRef } from "../domain/sample/index.js";

/** A request as the list shows it (the stored row's fields). */
export interface RequestListRow {
  id: string;
  sampleId: string | null;
  topic: string;
  question: string;
  item: string;
  controlIds: readonly string[];
  status: string;
  evidenceIds: readonly string[];
  records: readonly RecordRef[];
  note: string | null;
  requestedOn: string;
  providedOn: string | null;
  providedBy: string | null;
}

/** What the list is of: the sample's facts, shown above the requests in the workbook. */
export interface RequestListHeader {
  title: string;
  facts: [string, string][];
  kinds: readonly KindSummary[];
}

const header = ["Request", "Sample", "Topic", "Item", "Question", "Controls", "Status", "Evidence", "Records", "Note", "Requested on", "Provided on", "Provided by", "Sampled"];

/** The list's rows as text cells, in the order of `header`. */
export function requestListCells(requests: readonly RequestListRow[], kinds: readonly KindSummary[] = []): string[][] {
  const sampled = new Map(kinds.map((k) => [topicOf(k), describeKind(k)]));
  return requests.map((r) => [
    r.id,
    r.sampleId ?? "",
    r.topic,
    r.item,
    r.question,
    r.controlIds.map((c) => (/^\d+\.\d+$/.test(c) ? `A.${c}` : c)).join(", "),
    r.status,
    r.evidenceIds.join(", "),
    r.records.map((x) => `${x.register}/${x.id}`).join(", "),
    r.note ?? "",
    r.requestedOn,
    r.providedOn ?? "",
    r.providedBy ?? "",
    sampled.get(r.topic) ?? "",
  ]);
}

const topicOf = (k: KindSummary) => sampleKindSpec(k.kind).topic;

/** RFC 4180 CSV, UTF-8, with a header row. */
export function requestListCsv(requests: readonly RequestListRow[], kinds: readonly KindSummary[] = []): string {
  return stringify([header, ...requestListCells(requests, kinds)]);
}

/** A workbook: the requests (frozen header, filters) and the sample's facts with how each kind was drawn. */
export async function requestListWorkbook(requests: readonly RequestListRow[], about: RequestListHeader): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Requests", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [10, 8, 20, 40, 50, 18, 10, 24, 28, 60, 12, 12, 12, 40].map((width) => ({ width }));
  const head = sheet.addRow(header);
  head.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1D3557" } };
  });
  for (const cells of requestListCells(requests, about.kinds)) sheet.addRow(cells).alignment = { vertical: "top", wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };

  const facts = workbook.addWorksheet("Sample");
  facts.columns = [{ width: 22 }, { width: 90 }];
  facts.addRow([about.title]).font = { bold: true, size: 14 };
  for (const [label, value] of about.facts) facts.addRow([label, value]).getCell(1).font = { bold: true };
  facts.addRow([]);
  for (const k of about.kinds) facts.addRow([k.title, describeKind(k)]).getCell(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
