// `isms people` and `isms training` as a user runs them: an HR export imported over the aws-saas
// template, a leaver's ownerships, completions imported and recorded, the overdue list, and bad input.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ismsInProcess } from "./helpers/cli-in-process.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/people/${name}`, import.meta.url));
let dir: string;
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-people-cli-"));
  const init = await isms("init", "--name", "Acme ISMS", "--template", "aws-saas");
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms people", () => {
  it("imports an HR export, saying who was added and updated and which columns it ignored", async () => {
    const result = await isms("people", "import", fixture("hr-export.csv"), "--map", "Employee ID=id");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("3 added, 2 updated, 0 unchanged");
    expect(result.stdout).toContain("P-003 Noah Patel (name, email, role, startDate, endDate)");
    expect(result.stdout).toContain("Ignored columns: Department.");
  });

  it("refuses a file with a bad row, naming the row and column, and writes nothing", async () => {
    const file = join(dir, "bad.csv");
    await writeFile(file, "Name,Email\nAda Lovelace,ada@example.com\nBob Stone,bob-at-example\n");
    const result = await isms("people", "import", file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('row 3, column "Email": "bob-at-example" is not an email address');
    expect((await isms("people", "list")).stdout).not.toContain("Ada Lovelace");
  });

  it("lists a leaver with the risks they still own", async () => {
    const result = await isms("people", "leavers", "--since", "2025-05-01", "--until", "2025-06-30");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("P-003 Noah Patel (leaving date 2025-05-31) still owns");
    expect(result.stdout).toMatch(/risks\s+R-006\s+Standing administrator access that outlives its purpose\s+owner/);
  });

  it("needs --since as a date", async () => {
    const missing = await isms("people", "joiners");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--since");
    const bad = await isms("people", "joiners", "--since", "2025-02-30");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--since: "2025-02-30" is not a date');
  });
});

describe("isms training", () => {
  it("imports completions, then lists joiners with their awareness training", async () => {
    const imported = await isms("training", "import", fixture("training-completions.csv"));
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("Imported 4 training records");
    const joiners = await isms("people", "joiners", "--since", "2025-01-01", "--until", "2025-06-30");
    expect(joiners.stdout).toMatch(/P-007\s+Lena Vogel\s+2025-03-03\s+Platform Engineer\s+TC-001 on 2025-03-05, until 2026-03-05/);
    expect(joiners.stdout).toMatch(/P-008\s+Omar Haddad\s+2025-04-14\s+Customer Success Manager\s+none recorded/);
  });

  it("records a completion with its expiry from the course's validity", async () => {
    const result = await isms("training", "record", "--person", "Omar Haddad", "--course", "TC-001", "--completed", "2025-04-20", "--evidence", "LMS-1005");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Recorded TR-\d+: P-008 completed TC-001 on 2025-04-20; it counts until 2026-04-20\./);
    const list = await isms("training", "list", "--person", "P-008");
    expect(list.stdout).toMatch(/P-008 Omar Haddad\s+TC-001 Information security awareness\s+2025-04-20\s+2026-04-20\s+LMS-1005/);
  });

  it("lists expired awareness and missing role training as overdue", async () => {
    const result = await isms("training", "overdue", "--as-of", "2025-03-20");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/P-002\s+Mia Chen\s+awareness\s+expired\s+TC-001 Information security awareness, completed 2024-03-10, expired 2025-03-10/);
    expect(result.stdout).toMatch(/P-009\s+Priya Nair\s+role training \(internal-auditor\)\s+missing\s+none recorded/);
  });

  it("adds a course to the register and refuses an unknown person or a bad number of days", async () => {
    const added = await isms("training", "courses", "add", "--title", "ISMS roles and responsibilities", "--kind", "role", "--validity-months", "24");
    expect(added.stdout).toContain("Added training course TC-004.");
    const unknown = await isms("training", "record", "--person", "P-404", "--course", "TC-004", "--completed", "2025-04-20");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--person: no person "P-404" in this workspace');
    const days = await isms("training", "overdue", "--within", "soon");
    expect(days.status).toBe(2);
    expect(days.stderr).toContain('--within: "soon" is not a whole number of days');
  });
});
