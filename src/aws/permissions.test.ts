import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  collectorOperations,
  collectorPolicy,
  iamActionsFor,
  knownPrefixes,
  managementPolicy,
  neverGranted,
  policyFiles,
  requiredActions,
  securityAudit,
  securityAuditGrants,
  supplementPolicy,
  UnmappedOperationError,
} from "./permissions.js";
import type { PolicyDocument } from "./permissions.js";

const deployDir = new URL("../../deploy/aws/", import.meta.url);
const readDeployed = (name: string): Promise<string> => readFile(new URL(name, deployDir), "utf8");
const actionsOf = (policy: PolicyDocument): string[] => policy.Statement.flatMap((s) => s.Action);

describe("the IAM action of each collected operation", () => {
  it("is known for every operation the collectors in src/aws/collectors/ define", async () => {
    const operations = await collectorOperations();
    // Discovery must have found the collectors, or this test would pass on nothing.
    expect(operations).toEqual(expect.arrayContaining([{ service: "iam", operation: "ListUsers" }, { service: "s3", operation: "ListBuckets" }, { service: "kms", operation: "ListKeys" }]));
    const unmapped = operations.filter((op) => iamActionsFor(op) === undefined).map((op) => `${op.service} ${op.operation}`);
    expect(unmapped, "add these to serviceActions in src/aws/permissions.ts, then run `npm run aws:policy`").toEqual([]);
  });

  it("follows AWS's own name where it differs from the API operation", () => {
    expect(iamActionsFor({ service: "s3", operation: "ListBuckets" })).toEqual(["s3:ListAllMyBuckets"]);
    expect(iamActionsFor({ service: "s3", operation: "GetPublicAccessBlock" })).toEqual(["s3:GetBucketPublicAccessBlock"]);
    expect(iamActionsFor({ service: "s3", operation: "GetBucketEncryption" })).toEqual(["s3:GetEncryptionConfiguration"]);
    expect(iamActionsFor({ service: "s3", operation: "GetBucketLifecycleConfiguration" })).toEqual(["s3:GetLifecycleConfiguration"]);
    expect(iamActionsFor({ service: "s3", operation: "GetAccountPublicAccessBlock" })).toEqual(["s3:GetAccountPublicAccessBlock"]);
    expect(iamActionsFor({ service: "monitoring", operation: "DescribeAlarms" })).toEqual(["cloudwatch:DescribeAlarms"]);
    expect(iamActionsFor({ service: "access-analyzer", operation: "ListFindingsV2" })).toEqual(["access-analyzer:ListFindings"]);
    expect(iamActionsFor({ service: "sso", operation: "ListInstances" })).toEqual(["sso:ListInstances"]);
  });

  it("is none for GetCallerIdentity, which AWS answers without a permission", () => {
    expect(iamActionsFor({ service: "sts", operation: "GetCallerIdentity" })).toEqual([]);
  });

  it("is unknown for an operation nobody has checked, and building a policy then fails naming it and the fix", () => {
    const unchecked = { service: "iam", operation: "ListSomethingNew" };
    expect(iamActionsFor(unchecked)).toBeUndefined();
    expect(iamActionsFor({ service: "s3", operation: "constructor" })).toBeUndefined();
    expect(iamActionsFor({ service: "toString", operation: "ListUsers" })).toBeUndefined();
    expect(() => requiredActions([{ service: "iam", operation: "ListUsers" }, unchecked])).toThrow(UnmappedOperationError);
    expect(() => requiredActions([unchecked])).toThrow(/iam ListSomethingNew.*npm run aws:policy/);
  });

  it("is never one that reads secret values or stored data", async () => {
    expect(iamActionsFor({ service: "secretsmanager", operation: "GetSecretValue" })).toBeUndefined();
    expect(iamActionsFor({ service: "secretsmanager", operation: "BatchGetSecretValue" })).toBeUndefined();
    const complete = actionsOf(collectorPolicy(await collectorOperations()));
    expect(complete.filter((action) => neverGranted.includes(action))).toEqual([]);
  });
});

