// Reading IAM's credential report (CSV, decoded to text by the collector) into one row per user.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";

const reportPage = z.object({ Content: z.string() });

export type CredentialReportRow = Readonly<Record<string, string>>;

/** AWS writes the report without quoted fields, so splitting on commas is exact. */
export function parseCredentialReport(content: string): CredentialReportRow[] {
  const [header, ...lines] = content.trim().split(/\r?\n/);
  if (header === undefined) return [];
  const columns = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}

/** The rows of a collected credential report; the root account's row is kept (user "<root_account>"). */
export function credentialReportRows(snapshot: Snapshot): CredentialReportRow[] {
  return readPages(snapshot, reportPage).flatMap((page) => parseCredentialReport(page.Content));
}
