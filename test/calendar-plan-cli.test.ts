// `isms calendar` and `isms plan` as a user runs them (in-process): the calendar of an aws-saas
// workspace as a table, JSON and an iCalendar file that a standard parser reads; a completion recorded;
// the certification plan alone and with SOC 2; and the mistakes each refuses.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
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

async function icsEvents(path: string) {
  const calendar = ICAL.Component.fromString(await readFile(path, "utf8"));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate.toString(), end: event.endDate.toString(), allDay: event.startDate.isDate };
  });
}

const calendarJson = z.object({
  asOf: z.string(),
  withinDays: z.number().nullable(),
  items: z.array(z.object({ id: z.string(), title: z.string(), due: z.string(), overdue: z.boolean(), owner: z.string().nullable(), ownerName: z.string().nullable(), basis: z.string() })),
});
const planJson = z.object({
  start: z.string(),
  end: z.string(),
  withSoc2: z.boolean(),
  phases: z.array(z.object({ id: z.string(), track: z.string(), start: z.string(), end: z.string(), after: z.array(z.string()) })),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-calendar-"));
  const init = await isms("init", "--name", "Acme ISMS", "--slug", "acme", "--template", "aws-saas");
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms calendar", () => {
  it("lists the recurring activities by due day with the overdue ones flagged", async () => {
    const path = join(dir, "first.ics");
    const result = await isms("calendar", "--as-of", "2027-03-01", "--ics", path);
    expect(result.status, result.stderr).toBe(0);
    const count = /Acme ISMS on 2027-03-01: (\d+) items, 2 overdue/.exec(result.stdout)?.[1];
    expect(count).toBeDefined();
    expect(result.stdout).toContain(`Wrote ${count} events to ${path}`);
    expect(result.stdout).toMatch(/2027-01-29\s+OVERDUE 31d\s+ACT-001\s+Quarterly access review[^\n]*Head of Security\s+never\s+A\.5\.18/);
    expect(result.stdout).toMatch(/2027-03-01\s+today\s+management-review\s+Management review\s+Chief Executive Officer\s+never\s+9\.3/);
    expect(result.stdout.indexOf("ACT-001")).toBeLessThan(result.stdout.indexOf("ACT-004"));

    const soon = calendarJson.parse(await json("calendar", "--as-of", "2027-03-01", "--within", "60"));
    expect(soon.withinDays).toBe(60);
    expect(soon.items.every((i) => i.due <= "2027-04-30")).toBe(true);
    expect(soon.items.find((i) => i.id === "ACT-002")).toMatchObject({ overdue: true, owner: "P-004", ownerName: "Platform Engineering Lead", basis: "A.8.13" });
  });

  it("writes an ICS file that parses with a standard parser: one all-day event per item, with stable UIDs", async () => {
    const path = join(dir, "isms.ics");
    const { items } = calendarJson.parse(await json("calendar", "--as-of", "2027-03-01", "--ics", path));
    const events = await icsEvents(path);
    expect(events).toHaveLength(items.length);
    expect(events.map((e) => e.summary)).toEqual(items.map((i) => i.title));
    expect(events.map((e) => e.start)).toEqual(items.map((i) => i.due));
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(events.map((e) => e.uid)).toEqual(items.map((i) => `${i.id}@acme.openisms`));
    const review = events.find((e) => e.uid === "ACT-001@acme.openisms");
    expect(review).toMatchObject({ start: "2027-01-29", end: "2027-01-30" });
    expect(review?.description).toContain("Basis: A.5.18");
    expect(review?.description).toContain("Owner: Head of Security");

    // A later export carries the same UIDs, so a calendar application updates its events instead of adding copies.
    const later = join(dir, "later.ics");
    expect((await isms("calendar", "--as-of", "2027-09-01", "--ics", later)).status).toBe(0);
    const laterEvents = await icsEvents(later);
    expect(laterEvents.find((e) => e.uid === "management-review@acme.openisms")?.start).toBe("2027-09-01");
    expect(new Set(laterEvents.map((e) => e.uid))).toEqual(new Set(events.map((e) => e.uid)));
  });

  it("records a completion and plans the next occurrence from the day it was done", async () => {
    const done = await isms("calendar", "done", "ACT-001", "--on", "2026-11-20", "--evidence", "E-1, ticket SEC-42");
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain("ACT-001 Quarterly access review of AWS, the identity provider and the code host: done on 2026-11-20 (evidence: E-1, ticket SEC-42).");
    expect(done.stdout).toContain("Next: ACT-005 due 2027-02-20 (every 3 months).");
    const items = calendarJson.parse(await json("calendar", "--as-of", "2026-12-01")).items;
    expect(items.some((i) => i.id === "ACT-001")).toBe(false);
    expect(items.find((i) => i.id === "ACT-005")).toMatchObject({ due: "2027-02-20", overdue: false });
  });

  it("refuses a bad day, a bad number of days, a missing --on and a completion kept in another register", async () => {
    const badDay = await isms("calendar", "--as-of", "2027-13-01");
    expect(badDay.status).toBe(2);
    expect(badDay.stderr).toContain('--as-of: "2027-13-01" is not a date; write it as YYYY-MM-DD');
    const badDays = await isms("calendar", "--within", "soon");
    expect(badDays.status).toBe(2);
    expect(badDays.stderr).toContain('--within: "soon" is not a whole number of days');
    const noDay = await isms("calendar", "done", "ACT-002");
    expect(noDay.status).toBe(2);
    expect(noDay.stderr).toContain("--on <date>");
    const elsewhere = await isms("calendar", "done", "management-review", "--on", "2026-11-20");
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain("Management review: a completion is recorded in its own register, not as an activity. Record it with: isms review");
  });
});