describe("the policies", () => {
  it("group one statement per service, sorted, with no wildcard in any action", () => {
    const policy = collectorPolicy([
      { service: "s3", operation: "ListBuckets" },
      { service: "iam", operation: "ListUsers" },
      { service: "iam", operation: "GetAccountSummary" },
      { service: "monitoring", operation: "DescribeAlarms" },
      { service: "iam", operation: "ListUsers" },
    ]);
    expect(policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ReadCloudwatch", Effect: "Allow", Action: ["cloudwatch:DescribeAlarms"], Resource: "*" },
        { Sid: "ReadIam", Effect: "Allow", Action: ["iam:GetAccountSummary", "iam:ListUsers"], Resource: "*" },
        { Sid: "ReadS3", Effect: "Allow", Action: ["s3:ListAllMyBuckets"], Resource: "*" },
      ],
    });
  });

  it("leave out of the supplement exactly what SecurityAudit grants", async () => {
    const operations = await collectorOperations();
    const complete = actionsOf(collectorPolicy(operations));
    const supplement = actionsOf(supplementPolicy(operations));
    expect(supplement.filter(securityAuditGrants)).toEqual([]);
    expect(complete.filter((action) => !securityAuditGrants(action))).toEqual(supplement);
  });

  it("fit AWS's size limits: 6,144 characters for a managed policy, 10,240 for a role's inline policies", async () => {
    const operations = await collectorOperations();
    expect(JSON.stringify(collectorPolicy(operations)).length).toBeLessThanOrEqual(6144);
    expect(JSON.stringify(supplementPolicy(operations)).length).toBeLessThanOrEqual(10240);
  });

  it("let the collector's own identity list the organization's accounts and assume only the named member role", () => {
    const policy = managementPolicy("AuditReader");
    expect(policy.Statement).toContainEqual({ Sid: "AssumeMemberRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: "arn:aws:iam::*:role/AuditReader" });
    expect(actionsOf(policy).sort()).toEqual(["organizations:ListAccounts", "sts:AssumeRole"]);
  });
});

describe("what SecurityAudit grants", () => {
  it("matches IAM's wildcards, ignoring case", () => {
    expect(securityAuditGrants("s3:GetBucketPublicAccessBlock")).toBe(true);
    expect(securityAuditGrants("IAM:listusers")).toBe(true);
    expect(securityAuditGrants("macie2:GetMacieSession")).toBe(false);
    expect(securityAuditGrants("backup:ListBackupPlans")).toBe(false);
    expect(securityAuditGrants("sts:AssumeRole")).toBe(false);
  });

  it("is recorded for every service the action table knows", () => {
    const prefixes = new Set(securityAudit.actions.map((action) => action.slice(0, action.indexOf(":"))));
    expect(knownPrefixes.filter((prefix) => !prefixes.has(prefix))).toEqual([]);
  });
});

const templateSchema = z.object({
  AWSTemplateFormatVersion: z.literal("2010-09-09"),
  Parameters: z.object({
    RoleName: z.object({ Type: z.literal("String"), Default: z.literal("ISMSCollector") }),
    // No default: whoever deploys must name the account the collector runs in.
    CollectorAccountId: z.object({ Type: z.literal("String"), AllowedPattern: z.literal("[0-9]{12}"), Default: z.never().optional() }),
    ExternalId: z.object({ Type: z.literal("String"), Default: z.literal("") }),
  }),
  Conditions: z.object({ HasExternalId: z.unknown() }),
  Resources: z.object({
    CollectorRole: z.object({
      Type: z.literal("AWS::IAM::Role"),
      Properties: z.object({
        RoleName: z.object({ Ref: z.literal("RoleName") }),
        MaxSessionDuration: z.literal(3600),
        AssumeRolePolicyDocument: z.object({
          Statement: z.array(z.object({ Principal: z.object({ AWS: z.object({ "Fn::Sub": z.string() }) }), Action: z.literal("sts:AssumeRole"), Condition: z.unknown() })),
        }),
        ManagedPolicyArns: z.array(z.object({ "Fn::Sub": z.string() })),
        Policies: z.array(z.object({ PolicyName: z.string(), PolicyDocument: z.unknown() })),
      }),
    }),
  }),
});

describe("the committed files under deploy/aws/", () => {
  it("are what `npm run aws:policy` generates from today's collectors", async () => {
    const generated = policyFiles(await collectorOperations());
    for (const [name, text] of Object.entries(generated))
      expect(await readDeployed(name).catch(() => "(missing)"), `deploy/aws/${name} is out of date: run \`npm run aws:policy\` and commit the result`).toBe(text);
  });

  it("hold a StackSet template whose role trusts the collector's account, attaches SecurityAudit and inlines the supplement", async () => {
    const template = templateSchema.parse(JSON.parse(await readDeployed("member-role-stackset.json")));
    const supplement: unknown = JSON.parse(await readDeployed("openisms-collector-supplement.json"));
    const role = template.Resources.CollectorRole.Properties;
    expect(role.Policies).toEqual([{ PolicyName: "OpenISMSCollectorSupplement", PolicyDocument: supplement }]);
    expect(role.ManagedPolicyArns).toEqual([{ "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/SecurityAudit" }]);
    expect(role.AssumeRolePolicyDocument.Statement).toHaveLength(1);
    expect(role.AssumeRolePolicyDocument.Statement[0]?.Principal.AWS["Fn::Sub"]).toBe("arn:${AWS::Partition}:iam::${CollectorAccountId}:root");
    expect(role.AssumeRolePolicyDocument.Statement[0]?.Condition).toEqual({
      "Fn::If": ["HasExternalId", { StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } }, { Ref: "AWS::NoValue" }],
    });
  });
});
