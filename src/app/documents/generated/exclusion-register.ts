// Scope and Control Exclusion Register (4.3, 6.1.3), generated from the scope, the exclusions register
// and the Statement of Applicability: what the ISMS leaves out, and the controls it does not apply, with why.
import { eq } from "drizzle-orm";
import type { PdfBlock } from "../../../reports/pdf.js";
import { exclusions, scope } from "../../../store/schema/index.js";
import { compareIds } from "../../registers.js";
import { loadStatementOfApplicability } from "../../soa.js";
import { defineGeneratedDocument } from "./types.js";

interface ExclusionData {
  scope: { statement: string; boundaries: string } | null;
  exclusions: { id: string; subject: string; reason: string }[];
  /** Controls the SoA marks not applicable, Annex A and the workspace's own. */
  notApplicable: { controlId: string; title: string; justification: string }[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });

const isBlank = (text: string): boolean => text.trim() === "";

export const exclusionRegisterDocument = defineGeneratedDocument({
  id: "exclusion-register",
  title: "Scope and Control Exclusion Register",
  kind: "register",
  clauses: ["4.3", "6.1.3"],
  controls: [],

  async load(db, context): Promise<ExclusionData> {
    const workspaceId = context.workspace.id;
    const [scopeRows, exclusionRows, soa] = await Promise.all([
      db.select({ statement: scope.statement, boundaries: scope.boundaries }).from(scope).where(eq(scope.workspaceId, workspaceId)),
      db.select({ id: exclusions.id, subject: exclusions.subject, reason: exclusions.reason }).from(exclusions).where(eq(exclusions.workspaceId, workspaceId)),
      loadStatementOfApplicability(db, context.workspace, { asOf: context.at }),
    ]);
    return {
      scope: scopeRows[0] ?? null,
      exclusions: exclusionRows.sort((a, b) => compareIds(a.id, b.id)),
      notApplicable: soa
        .filter((e) => e.applicability === "not_applicable")
        .map((e) => ({ controlId: e.controlId, title: e.title, justification: e.justification }))
        .sort((a, b) => compareIds(a.controlId, b.controlId)),
    };
  },

  gaps(data) {
    return [
      ...data.exclusions.filter((e) => isBlank(e.reason)).map((e) => `Exclusion ${e.id} (${e.subject}) does not say why it is excluded (4.3).`),
      ...data.notApplicable
        .filter((c) => isBlank(c.justification))
        .map((c) => `Control ${c.controlId} (${c.title}) is marked not applicable with no justification (6.1.3 d).`),
    ];
  },

  render(data, context) {
    const scopeBlocks: PdfBlock[] = data.scope
      ? [paragraph(data.scope.statement), ...(isBlank(data.scope.boundaries) ? [] : [paragraph(`Boundaries: ${data.scope.boundaries}`)])]
      : [paragraph("The scope of the ISMS has not been stated yet.")];
    const controlLabel = (id: string): string => (/^\d+\.\d+$/.test(id) ? `A.${id}` : id);
    return {
      title: "Scope and Control Exclusion Register",
      meta: [
        ["Organization", context.workspace.companyName],
        ["Exclusions from the scope", String(data.exclusions.length)],
        ["Controls not applicable", String(data.notApplicable.length)],
        ["ISO/IEC 27001:2022", "4.3, 6.1.3"],
      ],
      sections: [
        { heading: "1. Scope of the ISMS", blocks: [paragraph("The exclusions below are read against this scope statement."), ...scopeBlocks] },
        {
          heading: "2. Exclusions from the scope",
          blocks: data.exclusions.length
            ? [
                paragraph("What lies outside the ISMS, and why it was left out."),
                table(["Exclusion", "Subject", "Reason"], data.exclusions.map((e) => [e.id, e.subject, isBlank(e.reason) ? "⚠ no reason recorded" : e.reason])),
              ]
            : [paragraph("Nothing is excluded from the scope.")],
        },
        {
          heading: "3. Controls not applicable",
          blocks: data.notApplicable.length
            ? [
                paragraph("The controls the Statement of Applicability marks not applicable, each with the justification recorded there."),
                table(
                  ["Control", "Title", "Justification"],
                  data.notApplicable.map((c) => [controlLabel(c.controlId), c.title, isBlank(c.justification) ? "⚠ no justification recorded" : c.justification]),
                ),
              ]
            : [paragraph("Every control is applicable or inherited: the Statement of Applicability excludes none.")],
        },
      ],
    };
  },
});
