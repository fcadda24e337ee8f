// AWS Organizations over awsJson1_1, read from the scenario's organization: the organization,
// accounts, root, OUs and service control policies with their targets.
import { accessDenied } from "../../aws-errors.js";
import { jsonService } from "../../json-service.js";
import { paginate } from "../../paginate.js";
import { numberParam, requiredString, stringParam } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import type { OrganizationalUnit, Scenario } from "../../scenario.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";

const orgArn = (s: Scenario, kind: string, id: string): string =>
  `arn:aws:organizations::${s.organization.managementAccount}:${kind}/${s.organization.id}/${id}`;

/** Listing the organization is for the management account (AWS also allows delegated administrators). */
function managementOnly(req: SimRequest, ctx: SimContext): void {
  if (req.accountId !== ctx.scenario.organization.managementAccount)
    throw accessDenied("awsJson1_1", "You don't have permissions to access this resource.");
}

/** Organizations pages: NextToken/MaxResults, at most 20 per page. */
const page = <T>(req: SimRequest, items: readonly T[]): { items: T[]; NextToken: string | undefined } => {
  const { items: slice, next } = paginate(items, stringParam(req.params, "NextToken"), numberParam(req.params, "MaxResults"), 20, { maxSize: 20, invalidCode: "InvalidInputException" });
  return { items: slice, NextToken: next };
};

function allOus(ous: OrganizationalUnit[], parent: string, out: { ou: OrganizationalUnit; parent: string }[] = []): { ou: OrganizationalUnit; parent: string }[] {
  for (const ou of ous) {
    out.push({ ou, parent });
    allOus(ou.children, ou.id, out);
  }
  return out;
}

const accountOut = (s: Scenario, a: Scenario["accounts"][number]): Record<string, unknown> => ({
  Id: a.id, Arn: orgArn(s, "account", a.id), Email: a.email, Name: a.name, Status: a.status, State: a.status,
  JoinedMethod: a.id === s.organization.managementAccount ? "CREATED" : "INVITED", JoinedTimestamp: epochSeconds(a.joined),
});

const policySummary = (s: Scenario, p: Scenario["serviceControlPolicies"][number]): Record<string, unknown> => ({
  Id: p.id, Arn: `arn:aws:organizations::${s.organization.managementAccount}:policy/${s.organization.id}/service_control_policy/${p.id}`,
  Name: p.name, Description: p.description, Type: "SERVICE_CONTROL_POLICY", AwsManaged: false,
});

function targetOut(s: Scenario, id: string): Record<string, unknown> {
  if (id === s.organization.root) return { TargetId: id, Arn: orgArn(s, "root", id), Name: "Root", Type: "ROOT" };
  const account = s.accounts.find((a) => a.id === id);
  if (account) return { TargetId: id, Arn: orgArn(s, "account", id), Name: account.name, Type: "ACCOUNT" };
  const ou = allOus(s.organization.organizationalUnits, s.organization.root).find((o) => o.ou.id === id);
  return { TargetId: id, Arn: orgArn(s, "ou", id), Name: ou?.ou.name ?? id, Type: "ORGANIZATIONAL_UNIT" };
}

function requireScp(req: SimRequest): void {
  const filter = requiredString(req.params, "Filter", "InvalidInputException");
  if (filter !== "SERVICE_CONTROL_POLICY") throw new SimError("InvalidInputException", `Only SERVICE_CONTROL_POLICY is simulated, not ${filter}`, 400);
}

export const organizationsHandler: ServiceHandler = jsonService("organizations", {
  DescribeOrganization: (_req, { scenario: s }) => {
    const mgmt = s.accounts.find((a) => a.id === s.organization.managementAccount);
    return {
      Organization: {
        Id: s.organization.id, Arn: `arn:aws:organizations::${s.organization.managementAccount}:organization/${s.organization.id}`,
        FeatureSet: "ALL", MasterAccountArn: orgArn(s, "account", s.organization.managementAccount),
        MasterAccountId: s.organization.managementAccount, MasterAccountEmail: mgmt?.email,
        AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
      },
    };
  },
  ListAccounts: (req, ctx) => {
    managementOnly(req, ctx);
    const { items, NextToken } = page(req, ctx.scenario.accounts);
    return { Accounts: items.map((a) => accountOut(ctx.scenario, a)), NextToken };
  },
  ListRoots: (req, ctx) => {
    managementOnly(req, ctx);
    const s = ctx.scenario;
    return { Roots: [{ Id: s.organization.root, Arn: orgArn(s, "root", s.organization.root), Name: "Root", PolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }] }] };
  },
  ListOrganizationalUnitsForParent: (req, ctx) => {
    managementOnly(req, ctx);
    const parent = requiredString(req.params, "ParentId", "InvalidInputException");
    const children = allOus(ctx.scenario.organization.organizationalUnits, ctx.scenario.organization.root).filter((o) => o.parent === parent);
    const { items, NextToken } = page(req, children);
    return { OrganizationalUnits: items.map(({ ou }) => ({ Id: ou.id, Arn: orgArn(ctx.scenario, "ou", ou.id), Name: ou.name })), NextToken };
  },
  ListAccountsForParent: (req, ctx) => {
    managementOnly(req, ctx);
    const parent = requiredString(req.params, "ParentId", "InvalidInputException");
    const { items, NextToken } = page(req, ctx.scenario.accounts.filter((a) => a.parent === parent));
    return { Accounts: items.map((a) => accountOut(ctx.scenario, a)), NextToken };
  },
  ListPolicies: (req, ctx) => {
    managementOnly(req, ctx);
    requireScp(req);
    const { items, NextToken } = page(req, ctx.scenario.serviceControlPolicies);
    return { Policies: items.map((p) => policySummary(ctx.scenario, p)), NextToken };
  },
  DescribePolicy: (req, ctx) => {
    managementOnly(req, ctx);
    const id = requiredString(req.params, "PolicyId", "InvalidInputException");
    const p = ctx.scenario.serviceControlPolicies.find((x) => x.id === id);
    if (!p) throw new SimError("PolicyNotFoundException", `We can't find a policy with the PolicyId that you specified.`, 400);
    const content = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: p.denyServices.map((svc) => `${svc}:*`), Resource: "*" }] };
    return { Policy: { PolicySummary: policySummary(ctx.scenario, p), Content: JSON.stringify(content) } };
  },
  ListTargetsForPolicy: (req, ctx) => {
    managementOnly(req, ctx);
    const id = requiredString(req.params, "PolicyId", "InvalidInputException");
    const p = ctx.scenario.serviceControlPolicies.find((x) => x.id === id);
    if (!p) throw new SimError("PolicyNotFoundException", `We can't find a policy with the PolicyId that you specified.`, 400);
    const { items, NextToken } = page(req, p.targets);
    return { Targets: items.map((t) => targetOut(ctx.scenario, t)), NextToken };
  },
  ListPoliciesForTarget: (req, ctx) => {
    managementOnly(req, ctx);
    requireScp(req);
    const target = requiredString(req.params, "TargetId", "InvalidInputException");
    const { items, NextToken } = page(req, ctx.scenario.serviceControlPolicies.filter((p) => p.targets.includes(target)));
    return { Policies: items.map((p) => policySummary(ctx.scenario, p)), NextToken };
  },
});

export const handlers: ServiceHandler[] = [organizationsHandler];
