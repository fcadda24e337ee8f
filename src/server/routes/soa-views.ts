// The Statement of Applicability as the SoA routes read it: derived once per change by the SoA service
// (with the latest collection's check results, which a control's route lists too), and its filters.
import { latestControlCheckResults } from "../../app/collection.js";
import { loadPersonNames, loadStatementOfApplicability } from "../../app/soa.js";
import type { CheckResult, SoaEntry } from "../../domain/soa/index.js";
import { attributeTag, soaRow, type soaListQuery, type SoaRow } from "./soa-schemas.js";
import type { z } from "@hono/zod-openapi";
import { workspaceView } from "./workspace-views.js";

export interface SoaView {
  entries: SoaEntry[];
  /** The entries as the list answers them, made once for every list request. */
  rows: SoaRow[];
  /** The answer to a list request without filters, serialized once. */
  listJson: string;
  checkResults: readonly CheckResult[];
}

export const soaList = (rows: readonly SoaRow[]) => ({ controls: [...rows], total: rows.length });

export const soaView = workspaceView(async (db, ws, asOf): Promise<SoaView> => {
  const checkResults = await latestControlCheckResults(db, ws, asOf);
  const [entries, personName] = await Promise.all([loadStatementOfApplicability(db, ws, { asOf, checkResults }), loadPersonNames(db, ws)]);
  const rows = entries.map((e) => soaRow(e, personName));
  return { entries, rows, listJson: JSON.stringify(soaList(rows)), checkResults };
});

/** The rows that match every filter given; a status filter looks only at controls in the SoA (not excluded). */
export function filterSoaRows(rows: readonly SoaRow[], filters: z.infer<typeof soaListQuery>): SoaRow[] {
  const attribute = filters.attribute === undefined ? undefined : attributeTag(filters.attribute);
  const applicability = filters.applicability === "undecided" ? null : filters.applicability;
  const status = filters.status === "not_assessed" ? null : filters.status;
  return rows.filter(
    (row) =>
      (filters.theme === undefined || row.theme === filters.theme) &&
      (applicability === undefined || row.applicability === applicability) &&
      (status === undefined || (row.implementationStatus === status && row.applicability !== "not_applicable")) &&
      (filters.owner === undefined || row.owner === filters.owner) &&
      (attribute === undefined || row.attributes.includes(attribute)),
  );
}
