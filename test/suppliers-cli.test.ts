// `isms suppliers …` as a user runs it: the template's AWS with its certifications, the sample register
// imported, a review and a renewed certificate recorded, what falls due, and bad input refused.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ismsInProcess } from "./helpers/cli-in-process.js";

const sampleRegister = fileURLToPath(new URL("./fixtures/cenedril/supplier-register.csv", import.meta.url));
let dir: string;
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-suppliers-"));
  const init = await isms("init", "--name", "Acme ISMS", "--company", "Acme Cloud Ltd", "--template", "aws-saas");
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms suppliers", () => {
  it("lists the template's suppliers and shows AWS with its certifications on file", async () => {
    const list = await isms("suppliers", "list");
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/SUP-001\s+Amazon Web Services\s+critical/);

    const show = await isms("suppliers", "show", "Amazon Web Services");
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain("ISO/IEC 27001, valid until 2028-11-30 (AWS Artifact, ISO/IEC 27001 certificate)");
    expect(show.stdout).toContain("SOC 2 Type II, valid until 2027-05-31");
    expect(show.stdout).toMatch(/last review result\s+no review recorded/);
  });

  it("imports the sample register, matching AWS by name, and says what it did", async () => {
    const result = await isms("suppliers", "import", sampleRegister);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Imported 12 suppliers from");
    expect(result.stdout).toContain("11 added, 1 updated, 0 unchanged; 12 reviews recorded.");
    expect(result.stdout).toContain("Columns not kept: Category, Status.");
    expect(result.stdout).toContain("row 3: SUP-002 is another supplier's id here, so Microsoft was added as SUP-013");
    const show = await isms("suppliers", "show", "SUP-004");
    expect(show.stdout).toMatch(/last review result\s+Satisfactory - one minor finding \(2026-02-10, recorded by cli\)/);
  });

  it("records a review and a renewed certificate, and lists what falls due with the overdue marked", async () => {
    const review = await isms("suppliers", "review", "SUP-001", "--result", "Satisfactory; SOC 2 report read", "--on", "2026-06-01");
    expect(review.status, review.stderr).toBe(0);
    expect(review.stdout).toContain("Recorded the review of SUP-001 on 2026-06-01; the next is due on 2027-06-01.");
    const renewed = await isms("suppliers", "certs", "add", "SUP-001", "--name", "SOC 2 type 2", "--valid-until", "2027-12-31", "--report", "AWS Artifact");
    expect(renewed.status, renewed.stderr).toBe(0);
    expect(renewed.stdout).toContain("Renewed for SUP-001: SOC 2 Type II, valid until 2027-12-31 (AWS Artifact).");

    const due = await isms("suppliers", "due", "--as-of", "2026-12-20", "--within", "30");
    expect(due.status, due.stderr).toBe(0);
    expect(due.stdout).toMatch(/2026-12-01\s+overdue\s+SUP-014\s+Personio\s+security review overdue/);
    expect(due.stdout).toMatch(/2026-12-31\s+SUP-001\s+Amazon Web Services\s+contract ends/);
  });

  it("refuses bad input with one clear error and a non-zero exit", async () => {
    const criticality = await isms("suppliers", "add", "--name", "Stripe", "--service", "Payments", "--criticality", "severe");
    expect(criticality.status).toBe(2);
    expect(criticality.stderr).toContain('--criticality: "severe" is not one of critical, high, medium, low');
    const rolling = await isms("suppliers", "edit", "SUP-001", "--contract-end", "rolling");
    expect(rolling.status).toBe(2);
    expect(rolling.stderr).toContain('--contract-end: "rolling" is not a date');
    const unknown = await isms("suppliers", "review", "SUP-999", "--result", "Satisfactory");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No supplier "SUP-999" in this workspace');
    const within = await isms("suppliers", "due", "--within", "soon");
    expect(within.status).toBe(2);
    expect(within.stderr).toContain('--within: "soon" is not a whole number of days');

    const lines = (await readFile(sampleRegister, "utf8")).trim().split("\n");
    const bad = join(dir, "bad.csv");
    await writeFile(bad, [lines[0], lines[1], lines[2]?.replace(",Critical,", ",Severe,")].join("\n"));
    const rejected = await isms("suppliers", "import", bad);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toContain("1 problem, nothing was imported");
    expect(rejected.stderr).toContain('row 3, column "Criticality": "Severe" is not a criticality');
  });
});
