// The identity and access collectors against the simulated demo organization, and what the checks
// find there: which IAM users, permission sets, secrets, regions and accounts pass or fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFromDemo } from "./helpers/demo-collection.js";
import type { CollectResult } from "../src/aws/collect.js";
import type { CheckResult } from "../src/aws/checks/check.js";
import { identityChecks } from "../src/aws/checks/identity.js";
import { accessAnalyzerCollector } from "../src/aws/collectors/access-analyzer.js";
import { iamCollector } from "../src/aws/collectors/iam.js";
import { identityCenterCollector } from "../src/aws/collectors/identity-center.js";
import { organizationsCollector } from "../src/aws/collectors/organizations.js";
import { secretsManagerCollector } from "../src/aws/collectors/secrets-manager.js";
import type { Simulator } from "../testing/aws-sim/server.js";

const management = "604152391846";
const security = "739105286472";
const logArchive = "815274630912";
const production = "926318475063";
const staging = "357914862040";

/** The demo's dates are fixed; the checks judge ages from each snapshot's collection time, pinned here. */
const demoNow = "2026-11-27T12:00:00.000Z";

describe("collecting identity and access in the demo organization", () => {
  let sim: Simulator;
  let result: CollectResult;
  let results: CheckResult[];
  beforeAll(async () => {
    ({ sim, collected: result, results } = await collectFromDemo([iamCollector, organizationsCollector, identityCenterCollector, accessAnalyzerCollector, secretsManagerCollector], identityChecks, { pinTo: demoNow }));
  });
  afterAll(() => sim.close());

  /** [resource, status] of one check's results in one account, in order. */
  const outcomes = (checkId: string, account?: string) =>
    results.filter((r) => r.checkId === checkId && (account === undefined || r.account === account)).map((r) => [r.resource, r.status]);
  const statusOf = (checkId: string, resource: string) => results.find((r) => r.checkId === checkId && r.resource === resource)?.status;

  it("collects without problems, never twice the same request, and never a secret's value", () => {
    expect(result.problems).toEqual([]);
    expect(sim.calls.duplicates()).toEqual([]);
    expect(sim.calls.calls.filter((c) => c.operation === "GetSecretValue")).toEqual([]);
    expect(results.filter((r) => r.status === "unknown")).toEqual([]);
  });

  it("reads the SCPs and the organization's tree in the management account only", () => {
    const listings = sim.calls.calls.filter((c) => c.service === "organizations" && c.operation !== "DescribeOrganization");
    expect(new Set(listings.map((c) => c.accountId))).toEqual(new Set([management]));
    expect(sim.calls.calls.filter((c) => c.operation === "DescribeOrganization")).toHaveLength(5);
  });

  it("finds the management account's password policy strong and the others' lacking", () => {
    const byAccount = Object.fromEntries(results.filter((r) => r.checkId === "iam-password-policy-strength").map((r) => [r.account, r.status]));
    expect(byAccount).toEqual({ [management]: "pass", [security]: "fail", [logArchive]: "fail", [production]: "fail", [staging]: "fail" });
    expect(results.find((r) => r.checkId === "iam-password-policy-strength" && r.account === security)?.detail).toContain("remembers 0 previous passwords");
  });

  it("flags staging's stale tester password and CI key, and the management account's unused break-glass password", () => {
    expect(outcomes("iam-user-unused-credentials", staging)).toEqual([
      [`arn:aws:iam::${staging}:user/jane.doe`, "pass"],
      [`arn:aws:iam::${staging}:user/qa-tester`, "fail"],
      [`arn:aws:iam::${staging}:user/ci-legacy`, "fail"],
    ]);
    expect(statusOf("iam-user-unused-credentials", `arn:aws:iam::${management}:user/break-glass-admin`)).toBe("fail");
    expect(statusOf("iam-user-unused-credentials", `arn:aws:iam::${production}:user/deploy-bot`)).toBe("pass");
  });

  it("flags staging's root sign-in last month and not the management account's from last year", () => {
    expect(statusOf("iam-root-recent-use", `arn:aws:iam::${staging}:root`)).toBe("fail");
    expect(statusOf("iam-root-recent-use", `arn:aws:iam::${management}:root`)).toBe("pass");
  });

  it("finds staging's deployer policy allowing everything and production's pipeline policy scoped", () => {
    expect(outcomes("iam-policy-no-full-admin")).toEqual([
      [`arn:aws:iam::${staging}:policy/staging-deployer`, "fail"],
      [`arn:aws:iam::${production}:policy/deploy-pipeline`, "pass"],
    ]);
  });

  it("finds policies of their own on the CI and collector users, and none on the people in staging", () => {
    expect(outcomes("iam-user-no-direct-policies", staging)).toEqual([
      [`arn:aws:iam::${staging}:user/ci-legacy`, "fail"],
      [`arn:aws:iam::${staging}:user/jane.doe`, "pass"],
      [`arn:aws:iam::${staging}:user/qa-tester`, "pass"],
    ]);
    expect(results.find((r) => r.checkId === "iam-user-no-direct-policies" && r.resource.endsWith("ci-legacy"))?.detail).toBe("ci-legacy has policies of their own (attached: staging-deployer; inline: debug-s3)");
    expect(statusOf("iam-user-no-direct-policies", `arn:aws:iam::${management}:user/isms-collector`)).toBe("fail");
  });

  it("counts every member as covered by the management account's Identity Center instance", () => {
    expect(outcomes("identity-center-enabled").map(([, status]) => status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(results.find((r) => r.checkId === "identity-center-enabled" && r.account === production)?.detail).toContain(`account ${management}, eu-west-1`);
  });

  it("fails the DeveloperAccess permission set's 12-hour sessions and passes the others", () => {
    const byName = Object.fromEntries(results.filter((r) => r.checkId === "identity-center-session-duration").map((r) => [r.detail.slice(0, r.detail.indexOf("'")), r.status] as const));
    expect(byName).toEqual({ AdministratorAccess: "pass", SecurityAudit: "pass", ReadOnlyAccess: "pass", DeveloperAccess: "fail" });
  });

  it("covers every region with the organization's analyzer except production's opt-in eu-south-2", () => {
    const failing = results.filter((r) => r.checkId === "access-analyzer-enabled" && r.status === "fail");
    expect(failing.map((r) => [r.account, r.region])).toEqual([[production, "eu-south-2"]]);
    expect(results.find((r) => r.checkId === "access-analyzer-enabled" && r.account === staging && r.region === "eu-west-1")?.detail).toBe(
      `Covered by the organization's analyzer acme-organization in account ${security}`,
    );
    expect(outcomes("access-analyzer-unused-access").map(([, status]) => status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
  });

  it("fails production's unrotated Stripe key and staging's overdue database secret", () => {
    const secretStatus = (name: string) => results.find((r) => r.checkId === "secretsmanager-rotation" && r.resource.includes(`:secret:${name}-`))?.status;
    expect(secretStatus("prod/rds/acme-app")).toBe("pass");
    expect(secretStatus("prod/stripe-api-key")).toBe("fail");
    expect(secretStatus("staging/rds/app")).toBe("fail");
    expect(secretStatus("security/slack-webhook")).toBe("pass");
  });

  it("finds guardrail SCPs on the workload accounts and none on the Security OU's", () => {
    const account = (id: string) => `arn:aws:organizations::${management}:account/o-x7k2m9q4ab/${id}`;
    expect(Object.fromEntries(outcomes("organizations-scp-guardrails"))).toEqual({
      [account(security)]: "fail",
      [account(logArchive)]: "fail",
      [account(production)]: "pass",
      [account(staging)]: "pass",
    });
    expect(outcomes("organizations-all-features")).toEqual([["arn:aws:organizations::604152391846:organization/o-x7k2m9q4ab", "pass"]]);
  });
});
