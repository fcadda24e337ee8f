// `isms docs …` as a user runs it: a workspace from the aws-saas template has every mandatory
// document, a policy goes through review to publication, and its exports open: the DOCX in a Word
// reader with its version and approver, the PDF drawn to PNG pages.
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ismsInProcess } from "./helpers/cli-in-process.js";

let dir: string;
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);
const json = async (...args: string[]): Promise<unknown> => {
  const result = await isms("--json", ...args);
  if (result.status !== 0) throw new Error(`isms ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
};

const checklistJson = z.object({
  required: z.array(z.object({ id: z.string(), state: z.string(), documents: z.array(z.object({ id: z.string() })) })),
  other: z.array(z.object({ id: z.string(), state: z.string() })),
  counts: z.record(z.string(), z.number()),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-docs-"));
  const init = await isms("init", "--name", "Acme ISMS", "--company", "Acme Cloud Ltd", "--template", "aws-saas");
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms docs", () => {
  it("shows every mandatory document present as a draft or generated after init --template aws-saas", async () => {
    const status = await isms("docs", "status");
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/Mandatory documents \(16\): 3 draft, 13 generated/);
    expect(status.stdout).not.toMatch(/\bmissing\b\s+—/);
    const checklist = checklistJson.parse(await json("docs", "status"));
    expect(checklist.counts.missing).toBe(0);
    expect(checklist.required.map((e) => e.state).every((s) => s === "draft" || s === "generated")).toBe(true);
    expect(checklist.required.filter((e) => e.state === "draft").map((e) => e.documents[0]?.id)).toEqual(["ISMS-SCOPE", "POL-ISP", "OBJ-PLAN"]);
    expect(checklist.other).toHaveLength(12);
  });

  it("takes the policy through review: the author may not approve it, top management does, publishing puts it in force", async () => {
    expect((await isms("docs", "submit", "POL-ISP")).status).toBe(0);
    const byAuthor = await isms("docs", "approve", "POL-ISP", "--by", "P-002");
    expect(byAuthor.status).toBe(1);
    expect(byAuthor.stderr).toContain("P-002 wrote POL-ISP v1 and cannot approve it");
    const approved = await isms("docs", "approve", "POL-ISP", "--by", "Chief Executive Officer");
    expect(approved.status, approved.stderr).toBe(0);
    expect(approved.stdout).toContain("POL-ISP v1 approved by Chief Executive Officer");
    const published = await isms("docs", "publish", "POL-ISP");
    expect(published.stdout).toMatch(/POL-ISP v1 is in force from \d{4}-\d{2}-\d{2}; next review \d{4}-\d{2}-\d{2}/);
    const ack = await isms("docs", "ack", "POL-ISP", "--person", "P-003,P-004");
    expect(ack.stdout).toContain("2 acknowledged, 4 in scope still to acknowledge.");
    const list = await isms("docs", "list");
    expect(list.stdout).toMatch(/POL-ISP\s+Information Security Policy\s+information-security-policy\s+v1 published\s+v1/);
  });

  it("exports the policy as a DOCX whose text carries the version and the approver", async () => {
    const out = join(dir, "policy.docx");
    const result = await isms("docs", "export", "POL-ISP", "--out", out);
    expect(result.status, result.stderr).toBe(0);
    const buffer = await readFile(out);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain("Information Security Policy");
    expect(text).toMatch(/Version\s+1/);
    expect(text).toMatch(/Approved by\s+Chief Executive Officer/);
    expect(text).toContain("Change history");
    expect(text).toContain("Acme Cloud Ltd");
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html).toMatch(/<h1>[^<]*Purpose/i);
  });

  it("exports a generated document as a PDF that draws to PNG pages", async () => {
    const out = join(dir, "treatment.pdf");
    const result = await isms("docs", "export", "risk-treatment-plan", "--out", out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Wrote Risk Treatment Plan to .* \(data [0-9a-f]{12} as of/);
    const pages = join(dir, "pages");
    try {
      execFileSync("pdftoppm", ["-r", "30", "-png", out, join(dir, "page")], { stdio: "pipe" });
    } catch (error) {
      throw new Error(`pdftoppm could not draw the PDF (install poppler-utils if it is missing): ${String(error)}`);
    }
    const drawn = (await readdir(dir)).filter((f) => f.startsWith("page") && f.endsWith(".png"));
    expect(drawn.length).toBeGreaterThan(0);
    for (const page of drawn) expect((await stat(join(dir, page))).size).toBeGreaterThan(1000);
    expect(pages).toBeTruthy();
  });

  it("refuses bad input with one clear error and a non-zero exit", async () => {
    const noText = await isms("docs", "new", "--title", "Clear Desk");
    expect(noText.status).toBe(2);
    expect(noText.stderr).toContain("give the text with --file <file.md> or start from --template <name>");
    const missingFile = await isms("docs", "new", "--title", "Clear Desk", "--file", join(dir, "nope.md"));
    expect(missingFile.status).toBe(1);
    expect(missingFile.stderr).toContain("nope.md: cannot read it (no such file)");
    const badControl = await isms("docs", "edit", "POL-ACCESS", "--controls", "5.99");
    expect(badControl.status).toBe(2);
    expect(badControl.stderr).toContain('--controls: "5.99" is not an Annex A control');
    const badFormat = await isms("docs", "export", "POL-ISP", "--out", join(dir, "policy.txt"));
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toContain("Give a file ending in .md, .docx or .pdf");
    const unknown = await isms("docs", "show", "POL-NOPE");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No document "POL-NOPE"');
  });
});