describe("isms plan", () => {
  it("lays out the phases of a first certification with dates and dependencies, the long end by default", async () => {
    const result = await isms("plan", "--start", "2027-01-04");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Certification plan from 2027-01-04 to 2027-07-04 (long end of each phase)");
    expect(result.stdout).toMatch(/Control implementation, alongside the risk work\s+control-implementation\s+2027-01-25\s+2027-04-18\s+12 weeks\s+gap-analysis/);
    expect(result.stdout).toMatch(/Internal audit\s+internal-audit\s+2027-04-19\s+2027-05-09\s+3 weeks\s+isms-design, control-implementation/);
    const fast = planJson.parse(await json("plan", "--start", "2027-01-04", "--fast"));
    expect(fast.end).toBe("2027-04-25");
  });

  it("with SOC 2 shows both tracks in one table, and writes one event per phase to an ICS file", async () => {
    const path = join(dir, "plan.ics");
    const plan = planJson.parse(await json("plan", "--start", "2027-01-04", "--with-soc2", "--ics", path));
    expect(plan.withSoc2).toBe(true);
    expect(new Set(plan.phases.map((p) => p.track))).toEqual(new Set(["soc2", "iso27001", "both"]));
    expect(plan.phases.find((p) => p.id === "internal-audit")).toMatchObject({ track: "both", start: "2027-07-04" });
    const events = await icsEvents(path);
    expect(events.map((e) => [e.uid, e.start])).toEqual(plan.phases.map((p) => [`${p.id}.with-soc2.certification-plan@openisms`, p.start]));
    expect(events.find((e) => e.uid.startsWith("soc2-observation"))).toMatchObject({ summary: "SOC 2 observation period", start: "2027-04-04", end: "2027-10-04" });

    const table = await isms("plan", "--start", "2027-01-04", "--with-soc2");
    expect(table.stdout).toMatch(/SOC 2\s+SOC 2 Type II report issued\s+soc2-report\s+2027-10-04\s+2027-11-03/);
    expect(table.stdout).toMatch(/ISO\/IEC 27001 and SOC 2\s+Internal audit covering ISO 27001 and SOC 2/);
  });

  it("refuses a start that is not a day, a missing start, and --fast with --with-soc2", async () => {
    const badStart = await isms("plan", "--start", "tomorrow");
    expect(badStart.status).toBe(2);
    expect(badStart.stderr).toContain('--start: "tomorrow" is not a date');
    const noStart = await isms("plan");
    expect(noStart.status).toBe(2);
    expect(noStart.stderr).toContain("--start <date>");
    const both = await isms("plan", "--start", "2027-01-04", "--fast", "--with-soc2");
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--fast applies to the ISO/IEC 27001 plan alone");
  });
});
