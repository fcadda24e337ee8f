import { describe, expect, it } from "vitest";
import { defaultMethodology } from "./presets.js";
import type { Risk, TreatmentAction } from "./risk.js";
import { riskSchema, treatmentActionSchema } from "./risk.js";
import type { RiskRuleId } from "./rules.js";
import { checkRisks } from "./rules.js";

const methodology = defaultMethodology(); // threshold 4, review every 12 months
const today = new Date("2025-06-01T08:00:00Z");

/** A risk that passes every rule: treated, planned, approved, residual within the threshold, assessed recently. */
function aRisk(fields: Partial<Risk> = {}): Risk {
  return riskSchema.parse({
    id: "R-001",
    title: "Leaked AWS access keys",
    owner: "p-cto",
    likelihood: 4,
    impacts: { financial: 4 },
    impact: 4,
    inherentScore: 16,
    decision: "treat",
    controlIds: ["8.5"],
    residualLikelihood: 2,
    residualImpacts: { financial: 2 },
    residualImpact: 2,
    residualScore: 4,
    status: "treating",
    planApprovedBy: "p-cto",
    planApprovedAt: new Date("2025-01-15T00:00:00Z"),
    lastAssessedAt: new Date("2025-01-10T00:00:00Z"),
    ...fields,
  });
}

function anAction(fields: Partial<TreatmentAction> = {}): TreatmentAction {
  return treatmentActionSchema.parse({
    id: "T-001",
    riskId: "R-001",
    title: "Replace access keys with IAM Identity Center",
    controlIds: ["8.5"],
    owner: "p-cto",
    dueDate: "2025-09-01",
    status: "planned",
    ...fields,
  });
}

function findings(risk: Risk, actions: TreatmentAction[] = [anAction()], ownControlIds: string[] = []) {
  return checkRisks(methodology, [risk], actions, { today, ownControlIds });
}

const rulesOf = (risk: Risk, actions?: TreatmentAction[]): RiskRuleId[] => findings(risk, actions).map((f) => f.rule);

