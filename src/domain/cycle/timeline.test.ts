// The certification timeline from the cycle's dates alone: deadlines count from the issue date, else
// from Stage 2; nothing is due before a certification decision exists.
import { describe, expect, it } from "vitest";
import type { CertificationCycle } from "./model.js";
import { certificationTimeline } from "./timeline.js";

const cycle = (overrides: Partial<CertificationCycle> = {}): CertificationCycle => ({
  id: "CC-001",
  certificationBody: "BSI",
  stage1Date: null,
  stage2Date: null,
  certificateNumber: null,
  certificateIssued: null,
  certificateExpires: null,
  samplingSeed: null,
  ...overrides,
});

describe("certificationTimeline", () => {
  it("sets no surveillance deadline before there is a Stage 2 date or a certificate", () => {
    const { milestones, expires } = certificationTimeline(cycle({ stage1Date: "2027-02-01" }), [], [], "2027-01-15");
    expect(expires).toBeNull();
    expect(milestones.map((m) => [m.key, m.state])).toEqual([
      ["stage1", "scheduled"],
      ["stage2", "not_set"],
      ["certificate", "not_set"],
      ["surveillance1", "not_set"],
      ["surveillance2", "not_set"],
      ["recertification", "not_set"],
    ]);
  });

  it("counts surveillance from Stage 2 until the certificate is issued, and takes a recorded expiry over three years", () => {
    const fromStage2 = certificationTimeline(cycle({ stage2Date: "2027-04-20" }), [], [], "2028-05-01");
    expect(fromStage2.milestones.find((m) => m.key === "surveillance1")).toMatchObject({ deadline: "2028-04-20", state: "overdue" });
    const issued = certificationTimeline(cycle({ stage2Date: "2027-04-20", certificateIssued: "2027-06-01", certificateExpires: "2030-05-31" }), [], [], "2028-05-01");
    expect(issued.milestones.find((m) => m.key === "surveillance1")).toMatchObject({ deadline: "2028-06-01", state: "due" });
    expect(issued.milestones.find((m) => m.key === "recertification")?.deadline).toBe("2030-05-31");
  });

  it("marks a surveillance audit completed after its deadline done, with a note that it was late", () => {
    const audit = { id: "EA-3", kind: "surveillance", title: "S1", status: "completed", plannedStart: "2028-07-01", plannedEnd: null, actualStart: null, actualEnd: null };
    const { milestones } = certificationTimeline(cycle({ certificateIssued: "2027-06-01" }), [audit], [], "2028-08-01");
    expect(milestones.find((m) => m.key === "surveillance1")).toMatchObject({ state: "done", auditId: "EA-3", note: "planned after its deadline 2028-06-01" });
  });
});
