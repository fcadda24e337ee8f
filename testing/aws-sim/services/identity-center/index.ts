// IAM Identity Center: SSO Admin (awsJson1_1, "sso") and Identity Store (awsJson1_1,
// "identitystore"), both read from state.regions.<home region>.sso of the account that owns the instance.
import { z } from "zod";
import { stableId } from "../../ids.js";
import { jsonService } from "../../json-service.js";
import { jsonPage } from "../../paginate.js";
import { requiredString, stringParam } from "../../params.js";
import { epochSeconds } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import { registerServiceState } from "../../state.js";

export const ssoState = z.object({
  instance: z.object({ name: z.string().default("acme"), id: z.string().default("ssoins-0000000000000001"), identityStoreId: z.string().default("d-0000000001") }).optional(),
  permissionSets: z.array(z.object({ name: z.string(), sessionDuration: z.string().default("PT8H"), created: z.string().default("2023-01-15T09:00:00Z"), managedPolicies: z.array(z.string()).default([]) })).default([]),
  users: z.array(z.object({ userName: z.string(), displayName: z.string().optional(), email: z.string().optional() })).default([]),
  groups: z.array(z.object({ name: z.string(), members: z.array(z.string()).default([]) })).default([]),
  /** Who gets which permission set in which account; principal is a user name or group name. */
  assignments: z.array(z.object({ account: z.union([z.string(), z.number()]).transform(String), permissionSet: z.string(), principal: z.string(), principalType: z.enum(["USER", "GROUP"]).default("GROUP") })).default([]),
});
registerServiceState("sso", "regional", ssoState);

type SsoState = z.infer<typeof ssoState>;
type Instance = NonNullable<SsoState["instance"]>;

const psArn = (inst: Instance, name: string): string => `arn:aws:sso:::permissionSet/${inst.id}/${stableId("ps-", `${inst.id}/${name}`, 16).toLowerCase()}`;
const userId = (inst: Instance, name: string): string => stableId("", `${inst.identityStoreId}/user/${name}`, 10).toLowerCase();
const groupId = (inst: Instance, name: string): string => stableId("", `${inst.identityStoreId}/group/${name}`, 10).toLowerCase();

function instanceOf(ctx: SimContext): { state: SsoState; inst: Instance } | undefined {
  const state = ctx.regionalState("sso", ssoState);
  return state.instance ? { state, inst: state.instance } : undefined;
}
function requireInstance(req: SimRequest, ctx: SimContext, field: "InstanceArn" | "IdentityStoreId"): { state: SsoState; inst: Instance } {
  const wanted = requiredString(req.params, field, "ValidationException");
  const found = instanceOf(ctx);
  const matches = found && (field === "InstanceArn" ? `arn:aws:sso:::instance/${found.inst.id}` === wanted : found.inst.identityStoreId === wanted);
  if (!found || !matches) throw new SimError("ResourceNotFoundException", `${field} ${wanted} does not exist`, 400);
  return found;
}
const page = <T>(req: SimRequest, items: readonly T[]) => jsonPage(req.params, items, { size: 100, invalidCode: "ValidationException" });

export const ssoAdminHandler: ServiceHandler = jsonService("sso", {
  ListInstances: (_req, ctx) => {
    const found = instanceOf(ctx);
    const instances = found
      ? [{ InstanceArn: `arn:aws:sso:::instance/${found.inst.id}`, IdentityStoreId: found.inst.identityStoreId, OwnerAccountId: ctx.account.id, Name: found.inst.name, Status: "ACTIVE" }]
      : [];
    return { Instances: instances };
  },
  ListPermissionSets: (req, ctx) => {
    const { state, inst } = requireInstance(req, ctx, "InstanceArn");
    const { items, next } = page(req, state.permissionSets);
    return { PermissionSets: items.map((p) => psArn(inst, p.name)), NextToken: next };
  },
  DescribePermissionSet: (req, ctx) => {
    const { state, inst } = requireInstance(req, ctx, "InstanceArn");
    const arn = requiredString(req.params, "PermissionSetArn", "ValidationException");
    const p = state.permissionSets.find((x) => psArn(inst, x.name) === arn);
    if (!p) throw new SimError("ResourceNotFoundException", `PermissionSet ${arn} does not exist`, 400);
    return { PermissionSet: { Name: p.name, PermissionSetArn: arn, SessionDuration: p.sessionDuration, CreatedDate: epochSeconds(p.created) } };
  },
  ListAccountAssignments: (req, ctx) => {
    const { state, inst } = requireInstance(req, ctx, "InstanceArn");
    const account = requiredString(req.params, "AccountId", "ValidationException");
    const arn = requiredString(req.params, "PermissionSetArn", "ValidationException");
    const rows = state.assignments.filter((a) => a.account === account && psArn(inst, a.permissionSet) === arn);
    const { items, next } = page(req, rows);
    return {
      AccountAssignments: items.map((a) => ({
        AccountId: a.account, PermissionSetArn: arn, PrincipalType: a.principalType,
        PrincipalId: a.principalType === "USER" ? userId(inst, a.principal) : groupId(inst, a.principal),
      })),
      NextToken: next,
    };
  },
});

export const identityStoreHandler: ServiceHandler = jsonService("identitystore", {
  ListUsers: (req, ctx) => {
    const { state, inst } = requireInstance(req, ctx, "IdentityStoreId");
    const { items, next } = page(req, state.users);
    return {
      Users: items.map((u) => ({
        IdentityStoreId: inst.identityStoreId, UserId: userId(inst, u.userName), UserName: u.userName, DisplayName: u.displayName,
        Emails: u.email ? [{ Value: u.email, Type: "work", Primary: true }] : [],
      })),
      NextToken: next,
    };
  },
  ListGroups: (req, ctx) => {
    const { state, inst } = requireInstance(req, ctx, "IdentityStoreId");
    const { items, next } = page(req, state.groups);
    return { Groups: items.map((g) => ({ IdentityStoreId: inst.identityStoreId, GroupId: groupId(inst, g.name), DisplayName: g.name })), NextToken: next };
  },
  ListGroupMemberships: (req, ctx) => {
    const { state, inst } = requireInstance(req, ctx, "IdentityStoreId");
    const wanted = stringParam(req.params, "GroupId");
    const group = state.groups.find((g) => groupId(inst, g.name) === wanted);
    if (!group) throw new SimError("ResourceNotFoundException", `GROUP ${wanted ?? ""} does not exist`, 400);
    const { items, next } = page(req, group.members);
    return {
      GroupMemberships: items.map((m) => ({
        IdentityStoreId: inst.identityStoreId, MembershipId: stableId("", `${group.name}/${m}`, 12).toLowerCase(), GroupId: groupId(inst, group.name),
        MemberId: { UserId: userId(inst, m) },
      })),
      NextToken: next,
    };
  },
});

export const handlers: ServiceHandler[] = [ssoAdminHandler, identityStoreHandler];
