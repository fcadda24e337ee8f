// Exports the SoA as it stands, or a published version of it, to XLSX, CSV or PDF for the auditor.
import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { eq } from "drizzle-orm";
import { diffSoaVersions } from "../domain/soa/index.js";
import { IsmsError } from "../domain/errors.js";
import { renderSoaCsv } from "../reports/soa-csv.js";
import { renderSoaPdf } from "../reports/soa-pdf.js";
import type { SoaExportModel } from "../reports/soa-rows.js";
import { renderSoaXlsx } from "../reports/soa-xlsx.js";
import type { Db } from "../store/open.js";
import { scope } from "../store/schema/index.js";
import { loadPersonNames, loadStatementOfApplicability } from "./soa.js";
import { getSoaVersion, latestSoaVersion } from "./soa-versions.js";
import type { Workspace } from "./workspaces.js";

export const soaExportFormats = ["xlsx", "csv", "pdf"] as const;
export type SoaExportFormat = (typeof soaExportFormats)[number];

export interface SoaExportOptions {
  /** A published version to export instead of the SoA as it stands. */
  version?: number | undefined;
  asOf?: Date | undefined;
  generatedAt?: Date | undefined;
}

/** What every export shows: the entries, the organization and scope, and where they stand against the versions. */
export async function soaExportModel(db: Db, workspace: Workspace, options: SoaExportOptions = {}): Promise<SoaExportModel> {
  const generatedAt = options.generatedAt ?? new Date();
  const [scopeRow] = await db.select({ statement: scope.statement }).from(scope).where(eq(scope.workspaceId, workspace.id));
  const base = { companyName: workspace.companyName, scopeStatement: scopeRow?.statement ?? null, generatedAt, personName: await loadPersonNames(db, workspace) };
  if (options.version !== undefined) {
    const published = await getSoaVersion(db, workspace, options.version);
    return { ...base, version: published, isPublishedVersion: true, changedSinceVersion: 0, entries: published.entries };
  }
  const entries = await loadStatementOfApplicability(db, workspace, { asOf: options.asOf ?? generatedAt });
  const latest = await latestSoaVersion(db, workspace);
  const diff = latest ? diffSoaVersions(latest.entries, entries) : undefined;
  const changed = diff ? diff.changed.length + diff.added.length + diff.removed.length : 0;
  return { ...base, version: latest ?? null, isPublishedVersion: latest !== undefined && changed === 0, changedSinceVersion: changed, entries };
}

export function soaExportFormatOf(path: string): SoaExportFormat {
  const format = soaExportFormats.find((f) => extname(path).toLowerCase() === `.${f}`);
  if (!format) throw new IsmsError(`${path}: cannot tell the format from its name`, "End the file name in .xlsx, .csv or .pdf");
  return format;
}

export async function renderSoa(model: SoaExportModel, format: SoaExportFormat): Promise<Buffer> {
  if (format === "xlsx") return renderSoaXlsx(model);
  if (format === "pdf") return renderSoaPdf(model);
  return Buffer.from(renderSoaCsv(model), "utf8");
}

/** Writes the SoA to `path` in the format its extension names; returns what was written. */
export async function exportStatementOfApplicability(db: Db, workspace: Workspace, path: string, options: SoaExportOptions = {}): Promise<{ out: string; format: SoaExportFormat; controls: number; version: number | null; draft: boolean }> {
  const format = soaExportFormatOf(path);
  const model = await soaExportModel(db, workspace, options);
  await writeFile(path, await renderSoa(model, format));
  return { out: path, format, controls: model.entries.length, version: model.version?.version ?? null, draft: !model.isPublishedVersion };
}
