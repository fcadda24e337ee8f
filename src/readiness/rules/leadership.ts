// Stage 1 rules on leadership (clause 5): the information security policy approved by top management
// and kept current, and the ISMS owner, risk owners and control owners assigned.
import { dayOf, lookupsOf, withinYear } from "../lookups.js";
import { defineRule, viaRegisterFile, type ReadinessFinding, type ReadinessRule } from "../rule.js";
import type { DocumentView } from "../snapshot.js";
import { approvedVersionStatuses, documentKinds, ismsRoles } from "../vocabulary.js";

/** The newest approved version of a document: approved status, approver and date all recorded. */
export function latestApprovedVersion(document: DocumentView) {
  return document.versions
    .filter((v) => approvedVersionStatuses.includes(v.status) && v.approvedBy && v.approvedAt)
    .sort((a, b) => (b.approvedAt?.getTime() ?? 0) - (a.approvedAt?.getTime() ?? 0))[0];
}

export const policyApproved = defineRule(
  {
    id: "S1-policy-approved",
    stage: "stage1",
    severity: "would-fail-stage1",
    basis: "5.2",
    title: "The information security policy is approved by top management and reviewed within the last 12 months",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const policies = snapshot.documents.filter((d) => d.kind === documentKinds.informationSecurityPolicy);
    if (policies.length === 0) {
      return [
        finding(
          { type: "document", id: null },
          "There is no information security policy",
          `Write it, have top management approve it, and record it as a document of kind ${documentKinds.informationSecurityPolicy} with its approved version: ${viaRegisterFile("documents")}`,
        ),
      ];
    }
    const findings: ReadinessFinding[] = [];
    for (const policy of policies) {
      const entity = { type: "document", id: policy.id };
      const approved = latestApprovedVersion(policy);
      if (!approved) {
        const fix = `Have top management approve it and record the approved version (approver and date): ${viaRegisterFile("document_versions")}`;
        findings.push(finding(entity, `The information security policy ${policy.id} has no approved version`, fix));
        continue;
      }
      const approver = approved.approvedBy ? lookups.personById.get(approved.approvedBy) : undefined;
      if (!approver?.ismsRoles.includes(ismsRoles.topManagement)) {
        findings.push(
          finding(
            entity,
            `The information security policy ${policy.id} v${approved.version} was approved by ${approver?.name ?? approved.approvedBy ?? "nobody"}, who is not top management`,
            `Have top management approve it (5.2), and give them the ${ismsRoles.topManagement} role: isms people edit <id> --isms-roles ${ismsRoles.topManagement}`,
          ),
        );
      }
      const approvedOn = dayOf(approved.approvedAt);
      if (!withinYear(approvedOn, lookups)) {
        findings.push(
          finding(
            entity,
            `The information security policy ${policy.id} was last approved on ${approvedOn ?? "an unknown day"}, not within the last 12 months`,
            `Review it, and have top management approve the reviewed version: ${viaRegisterFile("document_versions")}`,
          ),
        );
      }
    }
    return findings;
  },
);

export const rolesAssigned = defineRule(
  {
    id: "S1-roles-assigned",
    stage: "stage1",
    severity: "major",
    basis: "5.3",
    title: "Top management, the ISMS owner, every risk owner and every control owner are named",
  },
  (snapshot, finding) => {
    const lookups = lookupsOf(snapshot);
    const findings: ReadinessFinding[] = [];
    const roles = [
      { role: ismsRoles.ismsOwner, who: "ISMS owner (the person responsible for the ISMS conforming and for reporting on it)" },
      { role: ismsRoles.topManagement, who: "top management (who approve the policy and hold the management review)" },
    ];
    for (const { role, who } of roles) {
      if (lookups.holders(role).length === 0) {
        findings.push(finding({ type: "person", id: null }, `Nobody working here today is named as ${who}`, `Give the role to a person: isms people edit <id> --isms-roles ${role}`));
      }
    }
    for (const f of lookups.riskFindings("risk-owner")) {
      findings.push(finding({ type: "risk", id: f.riskId }, f.message, `Name its risk owner: isms risk edit ${f.riskId} --owner <person>`));
    }
    for (const entry of snapshot.soa.filter((e) => e.applicability === "applicable" && !e.owner)) {
      findings.push(
        finding({ type: "control", id: entry.controlId }, `Control ${entry.controlId} (${entry.title}) is applicable but has no control owner`, `Name its owner: isms soa set ${entry.controlId} --owner <person>`),
      );
    }
    return findings;
  },
);

export const leadershipRules: readonly ReadinessRule[] = [policyApproved, rolesAssigned];
