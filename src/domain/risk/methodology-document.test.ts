import { describe, expect, it } from "vitest";
import type { DocumentBlock, DocumentModel } from "../documents/model.js";
import { documentToMarkdown } from "../documents/model.js";
import { renderMethodologyDocument } from "./methodology-document.js";
import { defaultMethodology, methodologyPresets } from "./presets.js";

const options = { version: 3, status: "approved", approvedBy: "Dana Reyes", approvedAt: new Date("2025-04-02T10:00:00Z"), companyName: "Acme Cloud" };

function sectionOf(doc: DocumentModel, heading: string) {
  const section = doc.sections.find((s) => s.heading.includes(heading));
  if (!section) throw new Error(`no section '${heading}' in ${doc.sections.map((s) => s.heading).join(", ")}`);
  return section;
}

const tablesOf = (blocks: DocumentBlock[]) => blocks.flatMap((b) => (b.kind === "table" ? [b] : []));
const textOf = (blocks: DocumentBlock[]) =>
  blocks.map((b) => (b.kind === "paragraph" ? b.text : b.kind === "list" ? b.items.join("\n") : "")).join("\n");

describe("the methodology document", () => {
  const doc = renderMethodologyDocument(defaultMethodology(), options);

  it("is titled, versioned and shows who approved it and when", () => {
    expect(doc.title).toBe("Risk Assessment Methodology");
    expect(doc.meta).toContainEqual(["Organization", "Acme Cloud"]);
    expect(doc.meta).toContainEqual(["Version", "3"]);
    expect(doc.meta).toContainEqual(["Approved by", "Dana Reyes"]);
    expect(doc.meta).toContainEqual(["Approved on", "2025-04-02"]);
  });

  it("says a draft is not yet approved", () => {
    const draft = renderMethodologyDocument(defaultMethodology(), { version: 4, status: "draft", companyName: "Acme Cloud" });
    expect(draft.meta).toContainEqual(["Approved by", "not yet approved"]);
  });

  it("covers every part an auditor looks for, in order", () => {
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "1. Purpose and scope",
      "2. Risk identification",
      "3. Likelihood scale",
      "4. Impact scale and criteria",
      "5. Risk score",
      "6. Risk levels and treatment decisions",
      "7. Risk acceptance criteria",
      "8. Risk owners and approval",
      "9. Review",
      "10. Records",
    ]);
    expect(textOf(sectionOf(doc, "Purpose").blocks)).toContain("6.1.2");
    expect(textOf(sectionOf(doc, "Records").blocks)).toContain("8.2");
  });

  it("tabulates the likelihood and impact scales level by level", () => {
    const [likelihood] = tablesOf(sectionOf(doc, "Likelihood").blocks);
    expect(likelihood?.header).toEqual(["Level", "Label", "Description"]);
    expect(likelihood?.rows.map((r) => r.slice(0, 2))).toEqual([
      ["1", "Rare"],
      ["2", "Unlikely"],
      ["3", "Possible"],
      ["4", "Likely"],
      ["5", "Almost certain"],
    ]);
    const [impact, criteria] = tablesOf(sectionOf(doc, "Impact").blocks);
    expect(impact?.rows.map((r) => r[1])).toEqual(["Insignificant", "Minor", "Moderate", "Major", "Catastrophic"]);
    expect(criteria?.rows.map((r) => r[0])).toEqual(["Financial", "Operational", "Reputational", "Legal and regulatory", "Health and safety"]);
    expect(textOf(sectionOf(doc, "Impact").blocks)).toContain("highest level given on any criterion");
  });

  it("states the product formula, or shows the matrix as a table", () => {
    expect(textOf(sectionOf(doc, "Risk score").blocks)).toContain("Risk score = likelihood × impact, giving scores from 1 to 25");
    const matrixDoc = renderMethodologyDocument(methodologyPresets["4x4-matrix"](), options);
    const [matrix] = tablesOf(sectionOf(matrixDoc, "Risk score").blocks);
    expect(matrix?.header).toEqual(["Likelihood / Impact", "1 Minor", "2 Moderate", "3 Major", "4 Severe"]);
    expect(matrix?.rows[3]).toEqual(["4 Almost certain", "4", "6", "8", "10"]);
  });

  it("lists the bands with their score ranges and decisions", () => {
    const [bands] = tablesOf(sectionOf(doc, "Risk levels").blocks);
    expect(bands?.rows.map((r) => r.slice(0, 3))).toEqual([
      ["Low", "1–4", "Tolerate"],
      ["Medium", "5–9", "Treat"],
      ["High", "10–16", "Treat"],
      ["Critical", "17–25", "Treat"],
    ]);
  });

  it("states the acceptance threshold, the owner's acceptance of residual risk and the review frequency", () => {
    const acceptance = textOf(sectionOf(doc, "acceptance").blocks);
    expect(acceptance).toContain("A risk scoring 4 or less is acceptable without treatment.");
    expect(acceptance).toContain("A residual risk scoring more than 4 is retained only when its risk owner accepts it explicitly");
    expect(textOf(sectionOf(doc, "Review").blocks)).toContain("at least every 12 months");
    expect(textOf(sectionOf(doc, "Review").blocks)).toContain("significant change");
  });

  it("renders a single impact scale without a criteria table", () => {
    const single = renderMethodologyDocument(methodologyPresets["3x3-product"](), options);
    expect(tablesOf(sectionOf(single, "Impact").blocks)).toHaveLength(1);
    expect(textOf(sectionOf(single, "Impact").blocks)).toContain("single scale");
  });
});

describe("rendering a document as Markdown", () => {
  it("renders the title, the sections and the tables with header and separator rows", () => {
    const markdown = documentToMarkdown(renderMethodologyDocument(defaultMethodology(), options));
    expect(markdown.startsWith("# Risk Assessment Methodology\n")).toBe(true);
    expect(markdown).toContain("## 3. Likelihood scale");
    expect(markdown).toContain("| Level | Label | Description |\n| --- | --- | --- |\n| 1 | Rare | ");
    expect(markdown).toContain("| Low | 1–4 | Tolerate |");
    expect(markdown).toContain("| **Version** | 3 |");
  });

  it("escapes pipes and line breaks inside cells and writes lists as bullets", () => {
    const markdown = documentToMarkdown({
      title: "T",
      meta: [],
      sections: [
        {
          heading: "S",
          blocks: [
            { kind: "table", header: ["a", "b"], rows: [["x | y", "line one\nline two"]] },
            { kind: "list", items: ["first", "second"] },
          ],
        },
      ],
    });
    expect(markdown).toBe("# T\n\n## S\n\n| a | b |\n| --- | --- |\n| x \\| y | line one<br>line two |\n\n- first\n- second\n");
  });
});
