import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "./docx.js";
import type { PdfDocumentModel } from "./pdf.js";

const policy: PdfDocumentModel = {
  title: "Information Security Policy",
  subtitle: "Acme Cloud Ltd",
  meta: [
    ["Version", "3"],
    ["Status", "Approved"],
    ["Approved by", "Chief Executive Officer"],
  ],
  history: [
    { version: "2", date: "2025-02-01", author: "Dana Reyes", change: "Yearly review", approvedBy: "Chief Executive Officer" },
    { version: "3", date: "2026-02-03", author: "Dana Reyes", change: "Added supplier rules", approvedBy: "Chief Executive Officer" },
  ],
  sections: [
    {
      heading: "1. Principles",
      blocks: [
        { kind: "subheading", text: "1.1 Least privilege" },
        {
          kind: "paragraph",
          text: "Access is granted per role and logged with CloudTrail.",
          runs: [{ text: "Access is granted " }, { text: "per role", bold: true }, { text: " and logged with " }, { text: "CloudTrail", code: true }, { text: "." }],
        },
        { kind: "list", items: ["arn:aws:iam::*:role/*Admin*", "Break-glass role"] },
        { kind: "list", ordered: true, items: ["Request", "Approve", "Grant"] },
      ],
    },
    {
      heading: "2. Reviews",
      blocks: [
        { kind: "table", header: ["Role", "Reviewer", "Interval"], rows: [["Administrator", "CISO", "Quarterly"]] },
        {
          kind: "heatmap",
          title: "Residual risk",
          likelihoodLabels: ["Rare", "Likely"],
          impactLabels: ["Minor", "Major"],
          cells: [
            [{ count: 1, colour: "#8fd19e" }, { count: 0, colour: "#ffe08a" }],
            [{ count: 0, colour: "#ffe08a" }, { count: 7, colour: "#f28b82" }],
          ],
        },
      ],
    },
  ],
};

let text: string;
let html: string;
beforeAll(async () => {
  const buffer = await renderDocx(policy, { stamp: "version 3", createdAt: new Date("2026-02-03T10:00:00Z") });
  text = (await mammoth.extractRawText({ buffer })).value;
  html = (await mammoth.convertToHtml({ buffer })).value;
});

describe("rendering a document as DOCX", () => {
  it("puts the title, subtitle and the metadata with version and approver on the title page", () => {
    const lines = text.split("\n").filter((l) => l.trim() !== "");

    expect(lines.slice(0, 8)).toEqual(["Information Security Policy", "Acme Cloud Ltd", "Version", "3", "Status", "Approved", "Approved by", "Chief Executive Officer"]);
  });

  it("follows the metadata with the change history table, one row per version", () => {
    expect(html).toContain("<p><strong>Change history</strong></p>");
    expect(html).toContain(
      "<tr><td><p>3</p></td><td><p>2026-02-03</p></td><td><p>Dana Reyes</p></td><td><p>Added supplier rules</p></td><td><p>Chief Executive Officer</p></td></tr>",
    );
  });

  it("writes sections as Heading 1 and subheadings as Heading 2", () => {
    expect(html.match(/<h1>[^<]*<\/h1>/g)).toEqual(["<h1>1. Principles</h1>", "<h1>2. Reviews</h1>"]);
    expect(html).toContain("<h2>1.1 Least privilege</h2>");
  });

  it("keeps bold runs and writes plain text as it is, asterisks included", () => {
    expect(html).toContain("<p>Access is granted <strong>per role</strong> and logged with CloudTrail.</p>");
    expect(html).toContain("<li>arn:aws:iam::*:role/*Admin*</li>");
  });

  it("writes bullet and numbered lists as Word lists", () => {
    expect(html).toContain("<ul><li>arn:aws:iam::*:role/*Admin*</li><li>Break-glass role</li></ul>");
    expect(html).toContain("<ol><li>Request</li><li>Approve</li><li>Grant</li></ol>");
  });

  it("writes tables with a header row that repeats on each page", () => {
    expect(html).toContain("<thead><tr><th><p><strong>Role</strong></p></th><th><p><strong>Reviewer</strong></p></th><th><p><strong>Interval</strong></p></th></tr></thead>");
    expect(html).toContain("<tr><td><p>Administrator</p></td><td><p>CISO</p></td><td><p>Quarterly</p></td></tr>");
  });

  it("draws the heat map as a grid with the highest likelihood on top and each cell's count", () => {
    expect(html).toContain("<tr><td><p>2 Likely</p></td><td></td><td><p><strong>7</strong></p></td></tr><tr><td><p>1 Rare</p></td><td><p><strong>1</strong></p></td><td></td></tr>");
  });
});
