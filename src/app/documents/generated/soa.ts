// The Statement of Applicability (6.1.3 d) as a generated document: the current decisions with the
// published version they differ from, rendered by the SoA's PDF writer.
import { soaDocument } from "../../../reports/soa-pdf.js";
import { soaExportModel } from "../../soa-export.js";
import { defineGeneratedDocument } from "./types.js";

export const statementOfApplicabilityDocument = defineGeneratedDocument({
  id: "statement-of-applicability",
  title: "Statement of Applicability",
  kind: "statement-of-applicability",
  clauses: ["6.1.3"],
  controls: [],
  async load(db, { workspace, at }) {
    const { generatedAt: _at, ...model } = await soaExportModel(db, workspace, { generatedAt: at, asOf: at });
    return model;
  },
  gaps(model) {
    const undecided = model.entries.filter((e) => e.applicability === null);
    return [
      ...(undecided.length > 0 ? [`${undecided.length} control${undecided.length === 1 ? " has" : "s have"} no applicability decision (isms soa set <control> --applicability …)`] : []),
      ...(model.version === null ? ["no version is approved and published (isms soa publish --by <person>)"] : []),
      ...(model.version !== null && model.changedSinceVersion > 0 ? [`${model.changedSinceVersion} control${model.changedSinceVersion === 1 ? "" : "s"} changed since the published v${model.version.version} (publish a new version)`] : []),
    ];
  },
  render: (model, { at }) => soaDocument({ ...model, generatedAt: at }),
});
