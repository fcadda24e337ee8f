// Scenario files: the simulated organization (accounts, OUs, SCPs, regions, identities, faults) and
// each account's state, validated with zod; errors name the file and the field.
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { registeredStates, stateSchemaFor } from "./state.js";
import type { StateScope } from "./state.js";

const accountId = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{12}$/, "an account id is 12 digits (quote it in YAML)"));

export const defaultRegions = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
  "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
  "ap-southeast-2", "ap-south-1", "sa-east-1",
];
/** Regions AWS launched after March 2019: disabled until the account opts in. */
export const optInRegions = [
  "af-south-1", "ap-east-1", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ca-west-1",
  "eu-south-1", "eu-south-2", "eu-central-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
];

export interface OrganizationalUnit {
  id: string;
  name: string;
  children: OrganizationalUnit[];
}
const organizationalUnit: z.ZodType<OrganizationalUnit> = z.lazy(() =>
  z.object({ id: z.string().min(1), name: z.string().min(1), children: z.array(organizationalUnit).default([]) }),
);

const accountState = z
  .object({
    /** service name → that service's region-less state (e.g. iam). */
    global: z.record(z.string(), z.unknown()).default({}),
    /** region → service name → that service's state in the region (e.g. kms, cloudtrail). */
    regions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  })
  .default({ global: {}, regions: {} });

const account = z.object({
  id: accountId,
  name: z.string().min(1),
  email: z.string().email(),
  /** The parent: an OU id, or the root id. */
  parent: z.string().min(1),
  status: z.enum(["ACTIVE", "SUSPENDED", "PENDING_CLOSURE"]).default("ACTIVE"),
  joined: z.string().default("2023-01-15T09:00:00Z"),
  /** Opt-in regions this account has enabled (the default regions are always enabled). */
  optInRegions: z.array(z.string()).default([]),
  state: accountState,
});

const serviceControlPolicy = z.object({
  id: z.string().regex(/^p-[0-9a-z_]{8,128}$/, "an SCP id looks like p-abcd1234"),
  name: z.string().min(1),
  description: z.string().default(""),
  /** Service prefixes (SigV4 signing names) the policy denies, e.g. [guardduty, macie2]. */
  denyServices: z.array(z.string()).default([]),
  /** Root id, OU ids or account ids the policy is attached to. */
  targets: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
});

const identity = z.object({
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, "an access key id is upper-case letters and digits"),
  secretAccessKey: z.string().min(1),
  account: accountId,
  /** The principal's ARN, e.g. arn:aws:iam::111111111111:user/auditor. */
  principal: z.string().startsWith("arn:aws:"),
});

export const scenarioSchema = z.object({
  name: z.string().default("scenario"),
  organization: z.object({
    id: z.string().regex(/^o-[a-z0-9]{10,32}$/, "an organization id looks like o-abcdef1234"),
    managementAccount: accountId,
    root: z.string().regex(/^r-[0-9a-z]{4,32}$/, "a root id looks like r-ab12"),
    organizationalUnits: z.array(organizationalUnit).default([]),
  }),
  regions: z
    .object({ default: z.array(z.string()).default(defaultRegions), optIn: z.array(z.string()).default(optInRegions) })
    .default({ default: defaultRegions, optIn: optInRegions }),
  accounts: z.array(account).min(1),
  serviceControlPolicies: z.array(serviceControlPolicy).default([]),
  identities: z.array(identity).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Account = Scenario["accounts"][number];
export type ServiceControlPolicy = Scenario["serviceControlPolicies"][number];

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioError";
  }
}

const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");

function stateIssues(scenario: Scenario): string[] {
  const issues: string[] = [];
  const check = (scope: StateScope, service: string, value: unknown, where: string): void => {
    const schema = stateSchemaFor(service, scope);
    if (!schema) {
      issues.push(`${where}: no simulated service keeps ${scope} state named "${service}" (known: ${registeredStates(scope).join(", ")})`);
      return;
    }
    const result = schema.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) issues.push(`${fieldPath([where, ...issue.path])}: ${issue.message}`);
  };
  scenario.accounts.forEach((acct, i) => {
    for (const [service, value] of Object.entries(acct.state.global)) check("global", service, value, `accounts[${i}].state.global.${service}`);
    for (const [region, services] of Object.entries(acct.state.regions))
      for (const [service, value] of Object.entries(services)) check("regional", service, value, `accounts[${i}].state.regions.${region}.${service}`);
  });
  return issues;
}

function referenceIssues(scenario: Scenario): string[] {
  const issues: string[] = [];
  const ouIds = new Set<string>();
  const walk = (ous: OrganizationalUnit[]): void => ous.forEach((ou) => (ouIds.add(ou.id), walk(ou.children)));
  walk(scenario.organization.organizationalUnits);
  const accountIds = new Set(scenario.accounts.map((a) => a.id));
  if (!accountIds.has(scenario.organization.managementAccount))
    issues.push("organization.managementAccount: not one of the accounts");
  scenario.accounts.forEach((a, i) => {
    if (a.parent !== scenario.organization.root && !ouIds.has(a.parent)) issues.push(`accounts[${i}].parent: "${a.parent}" is neither the root nor an OU id`);
  });
  scenario.identities.forEach((id, i) => {
    if (!accountIds.has(id.account)) issues.push(`identities[${i}].account: "${id.account}" is not one of the accounts`);
  });
  scenario.serviceControlPolicies.forEach((p, i) =>
    p.targets.forEach((t, j) => {
      if (t !== scenario.organization.root && !ouIds.has(t) && !accountIds.has(t))
        issues.push(`serviceControlPolicies[${i}].targets[${j}]: "${t}" is not the root, an OU or an account`);
    }),
  );
  return issues;
}

/** Validates a parsed scenario; `source` names the file in errors. Service state is checked against the registered schemas. */
export function parseScenario(input: unknown, source = "scenario"): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${source}: ${fieldPath(issue.path) || "(top level)"}: ${issue.message}`);
    throw new ScenarioError(lines.join("\n"));
  }
  const issues = [...referenceIssues(result.data), ...stateIssues(result.data)];
  if (issues.length > 0) throw new ScenarioError(issues.map((line) => `${source}: ${line}`).join("\n"));
  return result.data;
}

export async function readScenarioFile(file: string): Promise<Scenario> {
  const { loadServiceModules } = await import("./services/index.js");
  await loadServiceModules();
  let data: unknown;
  try {
    data = parseYaml(await readFile(file, "utf8"));
  } catch (error) {
    throw new ScenarioError(`${file}: cannot read the scenario: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseScenario(data, file);
}
