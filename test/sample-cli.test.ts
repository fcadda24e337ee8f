// `isms evidence`, `isms sample` and `isms request` as a user runs them over the aws-saas template with an
// HR export and training completions: files attached and read back, a Stage 2 sample saved and written as
// CSV and XLSX, requests answered and accepted, and bad input refused with nothing written.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ismsInProcess } from "./helpers/cli-in-process.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/people/${name}`, import.meta.url));
let dir: string;
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);
const stage2 = ["sample", "--audit", "stage2", "--seed", "acme-2025", "--period", "2025-01-01..2025-06-30"];
const report = "%PDF-1.4 restore of orders-db from the 2025-05-19 backup: ok in 41 minutes\n";

const sampleJson = z.object({
  saved: z.boolean(),
  sample: z.object({ id: z.string(), seed: z.string() }),
  requests: z.array(z.object({ id: z.string(), topic: z.string(), item: z.string(), status: z.string(), evidenceIds: z.array(z.string()) })),
  answered: z.number(),
});
const evidenceJson = z.array(z.object({ id: z.string(), kind: z.string(), controlIds: z.array(z.string()), source: z.object({ kind: z.string(), uploader: z.string().optional() }) }));

async function sample(...extra: string[]) {
  const result = await isms("--json", ...stage2, ...extra);
  expect(result.status, result.stderr).toBe(0);
  return sampleJson.parse(JSON.parse(result.stdout));
}

async function evidenceCount(): Promise<number> {
  return evidenceJson.parse(JSON.parse((await isms("--json", "evidence", "list")).stdout)).length;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-sample-cli-"));
  await writeFile(join(dir, "restore-report.pdf"), report);
  for (const args of [
    ["init", "--name", "Acme ISMS", "--template", "aws-saas"],
    ["people", "import", fixture("hr-export.csv"), "--map", "Employee ID=id"],
    ["training", "import", fixture("training-completions.csv")],
  ]) {
    const result = await isms(...args);
    expect(result.status, result.stderr).toBe(0);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms evidence", () => {
  it("attaches a file for a control, lists it and writes back the same bytes", async () => {
    const added = await isms("evidence", "add", join(dir, "restore-report.pdf"), "--control", "A.8.13", "--kind", "backup-restore-test", "--period", "2025-05-20..2025-05-20", "--by", "Platform Engineering Lead");
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Recorded E-001: restore-report\.pdf for A\.8\.13 \(sha256 [0-9a-f]{64}\)\.$/m);
    const listed = evidenceJson.parse(JSON.parse((await isms("--json", "evidence", "list", "--control", "8.13")).stdout));
    expect(listed.map((e) => [e.id, e.kind, e.controlIds, e.source.kind, e.source.uploader])).toEqual([["E-001", "backup-restore-test", ["8.13"], "upload", "P-004"]]);
    const out = join(dir, "out", "copy.pdf");
    const shown = await isms("evidence", "show", "e-001", "--out", out);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("Source:    upload by P-004 (application/pdf)");
    expect(shown.stdout).toContain("Collected: ");
    expect(shown.stdout).toContain("covers 2025-05-20..2025-05-20");
    expect(await readFile(out, "utf8")).toBe(report);
  });

  it("refuses an unknown control, a missing file and an unknown person, and records nothing", async () => {
    const before = await evidenceCount();
    const control = await isms("evidence", "add", join(dir, "restore-report.pdf"), "--control", "A.8.99", "--by", "P-004");
    expect(control.status).toBe(1);
    expect(control.stderr).toContain('--control: "A.8.99" is neither an Annex A control nor one of this workspace\'s own controls');
    const missing = await isms("evidence", "add", join(dir, "nope.pdf"), "--control", "A.8.13", "--by", "P-004");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("nope.pdf: no such file. Give the path of the file to attach");
    const person = await isms("evidence", "add", join(dir, "restore-report.pdf"), "--control", "A.8.13", "--by", "Nobody");
    expect(person.status).toBe(1);
    expect(person.stderr).toContain('--by: no person "Nobody" in this workspace');
    const period = await isms("evidence", "add", join(dir, "restore-report.pdf"), "--control", "A.8.13", "--by", "P-004", "--period", "2025-06-31..2025-07-01");
    expect(period.status).toBe(2);
    expect(period.stderr).toContain('--period: "2025-06-31" in "2025-06-31..2025-07-01" is not a date');
    const unknown = await isms("evidence", "show", "E-999");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No evidence E-999 in this workspace");
    expect(await evidenceCount()).toBe(before);
  });
});

