import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf, type PdfDocumentModel } from "./pdf.js";

/** Whether poppler's tools are here; CI installs them (poppler-utils), a laptop may not have them. */
function popplerInstalled(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}
const poppler = popplerInstalled();
const noPoppler = "pdftoppm is not installed: apt-get install poppler-utils to check the rendered PDF";

const policy: PdfDocumentModel = {
  title: "Information Security Policy",
  subtitle: "Acme Cloud Ltd",
  meta: [
    ["Version", "3"],
    ["Approved by", "Chief Executive Officer"],
  ],
  history: [
    { version: "2", date: "2025-02-01", author: "Dana Reyes", change: "Yearly review", approvedBy: "Chief Executive Officer" },
    { version: "3", date: "2026-02-03", author: "Dana Reyes", change: "Added supplier rules", approvedBy: "Chief Executive Officer" },
  ],
  sections: [
    { heading: "", blocks: [{ kind: "paragraph", text: "A lead paragraph without a heading." }] },
    {
      heading: "1. Principles",
      blocks: [
        { kind: "subheading", text: "1.1 Least privilege" },
        {
          kind: "paragraph",
          text: "Access is granted per role, reviewed quarterly, and logged with CloudTrail.",
          runs: [
            { text: "Access is granted " },
            { text: "per role", bold: true },
            { text: ", reviewed " },
            { text: "quarterly", italic: true },
            { text: ", and logged with " },
            { text: "CloudTrail", code: true },
            { text: "." },
          ],
        },
        { kind: "list", ordered: true, items: ["Request", "Approve", "Grant"] },
        { kind: "list", items: ["arn:aws:iam::*:role/*Admin*"] },
        { kind: "table", header: ["Role", "Reviewer"], rows: [["Administrator", "CISO"]] },
        {
          kind: "heatmap",
          title: "Residual risk",
          likelihoodLabels: ["Rare", "Likely"],
          impactLabels: ["Minor", "Major"],
          cells: [
            [{ count: 1, colour: "#8fd19e" }, { count: 0, colour: "#ffe08a" }],
            [{ count: 0, colour: "#ffe08a" }, { count: 2, colour: "#f28b82" }],
          ],
        },
      ],
    },
  ],
};

let scratch: string;
let pdfFile: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-pdf-"));
  pdfFile = join(scratch, "policy.pdf");
  await writeFile(pdfFile, await renderPdf(policy, { stamp: "version 3", createdAt: new Date("2026-02-03T00:00:00Z") }));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("rendering a document as PDF", () => {
  it("draws every page of a document with subheadings, runs, ordered lists, history and a heat map", async (context) => {
    context.skip(!poppler, noPoppler);
    execFileSync("pdftoppm", ["-r", "40", "-png", pdfFile, join(scratch, "page")], { stdio: "pipe" });
    const pages = (await readdir(scratch)).filter((f) => f.startsWith("page-") && f.endsWith(".png"));

    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) expect((await stat(join(scratch, page))).size).toBeGreaterThan(1000);
  });

  it("prints the subtitle, the change history rows, the subheading and the list numbers", (context) => {
    context.skip(!poppler, noPoppler);
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });

    expect(text).toContain("Acme Cloud Ltd");
    expect(text).toContain("Change history");
    expect(text).toMatch(/3\s+2026-02-03\s+Dana Reyes\s+Added supplier rules\s+Chief Executive Officer/);
    expect(text).toContain("1.1 Least privilege");
    expect(text).toContain("Access is granted per role, reviewed quarterly, and logged with CloudTrail.");
    expect(text).toMatch(/1\.\s+Request\s+2\.\s+Approve\s+3\.\s+Grant/);
    expect(text).toContain("arn:aws:iam::*:role/*Admin*");
  });

  it("prints no heading line for a section whose heading is empty", (context) => {
    context.skip(!poppler, noPoppler);
    const lines = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" }).split("\n").map((l) => l.trim()).filter(Boolean);
    const lead = lines.indexOf("A lead paragraph without a heading.");

    expect(lead).toBeGreaterThan(0);
    expect(lines[lead + 1]).toBe("1. Principles");
  });
});
