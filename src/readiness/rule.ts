// What a readiness rule is: a requirement an auditor checks at one audit stage, how bad it is when it
// fails, and the findings it produces over a workspace snapshot.
import type { WorkspaceSnapshot } from "./snapshot.js";

/** The audit a rule belongs to; later stages re-examine everything earlier ones did. */
export const stages = ["stage1", "stage2", "surveillance"] as const;
export type Stage = (typeof stages)[number];

/**
 * How an auditor would grade a failure, worst first: it would stop the Stage 1 audit (the ISMS is not
 * ready for Stage 2), a likely major nonconformity, a likely minor nonconformity, an observation.
 */
export const severities = ["would-fail-stage1", "major", "minor", "observation"] as const;
export type Severity = (typeof severities)[number];

/** What a finding points at: a register's entry, or the register as a whole (`id` null) when something is missing. */
export interface FindingEntity {
  type: string;
  id: string | null;
}

export interface ReadinessFinding {
  ruleId: string;
  /** What is wrong. */
  message: string;
  /** How to fix it, naming the isms command where there is one. */
  fix: string;
  entity: FindingEntity;
}

export interface ReadinessRule {
  /** Stable: "S1-scope-approved", "S2-training-current", "SV-activities-on-schedule". */
  id: string;
  stage: Stage;
  severity: Severity;
  /** The clause ("4.3", "9.3.2") or Annex A control ("A.8.13") the rule rests on. */
  basis: string;
  /** The requirement in a sentence. */
  title: string;
  evaluate(snapshot: WorkspaceSnapshot): ReadinessFinding[];
}

/** Makes a finding of the rule being evaluated: what it points at, what is wrong, how to fix it. */
export type FindingMaker = (entity: FindingEntity, message: string, fix: string) => ReadinessFinding;

/** A rule whose `evaluate` gets a finding-maker bound to the rule's id. */
export function defineRule(
  meta: Omit<ReadinessRule, "evaluate">,
  evaluate: (snapshot: WorkspaceSnapshot, finding: FindingMaker) => ReadinessFinding[],
): ReadinessRule {
  const finding: FindingMaker = (entity, message, fix) => ({ ruleId: meta.id, message, fix, entity });
  return { ...meta, evaluate: (snapshot) => evaluate(snapshot, finding) };
}

/** "edit isms/documents.yaml": how to change a register that has no command of its own yet. */
export function viaRegisterFile(register: string): string {
  return `isms export --dir isms/, edit isms/${register}.yaml, then isms import --dir isms/ --replace`;
}
