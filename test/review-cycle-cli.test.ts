// `isms review …` and `isms cycle …` as a user runs them (in-process): a review prepared, held and
// listed; a certification cycle set, its timeline shown, its sampling plan drawn, stored and edited;
// and the mistakes a user makes, with their exit codes and messages.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addDays } from "../src/domain/cycle/model.js";
import { isoDay } from "../src/domain/risk/calendar.js";
import { ismsInProcess } from "./helpers/cli-in-process.js";

let dir: string;
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);
const today = isoDay(new Date());

const reviewJson = z.object({ id: z.string(), status: z.string(), attendees: z.array(z.string()), actions: z.array(z.object({ id: z.string(), owner: z.string(), status: z.string() })) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-review-"));
  const init = await isms("init", "--name", "Acme ISMS", "--company", "Acme Cloud Ltd", "--template", "aws-saas");
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms review", () => {
  it("prepares a review with every input filled, holds it, and lists it as covering all seven inputs", async () => {
    const prepared = await isms("review", "prepare", "--chair", "P-001");
    expect(prepared.status, prepared.stderr).toBe(0);
    expect(prepared.stdout).toContain(`Prepared MR-001 for ${today}.`);
    expect(prepared.stdout).toContain("chair Chief Executive Officer (P-001)");
    expect(prepared.stdout).toContain("9.3.2 a) Status of actions from previous management reviews\n    This is the first management review");
    expect(prepared.stdout).toContain("9.3.2 d) 4) Fulfilment of information security objectives\n      4 active objectives: 0 met");

    const held = await isms("review", "hold", "MR-001", "--attendees", "P-001,Head of Security", "--decision", "Keep the scope", "--decision", "Fund security keys", "--action", `Buy security keys;P-004;${addDays(today, 60)}`, "--minutes", "minutes/mr-1.md");
    expect(held.status, held.stderr).toBe(0);
    expect(held.stdout).toBe(`MR-001 held on ${today}: 2 attending, 2 decision(s), 1 action(s).\n`);

    const list = await isms("review", "list");
    expect(list.stdout).toMatch(new RegExp(`MR-001\\s+${today}\\s+held\\s+2\\s+7/7\\s+2\\s+1`));
    const shown = reviewJson.parse(JSON.parse((await isms("--json", "review", "show", "MR-001")).stdout));
    expect(shown).toMatchObject({ status: "held", attendees: ["P-001", "P-002"], actions: [{ id: "MR-001-A1", owner: "P-004", status: "open" }] });

    const done = await isms("review", "action", "MR-001-A1", "--status", "done");
    expect(done.stdout).toBe(`MR-001-A1 is done (${today}).\n`);
  });

  it("refuses a review held twice, a hold with no decision, a date that is not one and an unknown status", async () => {
    const again = await isms("review", "hold", "MR-001", "--attendees", "P-001", "--decision", "Again");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`Management review MR-001 was already held on ${today}`);
    const noDecision = await isms("review", "hold", "MR-001", "--attendees", "P-001");
    expect(noDecision.status).toBe(2);
    expect(noDecision.stderr).toContain("--decision is required");
    const badDay = await isms("review", "prepare", "--on", "2027-13-01");
    expect(badDay.status).toBe(2);
    expect(badDay.stderr).toContain('--on: "2027-13-01" is not a date; write it as YYYY-MM-DD');
    const badStatus = await isms("review", "action", "MR-001-A1", "--status", "finished");
    expect(badStatus.status).toBe(2);
    expect(badStatus.stderr).toContain('--status: "finished" is not one of open, in_progress, done, cancelled');
  });
});

describe("isms cycle", () => {
  it("asks for a cycle first, then shows its timeline with the surveillance deadlines and the expiry", async () => {
    const none = await isms("cycle", "show");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("No certification cycle is recorded. Start one with: isms cycle set --body");
    const set = await isms("cycle", "set", "--body", "BSI", "--stage1", "2026-01-10", "--stage2", "2026-03-02", "--issued", "2026-04-15", "--number", "IS 801234");
    expect(set.status, set.stderr).toBe(0);
    const show = await isms("cycle", "show", "--on", "2026-07-01");
    expect(show.stdout).toContain("Certification cycle CC-001 with BSI, certificate IS 801234, as of 2026-07-01");
    expect(show.stdout).toMatch(/Surveillance audit 1\s+2027-04-15\s+due/);
    expect(show.stdout).toMatch(/Surveillance audit 2\s+2028-04-15\s+due/);
    expect(show.stdout).toContain("The certificate expires on 2029-04-15");
  });

  it("draws the sampling plan, stores it, moves a control by hand and shows one year", async () => {
    const written = await isms("cycle", "sample", "--write", "--seed", "s1");
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toContain('Stored the sampling plan of CC-001 with seed "s1".');
    expect(written.stdout).toMatch(/year 1 \(certification\): \d+, year 2 \(surveillance 1\): \d+, year 3 \(surveillance 2\): \d+/);
    const badYear = await isms("cycle", "sample", "move", "5.15", "--year", "4");
    expect(badYear.status).toBe(2);
    expect(badYear.stderr).toContain('--year: "4" is not a year of the cycle; give 1, 2 or 3');
    const moved = await isms("cycle", "sample", "move", "5.15", "--year", "3");
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/^Moved 5\.15 from year [123] to year 3\.\n$/);
    const year3 = await isms("cycle", "sample", "show", "--year", "3");
    expect(year3.stdout).toMatch(/3\s+5\.15\s+Access control\s+moved by hand/);
    expect(year3.stdout).not.toMatch(/^[12]\s/m);
  });
});
