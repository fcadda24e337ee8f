import { describe, expect, it } from "vitest";
import { isControlId } from "../../catalog/annex-a.js";
import { isCriterionId } from "../../catalog/soc2.js";
import type { Snapshot } from "../snapshot.js";
import { awsChecks, runChecks } from "./index.js";
import {
  accessKeys,
  account,
  accountSummary,
  credentialReport,
  detectors,
  failed,
  hub,
  kmsKey,
  listBuckets,
  listUsers,
  passwordPolicy,
  publicAccessBlock,
  trails,
} from "./test-snapshots.js";
import type { CheckFixture } from "./test-snapshots.js";
import { dataProtectionFixtures } from "./data-protection.fixtures.js";
import { identityFixtures } from "./identity.fixtures.js";
import { infrastructureFixtures } from "./infrastructure.fixtures.js";
import { loggingFixtures } from "./logging.fixtures.js";
import { threatFixtures } from "./threats.fixtures.js";

const goodRoot = { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 };

const coreFixtures: readonly CheckFixture[] = [
  [
    "iam-user-console-mfa",
    [credentialReport([{ user: "alice", password: true, mfa: true }, { user: "deploy-bot", password: false, mfa: false }])],
    [credentialReport([{ user: "alice", password: true, mfa: true }, { user: "bob", password: true, mfa: false }])],
  ],
  [
    "iam-access-key-rotation",
    [listUsers(["alice"]), accessKeys("alice", [{ id: "AKIANEW", ageDays: 30 }, { id: "AKIAOLD", ageDays: 400, status: "Inactive" }])],
    [listUsers(["alice"]), accessKeys("alice", [{ id: "AKIAOLD", ageDays: 120 }])],
  ],
  ["iam-root-mfa", [accountSummary(goodRoot)], [accountSummary({ ...goodRoot, AccountMFAEnabled: 0 })]],
  ["iam-root-access-keys", [accountSummary(goodRoot)], [accountSummary({ ...goodRoot, AccountAccessKeysPresent: 1 })]],
  ["iam-password-policy-length", [passwordPolicy(14)], [passwordPolicy(8)]],
  [
    "cloudtrail-multi-region-validated",
    [trails("eu-west-1", [{ name: "org-trail", multiRegion: true, validation: true }]), trails("us-east-1", [])],
    [trails("eu-west-1", [{ name: "regional", multiRegion: false, validation: true }, { name: "all", multiRegion: true, validation: false }])],
  ],
  [
    "s3-bucket-public-access-block",
    [listBuckets(["logs"]), publicAccessBlock("logs")],
    [listBuckets(["logs"]), publicAccessBlock("logs", ["BlockPublicPolicy"])],
  ],
  ["kms-key-rotation", [...kmsKey("k1", "CUSTOMER", true), ...kmsKey("k2", "AWS")], [...kmsKey("k1", "CUSTOMER", false)]],
  ["guardduty-enabled", [detectors("eu-west-1", ["d1"]), detectors("us-east-1", ["d2"])], [detectors("eu-west-1", ["d1"]), detectors("us-east-1", [])]],
  ["securityhub-enabled", [hub("eu-west-1")], [hub("eu-west-1"), failed("securityhub", "DescribeHub", "not-enabled", "InvalidAccessException", { region: "us-east-1" })]],
];

/** Every check's passing and failing fixture: the first ten here, the others beside their checks. */
const fixtures: readonly CheckFixture[] = [...coreFixtures, ...identityFixtures, ...dataProtectionFixtures, ...infrastructureFixtures, ...threatFixtures, ...loggingFixtures];

function check(id: string) {
  const found = awsChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

const statuses = (id: string, snapshots: Snapshot[]) => check(id).evaluate(snapshots).map((r) => r.status);

describe("the AWS checks", () => {
  it("have unique kebab-case ids", () => {
    const ids = awsChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(awsChecks.map((c) => [c.id, c] as const))("%s names existing Annex A controls and SOC 2 criteria", (_id, c) => {
    expect(c.controls.length).toBeGreaterThan(0);
    expect(c.soc2.length).toBeGreaterThan(0);
    for (const control of c.controls) expect(isControlId(control), control).toBe(true);
    for (const criterion of c.soc2) expect(isCriterionId(criterion), criterion).toBe(true);
    expect(c.title && c.rationale && c.remediation).toBeTruthy();
  });

  it("each have a passing and a failing fixture", () => {
    expect(fixtures.map(([id]) => id).sort()).toEqual(awsChecks.map((c) => c.id).sort());
  });

  it.each(fixtures)("%s passes its passing fixture", (id, passing) => {
    const results = check(id).evaluate(passing);
    expect(results.map((r) => r.status)).toContain("pass");
    expect(results.filter((r) => r.status !== "pass" && r.status !== "not-applicable")).toEqual([]);
    for (const r of results) expect(r).toMatchObject({ checkId: id, account });
  });

  it.each(fixtures)("%s fails its failing fixture", (id, _passing, failing) => {
    expect(statuses(id, failing)).toContain("fail");
  });

  it("runChecks gathers every check's results over the same snapshots", () => {
    // The fixtures describe different accounts' worlds; over their union each check still answers,
    // and runChecks returns exactly what each check says on its own.
    const all = [...fixtures.flatMap(([, passing]) => passing), hub("us-east-1")];
    const results = runChecks(all);
    expect(new Set(results.map((r) => r.checkId))).toEqual(new Set(awsChecks.map((c) => c.id)));
    for (const c of awsChecks) expect(results.filter((r) => r.checkId === c.id)).toEqual(c.evaluate(all));
  });

  it.each(fixtures)("%s declares every service its fixtures show it reading", (id, passing, failing) => {
    const c = check(id);
    const judged = (snapshots: Snapshot[]) => JSON.stringify(c.evaluate(snapshots));
    for (const fixture of [passing, failing]) {
      const read = [...new Set(fixture.map((s) => s.service))].filter((service) => judged(fixture.filter((s) => s.service !== service)) !== judged(fixture));
      for (const service of read) expect(c.services, `${id} reads ${service}`).toContain(service);
    }
  });
});