describe("isms sample", () => {
  it("shows a dry run without saving it", async () => {
    const result = await isms(...stage2, "--dry-run");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Sample S-001 for the stage2 audit, seed "acme-2025", period 2025-01-01..2025-06-30 (dry run: nothing saved');
    expect((await isms("request", "list")).stdout).toContain("No evidence requests yet.");
  });

  it("saves the sample, says what it drew and how many requests are answered, and writes the list as CSV", async () => {
    const csv = join(dir, "requests.csv");
    const result = await isms(...stage2, "--out", csv);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("\n  no IAM users to draw from (no collection run); asked for the population instead\n");
    expect(result.stdout).toContain("\n  2 of 2 joiners: the whole population (5 asked), from the people register's start dates\n");
    expect(result.stdout).toMatch(/REQ-005\s+backup-restore-tests\s+Backup restore test recorded as E-001 \(restore-report\.pdf\) on 2025-05-20\s+provided\s+E-001/);
    expect(result.stdout).toMatch(/REQ-006\s+joiners\s+Lena Vogel \(P-007\), joined 2025-03-03\s+provided\s+P-007, TR-\d+/);
    expect(result.stdout).toMatch(/REQ-007\s+joiners\s+Omar Haddad \(P-008\), joined 2025-04-14\s+open\s+P-008/);
    expect(result.stdout).toMatch(/REQ-008\s+leavers\s+Noah Patel \(P-003\), left 2025-05-31\s+open\s+P-003/);
    expect(result.stdout).toContain("2 of 8 requests already answered by evidence.");
    const rows: string[][] = parse(await readFile(csv, "utf8"));
    expect(rows[0]).toEqual(["Request", "Sample", "Topic", "Item", "Question", "Controls", "Status", "Evidence", "Records", "Note", "Requested on", "Provided on", "Provided by", "Sampled"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[6]])).toEqual([
      ["REQ-001", "S-001", "open"],
      ["REQ-002", "S-001", "open"],
      ["REQ-003", "S-001", "open"],
      ["REQ-004", "S-001", "open"],
      ["REQ-005", "S-001", "provided"],
      ["REQ-006", "S-001", "provided"],
      ["REQ-007", "S-001", "open"],
      ["REQ-008", "S-001", "open"],
    ]);
    expect(rows[2]?.[13]).toBe("3 of 181 CloudTrail delivery days, from the period's days, 2025-01-01 to 2025-06-30");
  });

  it("draws the same items from the same seed, numbered after the first sample, and writes them as XLSX", async () => {
    const first = await sample("--dry-run");
    const xlsx = join(dir, "requests.xlsx");
    const again = await sample("--out", xlsx, "--by", "Jane Auditor");
    expect(again.sample.id).toBe("S-002");
    expect(again.requests.map((r) => r.item)).toEqual(first.requests.map((r) => r.item));
    expect(again.requests[0]?.id).toBe("REQ-009");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Requests", "Sample"]);
    expect(workbook.getWorksheet("Requests")?.rowCount).toBe(again.requests.length + 1);
    expect(workbook.getWorksheet("Sample")?.getCell("B4").text).toBe("acme-2025");
  });

  it("refuses a missing seed or audit, a bad period, size or output file, and saves nothing", async () => {
    const cases: [string[], string][] = [
      [["sample", "--audit", "stage2"], "--seed: give the seed the auditor chose"],
      [["sample", "--seed", "x"], "--audit: say which audit the sample is for: stage1, stage2, surveillance"],
      [["sample", "--audit", "stage3", "--seed", "x"], '--audit: "stage3" is not an audit; use stage1, stage2, surveillance'],
      [[...stage2.slice(0, 5), "--period", "2025-06-30..2025-01-01"], '--period: "2025-06-30..2025-01-01" ends before it starts'],
      [[...stage2, "--size", "users=ten"], "--size: users=ten: the size is a whole number from 0 to 500"],
      [[...stage2, "--size", "admins=3"], '--size: "admins" is not a kind of sample item; use users, days, restores, joiners, leavers'],
      [[...stage2, "--out", join(dir, "requests.pdf")], "--out: give a .csv or .xlsx file"],
    ];
    for (const [args, message] of cases) {
      const result = await isms(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const future = await isms(...stage2.slice(0, 5), "--period", "2099-01-01..2099-12-31");
    expect(future.status).toBe(1);
    expect(future.stderr).toContain("--period: 2099-01-01..2099-12-31 starts after today");
    const listed = await isms("--json", "request", "list");
    expect(z.array(z.object({ sampleId: z.string() })).parse(JSON.parse(listed.stdout)).map((r) => r.sampleId)).not.toContain("S-003");
  });
});

describe("isms request", () => {
  it("lists a sample's open requests and shows one with what it asks and why", async () => {
    const open = await isms("request", "list", "--sample", "S-001", "--open");
    expect(open.status, open.stderr).toBe(0);
    expect(open.stdout).not.toContain("REQ-005");
    expect(open.stdout).toContain("0 of 6 answered.");
    const shown = await isms("request", "show", "REQ-007");
    expect(shown.stdout).toContain("REQ-007  open  (sample S-001)");
    expect(shown.stdout).toContain("Question:  Show this joiner's information security awareness training");
    expect(shown.stdout).toContain("Note:      No awareness training is recorded for Omar Haddad: record it with isms training record --person P-008");
  });

  it("answers a request with a file, then the auditor accepts it", async () => {
    const certificate = join(dir, "omar-awareness.pdf");
    await writeFile(certificate, "%PDF-1.4 awareness certificate\n");
    const provided = await isms("request", "provide", "REQ-007", "--file", certificate, "--by", "omar.haddad@example.com", "--note", "done on day 6");
    expect(provided.status, provided.stderr).toBe(0);
    expect(provided.stdout).toMatch(/^Attached .*omar-awareness\.pdf as E-002 \(sha256 [0-9a-f]{64}\)\.$/m);
    expect(provided.stdout).toContain("REQ-007 is provided: E-002; P-008.");
    const shown = await isms("request", "show", "REQ-007");
    expect(shown.stdout).toMatch(/E-002\s+upload\s+\d{4}-\d{2}-\d{2}\s+REQ-007 Omar Haddad \(P-008\), joined 2025-04-14 \(omar-awareness\.pdf\)/);
    expect(shown.stdout).toContain("; provided ");
    const accepted = await isms("request", "accept", "REQ-007");
    expect(accepted.stdout).toContain("REQ-007 is accepted.");
    expect((await isms("request", "list", "--sample", "S-001")).stdout).toMatch(/REQ-007\s+joiners\s+.*accepted\s+E-002; P-008/);
  });

  it("answers a request with recorded evidence, and refuses an unknown request or evidence id", async () => {
    const ticket = join(dir, "offboarding-noah.eml");
    await writeFile(ticket, "Subject: Offboarding Noah Patel\n\nIdP, AWS and GitHub access removed 2025-05-31; laptop returned.\n");
    const added = await isms("evidence", "add", ticket, "--control", "A.5.18,A.5.11", "--by", "P-002");
    expect(added.stdout).toContain("Recorded E-003: offboarding-noah.eml for A.5.18, A.5.11");
    const provided = await isms("request", "provide", "REQ-008", "--evidence", "e-003", "--by", "P-002");
    expect(provided.status, provided.stderr).toBe(0);
    expect(provided.stdout).toContain("REQ-008 is provided: E-003; P-003.");
    const unknownRequest = await isms("request", "provide", "REQ-999", "--evidence", "E-001", "--by", "P-002");
    expect(unknownRequest.status).toBe(1);
    expect(unknownRequest.stderr).toContain("No evidence request REQ-999 in this workspace. See the requests with: isms request list");
    const unknownEvidence = await isms("request", "provide", "REQ-004", "--evidence", "E-404", "--by", "P-002");
    expect(unknownEvidence.status).toBe(1);
    expect(unknownEvidence.stderr).toContain("--evidence: no evidence E-404 in this workspace");
    const nothing = await isms("request", "provide", "REQ-004", "--by", "P-002");
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain("Give --evidence E-012[,E-013] or --file PATH");
    const unknownSample = await isms("request", "list", "--sample", "S-009");
    expect(unknownSample.status).toBe(1);
    expect(unknownSample.stderr).toContain("No sample S-009 in this workspace");
    expect((await isms("request", "show", "REQ-004")).stdout).toContain("REQ-004  open");
  });
});
