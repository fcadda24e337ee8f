// STS over awsQuery: GetCallerIdentity and AssumeRole into a role whose trust lists the caller's
// account; the credentials it issues are registered in the running simulator.
import { unknownOperation } from "../../aws-errors.js";
import { stableId } from "../../ids.js";
import { numberParam, requiredString } from "../../params.js";
import { querySuccess } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import type { XmlValue } from "../../xml.js";
import { iamState } from "../iam/state.js";

const namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

function callerUserId(req: SimRequest): string {
  const role = /^arn:aws:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/.exec(req.principalArn);
  if (role?.[1] && role[2]) return `${stableId("AROA", `${req.accountId}/${role[1]}`)}:${role[2]}`;
  if (req.principalArn.endsWith(":root")) return req.accountId;
  return stableId("AIDA", `${req.accountId}/${req.principalArn.slice(req.principalArn.lastIndexOf("/") + 1)}`);
}

function assumeRole(req: SimRequest, ctx: SimContext): { [key: string]: XmlValue } {
  const roleArn = requiredString(req.params, "RoleArn");
  const session = requiredString(req.params, "RoleSessionName");
  const duration = numberParam(req.params, "DurationSeconds") ?? 3600;
  const denied = new SimError("AccessDenied", `User: ${req.principalArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  if (!match?.[1] || !match[2]) throw new SimError("ValidationError", `${roleArn} is invalid`, 400);
  const [, accountId, roleName] = match;
  if (!ctx.scenario.accounts.some((a) => a.id === accountId)) throw denied;
  const role = ctx.globalState("iam", iamState, accountId).roles.find((r) => r.name === roleName);
  if (!role || !role.trustedAccounts.includes(req.accountId)) throw denied;
  if (duration < 900 || duration > role.maxSessionDuration)
    throw new SimError("ValidationError", `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`, 400);
  const principal = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${session}`;
  const issued = ctx.issueCredentials(accountId, principal, duration);
  return {
    Credentials: { AccessKeyId: issued.accessKeyId, SecretAccessKey: issued.secretAccessKey, SessionToken: issued.sessionToken, Expiration: issued.expiration },
    AssumedRoleUser: { AssumedRoleId: `${stableId("AROA", `${accountId}/${roleName}`)}:${session}`, Arn: principal },
  };
}

export const stsHandler: ServiceHandler = {
  service: "sts",
  protocol: "awsQuery",
  handle(req, ctx) {
    if (req.operation === "GetCallerIdentity")
      return querySuccess(req.operation, namespace, { UserId: callerUserId(req), Account: req.accountId, Arn: req.principalArn }, ctx.requestId);
    if (req.operation === "AssumeRole") return querySuccess(req.operation, namespace, assumeRole(req, ctx), ctx.requestId);
    throw unknownOperation("awsQuery", "sts", req.operation);
  },
};

export const handlers: ServiceHandler[] = [stsHandler];
