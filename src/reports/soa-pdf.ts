// The SoA as a print-ready PDF: cover facts (organization, scope, version, approval), the summary
// counts, then one table per theme with each control's decision, justification, status and owner.
import type { DocumentBlock } from "../domain/documents/model.js";
import {
  applicabilityLabels,
  countByApplicability,
  countByStatus,
  displayControlId,
  formatReasons,
  soaThemes,
  statusLabels,
  themeLabels,
  type SoaCountTable,
  type SoaEntry,
} from "../domain/soa/index.js";
import { renderPdf, type PdfDocumentModel } from "./pdf.js";
import { soaCoverLines, type SoaExportModel } from "./soa-rows.js";

const countBlock = (table: SoaCountTable): DocumentBlock => ({
  kind: "table",
  header: table.header,
  rows: table.rows.map((r) => [r.label, ...r.counts.map(String)]),
});

function controlRow(entry: SoaEntry, personName: (id: string) => string): string[] {
  const reasons = formatReasons(entry.reasons);
  const fresh = entry.evidence.filter((e) => e.fresh).length;
  const status = entry.implementationStatus ? statusLabels[entry.implementationStatus] : entry.applicability === "not_applicable" ? "" : "Not assessed";
  return [
    `${displayControlId(entry.controlId)} ${entry.title}`,
    [
      entry.applicability ? applicabilityLabels[entry.applicability] : "Undecided",
      status,
      entry.statusSource === "override" ? `Override: ${entry.statusOverrideReason ?? ""}` : entry.statusSource === "derived" ? "(from evidence)" : "",
    ]
      .filter(Boolean)
      .join("\n"),
    [reasons && `Reasons: ${reasons}.`, entry.justification].filter(Boolean).join(" "),
    [
      entry.owner && `Owner: ${personName(entry.owner)}`,
      entry.implementationDescription,
      entry.reference && `Reference: ${entry.reference}`,
      entry.evidence.length ? `Evidence: ${fresh} of ${entry.evidence.length} records fresh` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  ];
}

/** The SoA as a document model for the PDF writer. */
export function soaDocument(model: SoaExportModel): PdfDocumentModel {
  const themes = soaThemes.filter((t) => model.entries.some((e) => e.theme === t));
  return {
    title: "Statement of Applicability",
    meta: soaCoverLines(model),
    sections: [
      {
        heading: "1. Purpose",
        blocks: [
          {
            kind: "paragraph",
            text:
              `This Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d) lists every control of Annex A and every control of ${model.companyName}'s own, ` +
              "whether it applies within the scope of the information security management system, why it is included or excluded, and how far it is implemented. " +
              "Controls marked inherited are operated by Amazon Web Services in its data centres and relied on through AWS's ISO/IEC 27001 certificate and SOC 2 Type II report.",
          },
        ],
      },
      {
        heading: "2. Summary",
        blocks: [countBlock(countByApplicability(model.entries)), countBlock(countByStatus(model.entries))],
      },
      ...themes.map((theme, i) => ({
        heading: `${i + 3}. ${themeLabels[theme]} controls`,
        blocks: [
          {
            kind: "table" as const,
            header: ["Control", "Applicability and status", "Reasons and justification", "Owner, implementation and reference"],
            rows: model.entries.filter((e) => e.theme === theme).map((e) => controlRow(e, model.personName)),
          },
        ],
      })),
    ],
  };
}

/** The PDF's bytes; every page's footer says which version it is and when it was generated. */
export function renderSoaPdf(model: SoaExportModel): Promise<Buffer> {
  const v = model.version;
  const version = !v ? "draft, not yet published" : model.isPublishedVersion ? `version ${v.version}, approved ${v.approvedAt.toISOString().slice(0, 10)}` : `draft after version ${v.version}`;
  const stamp = `${model.companyName} · ${version} · generated ${model.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return renderPdf(soaDocument(model), { stamp, createdAt: model.generatedAt });
}