describe("the risk rules", () => {
  it("a risk that is assessed, owned, decided, planned, approved and reviewed has no finding", () => {
    expect(findings(aRisk())).toEqual([]);
  });

  it("a closed risk is not checked", () => {
    expect(findings(aRisk({ status: "closed", owner: null, decision: null }), [])).toEqual([]);
  });

  it("a risk without a score has not been assessed", () => {
    expect(rulesOf(aRisk({ inherentScore: null }))).toEqual(["not-assessed"]);
  });

  it("a risk without an owner is an error, whatever its decision", () => {
    const [finding] = findings(aRisk({ owner: null, planApprovedBy: null }));
    expect(finding).toEqual({
      rule: "risk-owner",
      riskId: "R-001",
      severity: "error",
      message: "R-001: has no risk owner; name the person accountable for managing it",
    });
    expect(rulesOf(aRisk({ owner: null, decision: "tolerate", inherentScore: 3, residualScore: null }))).toEqual(["risk-owner"]);
  });

  describe("decision required", () => {
    it("a risk above the acceptance threshold without a decision is an error that suggests its band's decision", () => {
      const [finding] = findings(aRisk({ inherentScore: 12, decision: null }), []);
      expect(finding?.rule).toBe("decision-required");
      expect(finding?.severity).toBe("error");
      expect(finding?.message).toBe(
        "R-001: scores 12 (High), above the acceptance threshold of 4, and has no decision; have its risk owner choose treat, tolerate, transfer or terminate (its band suggests treat)",
      );
    });

    it("a risk exactly at the threshold needs no decision", () => {
      expect(findings(aRisk({ inherentScore: 4, decision: null, residualScore: null }), [])).toEqual([]);
    });
  });

  describe("treatment plan", () => {
    it("a risk to treat with no control is an error", () => {
      expect(rulesOf(aRisk({ controlIds: [] }))).toEqual(["treatment-plan"]);
    });

    it("a risk to treat with no treatment action, or only cancelled ones, is an error", () => {
      expect(rulesOf(aRisk(), [])).toEqual(["treatment-plan"]);
      expect(rulesOf(aRisk(), [anAction({ status: "cancelled" })])).toEqual(["treatment-plan"]);
    });

    it("an open treatment action without a due date is an error naming the action", () => {
      const result = findings(aRisk(), [anAction({ dueDate: null, status: "in_progress" })]);
      expect(result.map((f) => f.message)).toEqual(["R-001: treatment action T-001 has no due date; give it one"]);
    });

    it("a plan whose actions are all done passes, dated or not", () => {
      expect(findings(aRisk(), [anAction({ dueDate: null, status: "done", completedOn: "2025-05-01" })])).toEqual([]);
    });

    it("a tolerated risk needs no controls and no actions", () => {
      expect(findings(aRisk({ decision: "tolerate", controlIds: [], inherentScore: 3, residualScore: null }), [])).toEqual([]);
    });
  });

  describe("treatment action overdue", () => {
    it("an open action past its due date is a warning", () => {
      const result = findings(aRisk(), [anAction({ dueDate: "2025-05-31" })]);
      expect(result).toEqual([
        {
          rule: "treatment-action-overdue",
          riskId: "R-001",
          severity: "warning",
          message: "R-001: treatment action T-001 was due on 2025-05-31 and is not done; complete it or re-plan it with a new date",
        },
      ]);
    });

    it("an action due today, or done late, is not overdue", () => {
      expect(findings(aRisk(), [anAction({ dueDate: "2025-06-01" })])).toEqual([]);
      expect(findings(aRisk(), [anAction({ dueDate: "2025-03-01", status: "done" })])).toEqual([]);
    });
  });

  describe("plan approval", () => {
    it("a treatment plan the risk owner has not approved is a warning", () => {
      const result = findings(aRisk({ planApprovedBy: null, planApprovedAt: null }));
      expect(result.map((f) => [f.rule, f.severity])).toEqual([["plan-approval", "warning"]]);
    });

    it("a plan approved by someone other than the risk owner is a warning naming both", () => {
      const [finding] = findings(aRisk({ planApprovedBy: "p-ceo" }));
      expect(finding?.message).toBe(
        "R-001: its treatment plan was approved by p-ceo, but the risk owner is p-cto; have the risk owner approve it",
      );
    });

    it("a plan approval without a date is a warning", () => {
      expect(rulesOf(aRisk({ planApprovedAt: null }))).toEqual(["plan-approval"]);
    });
  });

  describe("residual acceptance", () => {
    it("a residual score above the threshold without acceptance is an error", () => {
      const [finding] = findings(aRisk({ residualScore: 8 }));
      expect(finding?.rule).toBe("residual-acceptance");
      expect(finding?.message).toBe(
        "R-001: the residual score 8 (Medium) is above the acceptance threshold of 4 and has not been accepted; have the risk owner accept it explicitly (who and when), or reduce it further",
      );
    });

    it("a tolerated risk above the threshold needs the owner's acceptance", () => {
      const tolerated = aRisk({ decision: "tolerate", controlIds: [], inherentScore: 8, residualScore: null, planApprovedBy: null });
      expect(rulesOf(tolerated, [])).toEqual(["residual-acceptance"]);
      const accepted = { ...tolerated, residualAcceptedBy: "p-cto", residualAcceptedAt: new Date("2025-02-01T00:00:00Z") };
      expect(findings(accepted, [])).toEqual([]);
    });

    it("an acceptance by someone other than the risk owner is an error", () => {
      const [finding] = findings(aRisk({ residualScore: 8, residualAcceptedBy: "p-ceo", residualAcceptedAt: new Date("2025-02-01") }));
      expect(finding?.message).toContain("it was accepted by p-ceo, but only the risk owner (p-cto) can accept it");
    });

    it("an acceptance without its date is an error", () => {
      expect(rulesOf(aRisk({ residualScore: 8, residualAcceptedBy: "p-cto" }))).toEqual(["residual-acceptance"]);
    });

    it("a residual score above the threshold accepted by the owner with a date passes", () => {
      expect(findings(aRisk({ residualScore: 8, residualAcceptedBy: "p-cto", residualAcceptedAt: new Date("2025-02-01") }))).toEqual([]);
    });
  });

  describe("review overdue", () => {
    it("a risk last assessed more than the review frequency ago is overdue", () => {
      const [finding] = findings(aRisk({ lastAssessedAt: new Date("2024-05-31T12:00:00Z") }));
      expect(finding).toEqual({
        rule: "review-overdue",
        riskId: "R-001",
        severity: "error",
        message: "R-001: its review was due on 2025-05-31 (the methodology asks for one every 12 months); reassess it",
      });
    });

    it("a risk whose review falls due today is not yet overdue", () => {
      expect(findings(aRisk({ lastAssessedAt: new Date("2024-06-01T00:00:00Z") }))).toEqual([]);
    });

    it("a next review date in the past makes it overdue even when the last assessment is recent", () => {
      expect(rulesOf(aRisk({ nextReview: "2025-05-15" }))).toEqual(["review-overdue"]);
      expect(findings(aRisk({ nextReview: "2025-12-01" }))).toEqual([]);
    });

    it("a scored risk with no assessment date is a warning", () => {
      const result = findings(aRisk({ lastAssessedAt: null, nextReview: null }));
      expect(result.map((f) => [f.rule, f.severity])).toEqual([["review-overdue", "warning"]]);
    });
  });

  describe("unknown control", () => {
    it("a control id that is not in Annex A is an error, with the standard's spelling when it can tell", () => {
      const [finding] = findings(aRisk({ controlIds: ["A.8.5"] }));
      expect(finding?.rule).toBe("unknown-control");
      expect(finding?.message).toBe(
        "R-001: it names control 'A.8.5', which is neither an Annex A 2022 control nor one of the workspace's own; write it as in the standard: 8.5",
      );
      expect(rulesOf(aRisk({ controlIds: ["9.1"] }))).toEqual(["unknown-control"]);
    });

    it("a workspace's own control id is accepted", () => {
      expect(findings(aRisk({ controlIds: ["8.5", "ACME-1"] }), [anAction()], ["ACME-1"])).toEqual([]);
    });

    it("a treatment action naming an unknown control is reported against its risk", () => {
      const [finding] = findings(aRisk(), [anAction({ controlIds: ["ACME-9"] })]);
      expect(finding?.riskId).toBe("R-001");
      expect(finding?.message).toContain("treatment action T-001 names control 'ACME-9'");
    });
  });

  it("reports findings risk by risk, in the order the risks are given", () => {
    const risks = [aRisk({ id: "R-002", owner: null, planApprovedBy: null }), aRisk({ id: "R-001", controlIds: [] })];
    const actions = [anAction(), anAction({ id: "T-002", riskId: "R-002" })];
    const result = checkRisks(methodology, risks, actions, { today });
    expect(result.map((f) => [f.riskId, f.rule])).toEqual([
      ["R-002", "risk-owner"],
      ["R-002", "plan-approval"],
      ["R-001", "treatment-plan"],
    ]);
  });
});
