// Rules on the Statement of Applicability (6.1.3 c–d): every control decided and justified, consistent
// with the risk treatment plan, and — at Stage 2 — every control marked implemented shown operating.
import type { CheckResultView } from "../snapshot.js";
import { annexAControls, isControlId } from "../../catalog/annex-a.js";
import { isBlank, lookupsOf } from "../lookups.js";
import { defineRule, type ReadinessFinding, type ReadinessRule } from "../rule.js";

export const soaComplete = defineRule(
  {
    id: "S1-soa-complete",
    stage: "stage1",
    severity: "would-fail-stage1",
    basis: "6.1.3 d)",
    title: "The SoA covers all 93 Annex A controls, each with a decision and a justification",
  },
  (snapshot, finding) => {
    const { soaByControl } = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    const decide = (id: string) => `isms soa set ${id} --applicability applicable|inherited|not_applicable --justification "…"`;
    for (const control of annexAControls.filter((c) => !soaByControl.has(c.id))) {
      findings.push(finding({ type: "control", id: control.id }, `Control ${control.id} (${control.title}) is missing from the SoA`, `Decide it: ${decide(control.id)}`));
    }
    for (const entry of snapshot.soa) {
      const entity = { type: "control", id: entry.controlId };
      const name = `Control ${entry.controlId} (${entry.title})`;
      if (entry.applicability === null) {
        findings.push(finding(entity, `${name} has no applicability decision`, `Decide it: ${decide(entry.controlId)}`));
      } else if (entry.applicability !== "applicable" && isBlank(entry.justification)) {
        const what = entry.applicability === "not_applicable" ? "is excluded" : "is inherited";
        const why = entry.applicability === "not_applicable" ? "why it does not apply" : "who provides it and their attestation (e.g. AWS's ISO/IEC 27001 certificate)";
        findings.push(finding(entity, `${name} ${what} without a justification`, `Say ${why}: isms soa set ${entry.controlId} --justification "…"`));
      } else if (entry.applicability === "applicable" && entry.reasons.length === 0 && isBlank(entry.justification)) {
        const fix = `Name the risk it treats (isms risk edit <risk> --controls ${entry.controlId}) or say why it is included: isms soa set ${entry.controlId} --justification "…"`;
        findings.push(finding(entity, `${name} is applicable but gives no reason for inclusion`, fix));
      }
    }
    return findings;
  },
);

export const soaTreatmentConsistent = defineRule(
  {
    id: "S1-soa-treatment-consistent",
    stage: "stage1",
    severity: "major",
    basis: "6.1.3 c)",
    title: "Every control named in the risk treatment plan is known and applicable in the SoA, and no excluded control is named",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = lookups
      .riskFindings("unknown-control")
      .map((f) => finding({ type: "risk", id: f.riskId }, f.message, `Correct the control ids: isms risk edit ${f.riskId} --controls …`));
    const own = new Set(snapshot.ownControls.map((c) => c.id));
    const open = snapshot.risks.filter((r) => r.status !== "closed");
    const openIds = new Set(open.map((r) => r.id));
    const namedBy = new Map<string, string[]>();
    const name = (controlId: string, by: string) => namedBy.set(controlId, [...(namedBy.get(controlId) ?? []), by]);
    for (const risk of open.filter((r) => r.decision === "treat")) for (const id of risk.controlIds) name(id, risk.id);
    for (const action of snapshot.treatmentActions.filter((a) => a.status !== "cancelled" && openIds.has(a.riskId))) {
      for (const id of action.controlIds) name(id, `${action.id} (${action.riskId})`);
    }
    for (const [controlId, by] of namedBy) {
      if (!isControlId(controlId) && !own.has(controlId)) continue;
      const entry = lookups.soaByControl.get(controlId);
      const who = [...new Set(by)].join(", ");
      const entity = { type: "control", id: controlId };
      if (!entry || entry.applicability === null) {
        findings.push(finding(entity, `Control ${controlId} is named by the treatment of ${who} but has no decision in the SoA`, `Mark it applicable: isms soa set ${controlId} --applicability applicable`));
      } else if (entry.applicability === "not_applicable") {
        findings.push(
          finding(
            entity,
            `Control ${controlId} (${entry.title}) is excluded in the SoA, yet the treatment of ${who} relies on it`,
            `Make it applicable (isms soa set ${controlId} --applicability applicable) or take it out of the treatment (isms risk edit <risk> --controls …)`,
          ),
        );
      }
    }
    return findings;
  },
);

