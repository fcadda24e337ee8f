// The SoA as a table of text, shared by the XLSX, CSV and PDF writers: the columns, their headings
// (which the SoA import reads back) and what goes on the cover.
import {
  applicabilityLabels,
  displayControlId,
  formatReasons,
  statusLabels,
  themeLabels,
  type SoaEntry,
} from "../domain/soa/index.js";

export interface SoaExportModel {
  companyName: string;
  scopeStatement: string | null;
  /** The published version these entries are, or the latest one before them when they are the current draft. */
  version: { version: number; approvedBy: string; approvedAt: Date; note: string | null } | null;
  /** True when the entries are exactly the published `version`. */
  isPublishedVersion: boolean;
  /** Controls changed since `version` (0 when the entries are that version). */
  changedSinceVersion: number;
  generatedAt: Date;
  entries: readonly SoaEntry[];
  /** A person's name for their id (the id itself when unknown). */
  personName: (id: string) => string;
}

export const soaColumns = [
  "Control ID",
  "Control Name",
  "Theme",
  "Applicability",
  "Reasons",
  "Justification",
  "Implementation Status",
  "Status Source",
  "Status Override Reason",
  "Owner",
  "Implementation Description",
  "Reference",
  "Treated Risks",
  "Evidence Records",
  "Fresh Evidence",
  "Latest Evidence",
] as const;

export type SoaColumn = (typeof soaColumns)[number];

const day = (date: Date) => date.toISOString().slice(0, 10);

export function soaRowCells(entry: SoaEntry, personName: (id: string) => string): Record<SoaColumn, string | number> {
  const latest = entry.evidence[0];
  return {
    "Control ID": displayControlId(entry.controlId),
    "Control Name": entry.title,
    Theme: themeLabels[entry.theme],
    Applicability: entry.applicability ? applicabilityLabels[entry.applicability] : "",
    Reasons: formatReasons(entry.reasons),
    Justification: entry.justification,
    "Implementation Status": entry.implementationStatus ? statusLabels[entry.implementationStatus] : "",
    "Status Source": entry.statusSource,
    "Status Override Reason": entry.statusOverrideReason ?? "",
    Owner: entry.owner ? personName(entry.owner) : "",
    "Implementation Description": entry.implementationDescription ?? "",
    Reference: entry.reference ?? "",
    "Treated Risks": entry.treatedRiskIds.join(", "),
    "Evidence Records": entry.evidence.length,
    "Fresh Evidence": entry.evidence.filter((e) => e.fresh).length,
    "Latest Evidence": latest ? day(latest.collectedAt) : "",
  };
}

/** Label and value lines for a cover: company, scope, version and approval, when generated. */
export function soaCoverLines(model: SoaExportModel): [label: string, value: string][] {
  const v = model.version;
  const versionText = !v
    ? "Draft: no version published yet"
    : model.isPublishedVersion
      ? `Version ${v.version}`
      : `Draft based on version ${v.version} (${model.changedSinceVersion} control${model.changedSinceVersion === 1 ? "" : "s"} changed since)`;
  return [
    ["Organization", model.companyName],
    ["Scope", model.scopeStatement ?? "No scope statement recorded"],
    ["Statement of Applicability", versionText],
    ["Approved by", v ? model.personName(v.approvedBy) : "Not yet approved"],
    ["Approved on", v ? day(v.approvedAt) : ""],
    ...(v?.note ? [["Version note", v.note] satisfies [string, string]] : []),
    ["Standard", "ISO/IEC 27001:2022 Annex A (93 controls) and the organization's own controls"],
    ["Generated", `${model.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC by OpenISMS`],
  ];
}
