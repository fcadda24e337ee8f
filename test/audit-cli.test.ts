// `isms audit|finding|action` as a user runs them (in-process): an owner refused as auditor and kept with
// a recorded reason, an audit from checklist to completion, a nonconformity to its effective action,
// the programme's proposal, and the bad paths with their exit codes and messages.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ismsInProcess } from "./helpers/cli-in-process.js";

let dir: string;
const year = new Date().getUTCFullYear();
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);
const ok = async (...args: string[]) => {
  const result = await isms(...args);
  expect(result.status, `isms ${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result.stdout;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-audit-"));
  await ok("init", "--name", "Acme ISMS", "--company", "Acme Cloud Ltd", "--template", "aws-saas");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms audit, finding and action", () => {
  it("refuses the ISMS owner as auditor, naming the conflicts, and keeps them with --override-independence", async () => {
    const add = ["audit", "add", "--title", "Audit of access", "--auditor", "Head of Security", "--start", `${year}-09-07`, "--end", `${year}-09-08`, "--clauses", "4,5,6,7,8,9,10", "--controls", "A.5.15"];
    const refused = await isms(...add);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Head of Security (P-002) is not independent of AUD-001: holds the isms-owner role and the audit covers clauses 4, 5, 6, 7, 8, 9, 10;");
    expect(refused.stderr).toContain("--override-independence");
    const kept = await ok(...add, "--override-independence", "No other auditor before Stage 1");
    expect(kept).toContain('Independence conflicts of AUD-001 kept, recorded with the reason "No other auditor before Stage 1": holds the isms-owner role');
  });

  it("runs an audit by the internal auditor from checklist to completion", async () => {
    await ok("audit", "add", "--title", "Internal audit", "--criteria", "ISO/IEC 27001:2022", "--auditor", "P-006", "--start", `${year}-10-05`, "--end", `${year}-10-06`, "--clauses", "9.2", "--controls", "8.5");
    expect(await ok("audit", "checklist", "AUD-002", "--generate")).toMatch(/Added 2 lines\.\nrequirement\s+result.*\n9\.2 Internal audit\s+not checked/);
    await ok("audit", "start", "AUD-002");
    const check = await ok("audit", "check", "AUD-002", "9.2", "--sampled", "Audit reports", "--observed", "No approved programme", "--result", "nonconforming");
    expect(check).toContain("isms finding add --audit AUD-002 --kind minor_nonconformity --requirement 9.2");
    await ok("audit", "check", "AUD-002", "8.5", "--sampled", "IAM report", "--observed", "MFA on every user", "--result", "conforming", "--evidence", "E-001");
    expect(await ok("audit", "complete", "AUD-002", "--report", "reports/ia.pdf")).toMatch(/AUD-002 completed on \d{4}-\d{2}-\d{2}, report reports\/ia\.pdf/);
  });

  it("takes a nonconformity to a corrective action that is closed with evidence and found effective", async () => {
    expect(await ok("finding", "add", "--audit", "AUD-002", "--kind", "minor_nonconformity", "--requirement", "9.2", "--description", "Programme not approved")).toContain("Recorded F-001: minor nonconformity on 9.2.");
    await ok("action", "add", "--finding", "F-001", "--correction", "CEO approved it", "--root-cause", "No owner", "--action", "Yearly approval", "--owner", "P-002", "--due", `${year}-12-31`);
    const noEvidence = await isms("action", "close", "CA-001");
    expect(noEvidence.status).toBe(2);
    expect(noEvidence.stderr).toContain("--evidence is required to close CA-001");
    await ok("action", "close", "CA-001", "--evidence", "DOC-PROG-v2");
    expect(await ok("action", "review", "CA-001", "--effective", "yes", "--by", "P-001", "--note", "Approved again in January")).toContain("CA-001 worked");
    expect(await ok("action", "list")).toMatch(/CA-001\s+F-001\s+P-002\s+\d{4}-12-31\s+closed\s+\d{4}-\d{2}-\d{2}\s+effective/);
  });

  it("refuses a bad kind, an ambiguous requirement and a finding on a planned audit with their exit codes", async () => {
    const kind = await isms("finding", "add", "--audit", "AUD-002", "--kind", "major", "--requirement", "9.2", "--description", "x");
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('--kind: "major" is not one of major_nonconformity, minor_nonconformity, observation, opportunity');
    const ambiguous = await isms("finding", "add", "--audit", "AUD-002", "--kind", "observation", "--requirement", "7.2", "--description", "x");
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('requirement: "7.2" is both clause 7.2 and control A.7.2');
    const planned = await isms("finding", "add", "--audit", "AUD-001", "--kind", "observation", "--requirement", "A.5.15", "--description", "x");
    expect(planned.status).toBe(1);
    expect(planned.stderr).toContain("AUD-001 is planned; findings come from an audit under way or completed. Start it first: isms audit start AUD-001");
    const clause = await isms("audit", "add", "--title", "x", "--auditor", "P-006", "--clauses", "11");
    expect(clause.status).toBe(2);
    expect(clause.stderr).toContain('--clauses: "11" is not a clause of ISO/IEC 27001');
  });

  it("shows which audit covers each clause and control, and proposes the audits that close the gaps", async () => {
    const text = await ok("audit", "programme", "--propose");
    expect(text).toContain(`Internal audit programme ${year} (certification cycle ${year}–${year + 2})`);
    expect(text).toMatch(/\n9\s+Performance evaluation\s+AUD-001 \(planned \d{4}-09-07\), AUD-002 \(completed \d{4}-\d{2}-\d{2}\)/);
    expect(text).toMatch(/\n5\.15\s+Access control\s+AUD-001 \(planned \d{4}-09-07\)/);
    expect(text).toMatch(/\n5\.16\s+Identity management\s+NOT COVERED/);
    expect(text).toContain("Proposed audits that close the gaps:");
    expect(text).toContain("Write them as planned audits with --create.");
  });
});
