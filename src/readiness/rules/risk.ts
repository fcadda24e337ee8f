// Rules on risk assessment and treatment (6.1.2, 6.1.3, 8.2, 8.3). Findings about single risks come
// from the risk register's own rules (domain/risk), grouped here by what an auditor asks at each stage.
import { dayOf, lookupsOf, withinYear } from "../lookups.js";
import { defineRule, type ReadinessFinding, type ReadinessRule } from "../rule.js";

export const methodologyDocumented = defineRule(
  {
    id: "S1-methodology-documented",
    stage: "stage1",
    severity: "would-fail-stage1",
    basis: "6.1.2",
    title: "The risk assessment methodology is documented: likelihood and impact scales, scoring, and risk acceptance criteria",
  },
  (snapshot, finding) => {
    const { methodology } = snapshot;
    if (!methodology) {
      return [finding({ type: "methodology", id: null }, "There is no risk assessment methodology", "Adopt one and adapt it: isms risk methodology set --preset 5x5-product")];
    }
    const issues = lookupsOf(snapshot).methodologyIssues;
    if (issues.length === 0) return [];
    return [
      finding(
        { type: "methodology", id: `v${methodology.version}` },
        `The risk methodology v${methodology.version} is incomplete or inconsistent: ${issues.join("; ")}`,
        "Correct it and set it again: isms risk methodology show --json > methodology.json, edit it, then isms risk methodology set --file methodology.json",
      ),
    ];
  },
);

export const riskAssessmentRecent = defineRule(
  {
    id: "S1-risk-assessment-recent",
    stage: "stage1",
    severity: "would-fail-stage1",
    basis: "8.2",
    title: "A risk assessment has been carried out within the last 12 months and its results are retained",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    if (snapshot.risks.length === 0) {
      return [finding({ type: "risk", id: null }, "The risk register is empty", 'Identify and assess the risks to the scope: isms risk add --title "…" --owner <person> --likelihood N --impacts …')];
    }
    const latest = snapshot.riskAssessments
      .map((a) => dayOf(a.assessedAt))
      .filter((day): day is string => day !== null && day <= lookups.today)
      .sort()
      .at(-1);
    if (withinYear(latest, lookups)) return [];
    return [
      finding(
        { type: "risk_assessment", id: null },
        latest ? `The last risk assessment was on ${latest}, more than 12 months ago` : "No risk has an assessment on record",
        "Reassess the register and keep the results: isms risk assess <id> for each risk (isms risk check lists what is due)",
      ),
    ];
  },
);

export const riskEntriesComplete = defineRule(
  {
    id: "S1-risk-entries-complete",
    stage: "stage1",
    severity: "minor",
    basis: "6.1.2 d), 8.2",
    title: "Every open risk says what could happen, is rated and scored, and is reviewed at the methodology's interval",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    for (const risk of snapshot.risks.filter((r) => r.status !== "closed" && !r.threat?.trim() && !r.description?.trim())) {
      findings.push(
        finding({ type: "risk", id: risk.id }, `${risk.id} (${risk.title}) says nothing of the threat or the scenario`, `Describe what could happen: isms risk edit ${risk.id} --threat "…" --vulnerability "…"`),
      );
    }
    for (const f of lookups.riskFindings("not-assessed")) {
      findings.push(finding({ type: "risk", id: f.riskId }, f.message, `Rate it: isms risk assess ${f.riskId} --likelihood N --impacts financial=N,…`));
    }
    for (const f of lookups.riskFindings("review-overdue")) {
      findings.push(finding({ type: "risk", id: f.riskId }, f.message, `Reassess it: isms risk assess ${f.riskId} --by <person>`));
    }
    return findings;
  },
);

export const risksDecided = defineRule(
  {
    id: "S1-risks-decided",
    stage: "stage1",
    severity: "major",
    basis: "6.1.3",
    title: "Every risk above the acceptance threshold has a treatment decision, and every risk to treat has a plan",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    return [
      ...lookups
        .riskFindings("decision-required")
        .map((f) => finding({ type: "risk", id: f.riskId }, f.message, `Record the risk owner's decision: isms risk edit ${f.riskId} --decision treat|tolerate|transfer|terminate`)),
      ...lookups
        .riskFindings("treatment-plan")
        .map((f) =>
          finding(
            { type: "risk", id: f.riskId },
            f.message,
            `Complete its plan: the controls (isms risk edit ${f.riskId} --controls 8.5,5.17), actions with an owner and a due date (isms risk actions add --risk ${f.riskId} --title "…" --owner <person> --due YYYY-MM-DD)`,
          ),
        ),
    ];
  },
);

export const residualAccepted = defineRule(
  {
    id: "S1-residual-accepted",
    stage: "stage1",
    severity: "minor",
    basis: "6.1.3 f)",
    title: "Risk owners approve the treatment plans of their risks and accept the residual risks above the threshold",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const ownerOf = (riskId: string) => snapshot.risks.find((r) => r.id === riskId)?.owner ?? "<risk owner>";
    return [
      ...lookups
        .riskFindings("plan-approval")
        .map((f) => finding({ type: "risk", id: f.riskId }, f.message, `Have the risk owner approve the plan: isms risk approve-plan ${f.riskId} --by ${ownerOf(f.riskId)}`)),
      ...lookups
        .riskFindings("residual-acceptance")
        .map((f) => finding({ type: "risk", id: f.riskId }, f.message, `Have the risk owner accept it, or reduce it further: isms risk accept ${f.riskId} --by ${ownerOf(f.riskId)}`)),
    ];
  },
);

export const treatmentActionsOnTime = defineRule(
  {
    id: "S2-treatment-actions-on-time",
    stage: "stage2",
    severity: "minor",
    basis: "8.3",
    title: "No action of the risk treatment plan is overdue",
  },
  (snapshot, finding) =>
    lookupsOf(snapshot)
      .riskFindings("treatment-action-overdue")
      .map((f) => {
        const actionId = /\bT-\d+\b/.exec(f.message)?.[0] ?? null;
        const action = actionId ?? "<action>";
        return finding(
          { type: "treatment_action", id: actionId },
          f.message,
          `Finish it (isms risk actions edit ${action} --status done) or re-plan it with the risk owner (isms risk actions edit ${action} --due YYYY-MM-DD)`,
        );
      }),
);

export const riskRules: readonly ReadinessRule[] = [methodologyDocumented, riskAssessmentRecent, riskEntriesComplete, risksDecided, residualAccepted, treatmentActionsOnTime];