export const soaOverridesExplained = defineRule(
  {
    id: "S1-soa-overrides-explained",
    stage: "stage1",
    severity: "observation",
    basis: "6.1.3 d)",
    title: "Where a person overrode the implementation status derived from evidence and checks, the SoA says why",
  },
  ({ soa }, finding) =>
    soa
      .filter((e) => e.statusSource === "override" && isBlank(e.statusOverrideReason))
      .map((e) =>
        finding(
          { type: "control", id: e.controlId },
          `The status of control ${e.controlId} (${e.implementationStatus ?? "none"}) overrides what evidence and checks show, without a reason`,
          `Say why: isms soa set ${e.controlId} --status ${e.implementationStatus ?? "…"} --override-reason "…"`,
        ),
      ),
);

export const implementedControlsEvidenced = defineRule(
  {
    id: "S2-implemented-controls-evidenced",
    stage: "stage2",
    severity: "minor",
    basis: "8.1",
    title: "Every applicable control the SoA marks implemented has fresh evidence that it operates",
  },
  ({ soa }, finding) =>
    soa
      .filter((e) => e.applicability === "applicable" && e.implementationStatus === "implemented" && !e.evidence.some((x) => x.fresh))
      .map((e) =>
        finding(
          { type: "control", id: e.controlId },
          `Control ${e.controlId} (${e.title}) is marked implemented but has no fresh evidence${e.evidence.length ? ` (the newest is from ${e.evidence[0]?.collectedAt.toISOString().slice(0, 10) ?? "?"})` : ""}`,
          `Collect current evidence naming ${e.controlId}, or state its real status: isms soa set ${e.controlId} --status partially_implemented --override-reason "…"`,
        ),
      ),
);

/** Resources named in one finding; the rest are counted. */
const resourcesNamed = 5;

export const noFailingChecks = defineRule(
  {
    id: "S2-no-failing-checks",
    stage: "stage2",
    severity: "minor",
    basis: "9.1",
    title: "No automated check fails under an applicable control",
  },
  (snapshot, finding) => {
    const { soaByControl } = lookupsOf(snapshot);
    const failing = new Map<string, CheckResultView[]>();
    for (const c of snapshot.checkResults ?? []) {
      const entry = soaByControl.get(c.controlId);
      if (c.passed || entry?.applicability === "not_applicable") continue;
      const key = `${c.controlId}|${c.checkId ?? "?"}`;
      failing.set(key, [...(failing.get(key) ?? []), c]);
    }
    return [...failing.values()].flatMap((group) => {
      const [first] = group;
      if (!first) return [];
      const entry = soaByControl.get(first.controlId);
      const check = first.checkId ?? "an automated check";
      const resources = group.map((c) => c.resource ?? c.account ?? "?");
      const named = resources.slice(0, resourcesNamed).join(", ") + (resources.length > resourcesNamed ? ` and ${resources.length - resourcesNamed} more` : "");
      const claim = entry?.implementationStatus === "implemented" ? ", which the SoA marks implemented" : "";
      return [
        finding(
          { type: "check", id: `${first.controlId}/${check}` },
          `Check ${check} fails under control ${first.controlId}${claim} on ${group.length} resource${group.length === 1 ? "" : "s"}: ${named}`,
          `Fix what the check found and collect again (isms collect aws), or record why it is acceptable: isms soa set ${first.controlId} --status partially_implemented --override-reason "…"`,
        ),
      ];
    });
  },
);

export const soaRules: readonly ReadinessRule[] = [soaComplete, soaTreatmentConsistent, soaOverridesExplained, implementedControlsEvidenced, noFailingChecks];
