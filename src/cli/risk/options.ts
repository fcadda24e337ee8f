// Turning `isms risk` flags into risk fields: ratings ("financial=4,legal=3"), lists, people, dates.
import type { Command } from "commander";
import type { PersonDirectory } from "../../app/people.js";
import type { RiskInput } from "../../app/risks.js";
import { riskDecisions, riskStatuses } from "../../domain/risk/index.js";
import { UsageError } from "../usage.js";

export interface RiskFlags {
  title?: string;
  description?: string;
  category?: string;
  assets?: string;
  threat?: string;
  vulnerability?: string;
  owner?: string;
  cia?: string;
  likelihood?: string;
  impact?: string;
  impacts?: string;
  residualLikelihood?: string;
  residualImpact?: string;
  residualImpacts?: string;
  decision?: string;
  controls?: string;
  awsServices?: string;
  status?: string;
  nextReview?: string;
}

export function addRatingOptions(command: Command): Command {
  return command
    .option("--likelihood <n>", "likelihood level")
    .option("--impact <n>", "impact level (a methodology with one impact scale)")
    .option("--impacts <pairs>", 'impact per criterion: "financial=4,legal=3" (their maximum is the impact)')
    .option("--residual-likelihood <n>", "likelihood once the controls operate")
    .option("--residual-impact <n>", "impact once the controls operate")
    .option("--residual-impacts <pairs>", 'residual impact per criterion: "financial=2,legal=2"');
}

export function addRiskFieldOptions(command: Command): Command {
  return addRatingOptions(
    command
      .option("--title <text>", "a short name for the risk")
      .option("--description <text>", "the scenario: what could happen and how")
      .option("--category <text>", "identity and access, data protection, availability, application security, personnel, third party, or your own")
      .option("--assets <ids>", "the assets at risk, comma-separated ids (A-002,A-006)")
      .option("--threat <text>", "the threat")
      .option("--vulnerability <text>", "the weakness the threat exploits")
      .option("--owner <person>", "the risk owner (a person's id or name)")
      .option("--cia <letters>", "which properties it harms: any of C, I, A (e.g. CI)"),
  )
    .option("--decision <decision>", `the treatment decision: ${riskDecisions.join(", ")}`)
    .option("--controls <ids>", "controls that treat it, comma-separated (Annex A ids like 8.24, or your own)")
    .option("--aws-services <names>", "AWS services involved, comma-separated")
    .option("--status <status>", `the risk's status: ${riskStatuses.join(", ")}`)
    .option("--next-review <date>", "when it is next reviewed, YYYY-MM-DD");
}

function level(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag}: "${text}" is not a level (a whole number such as 3)`);
  return Number(text);
}

function levels(flag: string, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of text.split(",")) {
    const [criterion, value] = pair.split("=").map((s) => s.trim());
    if (!criterion || !value) throw new UsageError(`${flag}: write criterion=level pairs, e.g. "financial=4,legal=3"`);
    out[criterion] = level(flag, value);
  }
  return out;
}

const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

/** The ratings among the flags. */
export function ratingsFrom(flags: RiskFlags): Pick<RiskInput, "likelihood" | "impact" | "impacts" | "residualLikelihood" | "residualImpact" | "residualImpacts"> {
  const out: ReturnType<typeof ratingsFrom> = {};
  if (flags.likelihood !== undefined) out.likelihood = level("--likelihood", flags.likelihood);
  if (flags.impact !== undefined) {
    out.impact = level("--impact", flags.impact);
    out.impacts = {};
  }
  if (flags.impacts !== undefined) out.impacts = levels("--impacts", flags.impacts);
  if (flags.residualLikelihood !== undefined) out.residualLikelihood = level("--residual-likelihood", flags.residualLikelihood);
  if (flags.residualImpact !== undefined) {
    out.residualImpact = level("--residual-impact", flags.residualImpact);
    out.residualImpacts = {};
  }
  if (flags.residualImpacts !== undefined) out.residualImpacts = levels("--residual-impacts", flags.residualImpacts);
  return out;
}

/** Every risk field among the flags; people are resolved through the workspace's directory. */
export function riskInputFrom(flags: RiskFlags, people: PersonDirectory): RiskInput {
  const input: RiskInput = { ...ratingsFrom(flags) };
  if (flags.title !== undefined) input.title = flags.title;
  if (flags.description !== undefined) input.description = flags.description;
  if (flags.category !== undefined) input.category = flags.category;
  if (flags.assets !== undefined) input.assetIds = list(flags.assets);
  if (flags.threat !== undefined) input.threat = flags.threat;
  if (flags.vulnerability !== undefined) input.vulnerability = flags.vulnerability;
  if (flags.owner !== undefined) input.owner = people.get(flags.owner, "--owner");
  if (flags.cia !== undefined) {
    const letters = flags.cia.toUpperCase();
    if (!/^[CIA]*$/.test(letters)) throw new UsageError(`--cia: "${flags.cia}" may hold only the letters C, I and A`);
    input.confidentiality = letters.includes("C");
    input.integrity = letters.includes("I");
    input.availability = letters.includes("A");
  }
  if (flags.decision !== undefined) {
    const decision = riskDecisions.find((d) => d === flags.decision);
    if (!decision) throw new UsageError(`--decision: "${flags.decision}" is not one of ${riskDecisions.join(", ")}`);
    input.decision = decision;
  }
  if (flags.controls !== undefined) input.controlIds = list(flags.controls).map((c) => c.replace(/^A\.?\s*/i, ""));
  if (flags.awsServices !== undefined) input.awsServices = list(flags.awsServices);
  if (flags.status !== undefined) {
    const status = riskStatuses.find((s) => s === flags.status);
    if (!status) throw new UsageError(`--status: "${flags.status}" is not one of ${riskStatuses.join(", ")}`);
    input.status = status;
  }
  if (flags.nextReview !== undefined) input.nextReview = flags.nextReview;
  return input;
}
