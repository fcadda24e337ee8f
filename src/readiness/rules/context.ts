// Stage 1 rules on the context of the organization (clause 4) and the asset inventory: the scope and
// its approval, interfaces, issues, interested parties, exclusions, and asset owners.
import { isBlank } from "../lookups.js";
import { defineRule, type ReadinessFinding, type ReadinessRule } from "../rule.js";

export const scopeApproved = defineRule(
  {
    id: "S1-scope-approved",
    stage: "stage1",
    severity: "would-fail-stage1",
    basis: "4.3",
    title: "The ISMS scope is written down with its boundaries and interfaces, and approved by management",
  },
  ({ scope, scopeInterfaces }, finding) => {
    if (!scope || isBlank(scope.statement)) {
      return [finding({ type: "scope", id: null }, "There is no scope statement", 'Write one or two paragraphs on what the ISMS covers: isms scope set --statement "…"')];
    }
    const findings: ReadinessFinding[] = [];
    if (isBlank(scope.boundaries)) {
      const fix = 'Say where the ISMS ends and what is inherited or left out: isms scope set --boundaries "…"';
      findings.push(finding({ type: "scope", id: "scope" }, "The scope says nothing of its boundaries", fix));
    }
    if (!scope.approvedBy || !scope.approvedAt) {
      findings.push(finding({ type: "scope", id: "scope" }, "The scope has not been approved", "Have top management approve it: isms scope approve --by <person>"));
    }
    if (scopeInterfaces.length === 0) {
      findings.push(
        finding(
          { type: "scope_interface", id: null },
          "No interfaces or dependencies between the ISMS and the outside are recorded (4.3 c)",
          'Record the cloud provider, identity provider, customers and sub-processors: isms scope interfaces add --name "…" --kind "…"',
        ),
      );
    }
    return findings;
  },
);

export const contextRecorded = defineRule(
  {
    id: "S1-context-recorded",
    stage: "stage1",
    severity: "major",
    basis: "4.1, 4.2",
    title: "External and internal issues, and the interested parties with their requirements, are recorded",
  },
  ({ contextIssues, interestedParties }, finding) => {
    const findings: ReadinessFinding[] = [];
    for (const kind of ["external", "internal"] as const) {
      if (!contextIssues.some((i) => i.kind === kind)) {
        const fix = `Record the ${kind} issues that affect the ISMS's outcomes: isms scope issues add --kind ${kind} --description "…"`;
        findings.push(finding({ type: "context_issue", id: null }, `No ${kind} issue relevant to the ISMS is recorded (4.1)`, fix));
      }
    }
    if (interestedParties.length === 0) {
      const fix = 'Record customers, regulators, staff and suppliers: isms scope parties add --name "…" --requirements "…"';
      findings.push(finding({ type: "interested_party", id: null }, "No interested parties are recorded (4.2)", fix));
    }
    for (const party of interestedParties.filter((p) => isBlank(p.requirements))) {
      findings.push(
        finding(
          { type: "interested_party", id: party.id },
          `${party.id} (${party.name}) has no requirements recorded (4.2 b)`,
          `Say what they require of information security: isms scope parties edit ${party.id} --requirements "…"`,
        ),
      );
    }
    return findings;
  },
);

export const assetOwners = defineRule(
  {
    id: "S1-asset-owners",
    stage: "stage1",
    severity: "minor",
    basis: "A.5.9",
    title: "The asset inventory lists the assets in scope, each with an owner",
  },
  ({ assets }, finding) => {
    const inScope = assets.filter((a) => a.inScope);
    if (inScope.length === 0) {
      const fix = 'Add the AWS accounts, repositories, identity provider and laptops: isms assets add --name "…" --kind … --owner <person>';
      return [finding({ type: "asset", id: null }, "The asset inventory has no asset in scope", fix)];
    }
    return inScope
      .filter((a) => !a.owner)
      .map((a) => finding({ type: "asset", id: a.id }, `${a.id} (${a.name}) has no owner`, `Name the person accountable for it: isms assets edit ${a.id} --owner <person>`));
  },
);

/** A justification says why in a sentence; a word or two ("legacy", "not relevant") does not. */
function isJustified(reason: string): boolean {
  return !isBlank(reason) && reason.trim().split(/\s+/).length >= 3;
}

export const exclusionsJustified = defineRule(
  {
    id: "S1-exclusions-justified",
    stage: "stage1",
    severity: "minor",
    basis: "4.3",
    title: "Every exclusion from the scope says why it is excluded",
  },
  ({ exclusions }, finding) =>
    exclusions
      .filter((e) => !isJustified(e.reason))
      .map((e) =>
        finding(
          { type: "exclusion", id: e.id },
          `Exclusion ${e.id} (${e.subject}) is not justified${e.reason.trim() ? `: "${e.reason.trim()}"` : ""}`,
          `Say in a sentence why it lies outside the ISMS and how it connects to it: isms exclusions edit ${e.id} --reason "…"`,
        ),
      ),
);

export const contextRules: readonly ReadinessRule[] = [scopeApproved, contextRecorded, assetOwners, exclusionsJustified];
