// Preparing the 9.3.2 inputs from data alone: the first review, the net changes to a register, the
// direction of a target, and the actions as `--action` gives them and as the store keeps them.
import { describe, expect, it } from "vitest";
import { netChanges } from "./changes.js";
import type { ReviewData } from "./data.js";
import { prepareReviewInputs } from "./inputs.js";
import { parseActionSpec, readReviewActions } from "./model.js";
import { meetsTarget } from "./performance.js";
import { reviewDecisionLines, reviewInputLines } from "./records.js";

function reviewData(overrides: Partial<ReviewData> = {}): ReviewData {
  return {
    on: "2027-03-15",
    previous: null,
    previousReviews: [],
    contextIssues: [
      { id: "CI-001", kind: "external", description: "Buyers ask for certification" },
      { id: "CI-002", kind: "internal", description: "A small security team" },
    ],
    contextIssueChanges: [],
    interestedParties: [{ id: "IP-001", name: "Customers", requirements: "ISO/IEC 27001", addressedByIsms: true }],
    interestedPartyChanges: [],
    audits: [],
    findings: [],
    correctiveActions: [],
    objectives: [],
    latestRun: null,
    bands: ["Low", "Medium", "High"],
    risks: [
      { id: "R-001", status: "open", decision: "treat", score: 16, band: "High", planApproved: true },
      { id: "R-002", status: "open", decision: null, score: 4, band: "Low", planApproved: false },
      { id: "R-003", status: "closed", decision: "terminate", score: 20, band: "High", planApproved: true },
    ],
    treatmentActions: [{ id: "T-001", riskId: "R-001", status: "planned", dueDate: "2027-01-31" }],
    ...overrides,
  };
}

describe("prepareReviewInputs", () => {
  it("at the first review, says there is nothing earlier and considers the registers as they stand", () => {
    const inputs = prepareReviewInputs(reviewData(), "P-001");
    expect(inputs.a.summary).toBe("This is the first management review: there are no earlier actions to report on.");
    expect(inputs.b.summary).toBe("First management review: all 2 issues on record (1 external, 1 internal), considered as they stand.");
    expect(inputs.d.items["3"]?.summary).toBe("No audit on record.");
    expect(inputs.d.items["2"]?.summary).toBe("No active objective to measure; no automated collection has been run.");
    expect(inputs.f.summary).toBe(
      "2 open risks (1 High, 1 Low); 1 without a treatment decision (R-002); 0 awaiting the owner's approval of the plan. Treatment plan: 0 of 1 action done, 1 in hand, 1 overdue (T-001).",
    );
    expect(inputs.prepared).toEqual({ on: "2027-03-15", since: null, previousReview: null, chair: "P-001" });
  });

  it("reads the labels back in the order of 9.3.2, the trends of d) under it", () => {
    const lines = reviewInputLines(prepareReviewInputs(reviewData()));
    expect(lines.map((l) => l.label.slice(0, 8))).toEqual(["9.3.2 a)", "9.3.2 b)", "9.3.2 c)", "9.3.2 d)", "9.3.2 e)", "9.3.2 f)", "9.3.2 g)"]);
    expect(lines[3]?.items.map((i) => i.label)).toEqual([
      "9.3.2 d) 1) Nonconformities and corrective actions",
      "9.3.2 d) 2) Monitoring and measurement results",
      "9.3.2 d) 3) Audit results",
      "9.3.2 d) 4) Fulfilment of information security objectives",
    ]);
    expect(reviewInputLines({ "audit results": ["IA-1 completed", "1 major"] })).toEqual([{ label: "audit results", text: "IA-1 completed; 1 major", items: [] }]);
    expect(reviewDecisionLines({ "2": "Fund keys", "1": "Keep scope", note: "none" })).toEqual(["Keep scope", "Fund keys", "note: none"]);
  });
});

describe("netChanges", () => {
  it("nets each entry's changes over the period: added then edited is added, added then removed is nothing", () => {
    const day = "2027-02-01";
    const net = netChanges([
      { entityId: "CI-9", action: "add", day },
      { entityId: "CI-9", action: "edit", day },
      { entityId: "CI-8", action: "add", day },
      { entityId: "CI-8", action: "remove", day },
      { entityId: "CI-2", action: "edit", day },
      { entityId: "CI-1", action: "edit", day },
      { entityId: "CI-1", action: "remove", day },
    ]);
    expect(net).toEqual({ added: ["CI-9"], changed: ["CI-2"], removed: ["CI-1"] });
  });
});

describe("meetsTarget", () => {
  it("takes higher as better unless the target's words say at most", () => {
    expect(meetsTarget(96, { target: "at least 95%", targetValue: 95 })).toBe(true);
    expect(meetsTarget(16, { target: "at most 14 days", targetValue: 14 })).toBe(false);
    expect(meetsTarget(3, { target: "< 5 incidents", targetValue: 5 })).toBe(true);
    expect(meetsTarget(3, { target: "100%", targetValue: null })).toBeNull();
  });
});

describe("review actions", () => {
  it("parse from description;owner;due and say what is wrong otherwise", () => {
    expect(parseActionSpec("Buy keys; P-004 ;2027-06-30")).toEqual({ description: "Buy keys", owner: "P-004", dueDate: "2027-06-30" });
    expect(parseActionSpec("Buy keys;P-004")).toEqual({ problem: '"Buy keys;P-004" has 2 parts; write "description;owner;due date"' });
    expect(parseActionSpec(";P-004;2027-06-30")).toEqual({ problem: '";P-004;2027-06-30" has no description before the first ";"' });
    expect(parseActionSpec("Buy keys;P-004;June")).toEqual({ problem: '"Buy keys;P-004;June" has the due date "June"; write it as YYYY-MM-DD' });
    expect(parseActionSpec("Buy keys;P-004;2027-02-30")).toEqual({ problem: '"Buy keys;P-004;2027-02-30" has the due date "2027-02-30"; write it as YYYY-MM-DD' });
  });

  it("read leniently from the store, leaving out entries with no id", () => {
    expect(readReviewActions([{ id: "MR-1-A1", description: "Buy keys", status: "finished" }, { description: "no id" }])).toEqual([
      { id: "MR-1-A1", description: "Buy keys", owner: null, dueDate: null, status: "open", closedOn: null, note: null },
    ]);
  });
});
