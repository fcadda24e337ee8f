import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { allDayCalendar } from "../calendar/index.js";
import { planCertification, planCertificationWithSoc2, planEvents } from "./plan.js";

const rows = (plan: ReturnType<typeof planCertification>) => plan.phases.map((p) => [p.id, p.start, p.end]);

describe("the certification plan", () => {
  it("takes the upper bound of every phase by default: six months from gap analysis to certificate", () => {
    const plan = planCertification("2027-01-04");
    expect(rows(plan)).toEqual([
      ["gap-analysis", "2027-01-04", "2027-01-24"],
      ["isms-design", "2027-01-25", "2027-04-18"],
      ["control-implementation", "2027-01-25", "2027-04-18"],
      ["internal-audit", "2027-04-19", "2027-05-09"],
      ["stage-1", "2027-05-10", "2027-05-23"],
      ["stage-2", "2027-05-24", "2027-06-06"],
      ["certificate", "2027-06-07", "2027-07-04"],
    ]);
    expect(plan).toMatchObject({ start: "2027-01-04", end: "2027-07-04", pace: "slow", withSoc2: false });
    expect(plan.phases.find((p) => p.id === "isms-design")?.days).toBe(84);
  });

  it("at the fast pace takes the lower bounds, and the internal audit waits for the longer of the risk work and the implementation", () => {
    const plan = planCertification("2027-01-04", "fast");
    expect(rows(plan)).toEqual([
      ["gap-analysis", "2027-01-04", "2027-01-17"],
      ["isms-design", "2027-01-18", "2027-03-14"],
      ["control-implementation", "2027-01-18", "2027-02-28"],
      ["internal-audit", "2027-03-15", "2027-03-28"],
      ["stage-1", "2027-03-29", "2027-04-04"],
      ["stage-2", "2027-04-05", "2027-04-11"],
      ["certificate", "2027-04-12", "2027-04-25"],
    ]);
    expect(plan.phases.find((p) => p.id === "internal-audit")?.after).toEqual(["isms-design", "control-implementation"]);
  });

  it("with SOC 2 lays both tracks in one table: observation from month 3, one internal audit at month 6, both reports by month 10", () => {
    const plan = planCertificationWithSoc2("2027-01-04");
    expect(plan.phases.map((p) => [p.id, p.track, p.start, p.end])).toEqual([
      ["soc2-controls", "soc2", "2027-01-04", "2027-04-03"],
      ["soc2-auditor", "soc2", "2027-04-04", "2027-04-04"],
      ["soc2-observation", "soc2", "2027-04-04", "2027-10-03"],
      ["isms-documentation", "iso27001", "2027-04-04", "2027-07-03"],
      ["internal-audit", "both", "2027-07-04", "2027-07-24"],
      ["stage-1-and-2", "iso27001", "2027-07-25", "2027-10-03"],
      ["soc2-report", "soc2", "2027-10-04", "2027-11-03"],
      ["certificate", "iso27001", "2027-10-04", "2027-11-03"],
    ]);
    expect(plan.end).toBe("2027-11-03");
  });

  it("every phase starts no earlier than the phases it waits for", () => {
    for (const plan of [planCertification("2026-12-30"), planCertification("2026-12-30", "fast"), planCertificationWithSoc2("2026-12-30")]) {
      const byId = new Map(plan.phases.map((p) => [p.id, p]));
      for (const phase of plan.phases) {
        for (const id of phase.after) expect(phase.start >= (byId.get(id)?.end ?? "9999"), `${phase.id} after ${id}`).toBe(true);
      }
    }
  });

  it("refuses a start that is not a day", () => {
    expect(() => planCertification("2027-02-30")).toThrow('The plan\'s start "2027-02-30" is not a date');
    expect(() => planCertificationWithSoc2("next monday")).toThrow("Write it as YYYY-MM-DD");
  });

  it("gives each phase one all-day event from its first to its last day, with a UID that does not depend on the start", () => {
    const text = allDayCalendar(planEvents(planCertification("2027-01-04")), "Certification plan");
    const events = ICAL.Component.fromString(text).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.summary)).toEqual(planCertification("2027-01-04").phases.map((p) => p.title));
    expect(events[0]?.uid).toBe("gap-analysis.certification-plan@openisms");
    expect(events[0]?.startDate.toString()).toBe("2027-01-04");
    expect(events[0]?.endDate.toString()).toBe("2027-01-25");
    expect(planEvents(planCertification("2027-03-01")).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });
});
