// Evaluates the readiness rules over a snapshot: per audit stage, a score, the findings grouped by
// severity, and whether the audit would fail today.
import { isoDay } from "../domain/risk/index.js";
import { stages, type ReadinessFinding, type ReadinessRule, type Severity, type Stage } from "./rule.js";
import { readinessRules } from "./rules/index.js";
import type { WorkspaceSnapshot } from "./snapshot.js";

/**
 * How much a rule weighs in a stage's score, by severity: each step up doubles the weight.
 *
 *   score = round(100 × Σ weight(rules passing) / Σ weight(all rules of the stage))
 *
 * A rule passes when it has no finding; a rule with one finding counts as much as one with fifty.
 */
export const severityWeights: Readonly<Record<Severity, number>> = { "would-fail-stage1": 8, major: 4, minor: 2, observation: 1 };

/** A finding with what the report shows beside it: the rule's stage, severity, basis and title. */
export interface ReportedFinding extends ReadinessFinding {
  stage: Stage;
  severity: Severity;
  basis: string;
  ruleTitle: string;
}

export interface RuleOutcome {
  id: string;
  stage: Stage;
  severity: Severity;
  basis: string;
  title: string;
  passed: boolean;
  findings: number;
}

export interface StageReadiness {
  stage: Stage;
  /** 0–100, see `severityWeights`. */
  score: number;
  /**
   * Stage 1: any would-fail-stage1 finding. Stage 2 and surveillance: any would-fail-stage1 or major
   * finding (a major nonconformity withholds the certificate, or puts it at risk at surveillance).
   */
  wouldFail: boolean;
  rules: RuleOutcome[];
  /** Every finding of the stage's rules, worst severity first. */
  findings: Record<Severity, ReportedFinding[]>;
}

export interface ReadinessReport {
  workspace: string;
  /** "YYYY-MM-DD". */
  asOf: string;
  /** The stage asked for, or all three in order. */
  stages: StageReadiness[];
}

/** The rules an auditor applies at `stage`: its own and every earlier stage's (each audit re-examines what came before). */
export function rulesForStage(stage: Stage, rules: readonly ReadinessRule[] = readinessRules): ReadinessRule[] {
  const upTo = stages.indexOf(stage);
  return rules.filter((r) => stages.indexOf(r.stage) <= upTo);
}

export interface EvaluateOptions {
  stage?: Stage;
  /** The rules to apply; all of them by default. */
  rules?: readonly ReadinessRule[];
}

export function evaluateReadiness(snapshot: WorkspaceSnapshot, options: EvaluateOptions = {}): ReadinessReport {
  const rules = options.rules ?? readinessRules;
  const results = new Map<string, ReadinessFinding[]>();
  const findingsOf = (rule: ReadinessRule) => {
    let found = results.get(rule.id);
    if (!found) {
      found = rule.evaluate(snapshot);
      results.set(rule.id, found);
    }
    return found;
  };
  const asked = options.stage ? [options.stage] : [...stages];
  return {
    workspace: snapshot.workspace.slug,
    asOf: isoDay(snapshot.asOf),
    stages: asked.map((stage) => stageReadiness(stage, rulesForStage(stage, rules), findingsOf)),
  };
}

function stageReadiness(stage: Stage, rules: readonly ReadinessRule[], findingsOf: (rule: ReadinessRule) => ReadinessFinding[]): StageReadiness {
  const findings: Record<Severity, ReportedFinding[]> = { "would-fail-stage1": [], major: [], minor: [], observation: [] };
  let total = 0;
  let passing = 0;
  const outcomes = rules.map((rule): RuleOutcome => {
    const found = findingsOf(rule);
    const weight = severityWeights[rule.severity];
    total += weight;
    if (found.length === 0) passing += weight;
    findings[rule.severity].push(...found.map((f) => ({ ...f, stage: rule.stage, severity: rule.severity, basis: rule.basis, ruleTitle: rule.title })));
    return { id: rule.id, stage: rule.stage, severity: rule.severity, basis: rule.basis, title: rule.title, passed: found.length === 0, findings: found.length };
  });
  const blocking = stage === "stage1" ? findings["would-fail-stage1"].length : findings["would-fail-stage1"].length + findings.major.length;
  return { stage, score: total === 0 ? 100 : Math.round((100 * passing) / total), wouldFail: blocking > 0, rules: outcomes, findings };
}
