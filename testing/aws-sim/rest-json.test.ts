// The simulated restJson1 services through the real SDK clients: GuardDuty and Security Hub
// pagination, retry on ThrottlingException, an SCP's AccessDenied, and each service's own answers.
import { AccessAnalyzerClient, ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import { AccountClient, ListRegionsCommand } from "@aws-sdk/client-account";
import { BackupClient, DescribeBackupVaultCommand, ListBackupPlansCommand, ListRestoreTestingPlansCommand } from "@aws-sdk/client-backup";
import { GetDetectorCommand, GetFindingsCommand as GetGuardDutyFindingsCommand, GuardDutyClient, ListDetectorsCommand, ListFindingsCommand, paginateListFindings } from "@aws-sdk/client-guardduty";
import { BatchGetAccountStatusCommand, Inspector2Client } from "@aws-sdk/client-inspector2";
import { GetMacieSessionCommand, Macie2Client } from "@aws-sdk/client-macie2";
import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient, paginateGetFindings } from "@aws-sdk/client-securityhub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "./scenario.js";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { loadServiceModules } from "./services/index.js";

const management = { accessKeyId: "AKIAMANAGEMENT000001", secretAccessKey: "management-secret" };
const sandbox = { accessKeyId: "AKIASANDBOX000000001", secretAccessKey: "sandbox-secret" };
const detectorId = "0123456789abcdef0123456789abcdef";
const guardDutyFinding = (n: number): Record<string, unknown> => ({ id: `finding${n}`, type: "Recon:EC2/PortProbeUnprotectedPort", severity: n * 2, title: `Port probe ${n}`, archived: n === 5 });
const asff = (n: number, status: string): Record<string, unknown> => ({
  Id: `arn:aws:securityhub:eu-west-1:111111111111:finding/${n}`, ProductArn: "arn:aws:securityhub:eu-west-1::product/aws/securityhub",
  GeneratorId: "security-control/S3.8", Title: `Finding ${n}`, Description: "S3 general purpose buckets should block public access",
  CreatedAt: "2026-01-10T08:00:00.000Z", UpdatedAt: "2026-01-10T08:00:00.000Z", Types: ["Software and Configuration Checks"],
  Severity: { Label: "HIGH" }, Compliance: { Status: status }, Workflow: { Status: "NEW" }, Resources: [{ Type: "AwsS3Bucket", Id: `arn:aws:s3:::bucket-${n}` }],
});

async function securityScenario(): Promise<ReturnType<typeof parseScenario>> {
  await loadServiceModules();
  const euWest1 = {
    guardduty: { detectors: [{ id: detectorId, features: { S3_DATA_EVENTS: "DISABLED" }, findings: [1, 2, 3, 4, 5].map(guardDutyFinding) }] },
    securityhub: { enabled: true, standards: [{ id: "aws-foundational-security-best-practices/v/1.0.0" }, { id: "cis-aws-foundations-benchmark/v/1.4.0" }], findings: [asff(1, "FAILED"), asff(2, "PASSED"), asff(3, "FAILED"), asff(4, "FAILED"), asff(5, "FAILED")] },
    backup: { plans: [{ name: "daily-35d" }], vaults: [{ name: "prod-vault", recoveryPoints: 42, lock: { minRetentionDays: 7, maxRetentionDays: 365, lockDate: "2024-06-01T00:00:00Z" } }], restoreTestingPlans: [{ name: "monthly_restore" }] },
    "access-analyzer": { analyzers: [{ name: "org-analyzer", type: "ORGANIZATION" }] },
    inspector2: { status: "ENABLED", resources: { lambdaCode: "DISABLED" } },
  };
  return parseScenario({
    organization: { id: "o-abcdef1234", managementAccount: "111111111111", root: "r-ab12", organizationalUnits: [{ id: "ou-ab12-sandbox1", name: "Sandbox" }] },
    accounts: [
      { id: "111111111111", name: "management", email: "aws@example.com", parent: "r-ab12", optInRegions: ["eu-south-1"], state: { regions: { "eu-west-1": euWest1 } } },
      { id: "222222222222", name: "sandbox", email: "sandbox@example.com", parent: "ou-ab12-sandbox1" },
    ],
    serviceControlPolicies: [{ id: "p-denyguardduty", name: "deny-guardduty", denyServices: ["guardduty"], targets: ["ou-ab12-sandbox1"] }],
    identities: [
      { ...management, account: "111111111111", principal: "arn:aws:iam::111111111111:user/auditor" },
      { ...sandbox, account: "222222222222", principal: "arn:aws:iam::222222222222:user/auditor" },
    ],
  });
}

let sim: Simulator;
const config = (credentials = management, region = "eu-west-1"): { region: string; endpoint: string; credentials: typeof management } => ({ region, endpoint: sim.url, credentials });

beforeAll(async () => {
  sim = await startSimulator({ scenario: await securityScenario() });
});
afterAll(() => sim.close());

describe("the simulated GuardDuty", () => {
  it("lists a detector's findings page by page through the SDK's paginator", async () => {
    const client = new GuardDutyClient(config());
    const pages: string[][] = [];
    for await (const page of paginateListFindings({ client, pageSize: 2 }, { DetectorId: detectorId })) pages.push(page.FindingIds ?? []);
    expect(pages).toEqual([["finding1", "finding2"], ["finding3", "finding4"], ["finding5"]]);
    const { Findings } = await client.send(new GetGuardDutyFindingsCommand({ DetectorId: detectorId, FindingIds: ["finding3"] }));
    expect(Findings?.[0]).toMatchObject({ Id: "finding3", Severity: 6, AccountId: "111111111111", Region: "eu-west-1" });
  });

  it("lists only the findings that meet the criteria: high severity and not archived", async () => {
    const client = new GuardDutyClient(config());
    const criteria = { Criterion: { severity: { GreaterThanOrEqual: 7 }, "service.archived": { Equals: ["false"] } } };
    const { FindingIds } = await client.send(new ListFindingsCommand({ DetectorId: detectorId, FindingCriteria: criteria }));
    expect(FindingIds).toEqual(["finding4"]);
  });

  it("answers a detector with its protection plans, and no detector where GuardDuty is off", async () => {
    const detector = await new GuardDutyClient(config()).send(new GetDetectorCommand({ DetectorId: detectorId }));
    expect(detector.Status).toBe("ENABLED");
    expect(detector.Features).toContainEqual(expect.objectContaining({ Name: "S3_DATA_EVENTS", Status: "DISABLED" }));
    expect((await new GuardDutyClient(config(management, "us-east-1")).send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
  });

  it("a ThrottlingException is retried by the SDK and the call then succeeds", async () => {
    sim.setFaults({ inject: [{ fault: "throttle", service: "guardduty", operation: "ListDetectors" }] });
    const listed = await new GuardDutyClient(config()).send(new ListDetectorsCommand({}));
    expect(listed.DetectorIds).toEqual([detectorId]);
    expect(listed.$metadata.attempts).toBe(2);
    expect(sim.calls.calls.some((c) => c.faulted && c.error === "ThrottlingException" && c.status === 429)).toBe(true);
    sim.setFaults({});
  });

  it("an account whose SCP denies GuardDuty gets AccessDeniedException", async () => {
    await expect(new GuardDutyClient(config(sandbox)).send(new ListDetectorsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } });
  });
});

describe("the simulated Security Hub", () => {
  it("pages through filtered ASFF findings with the SDK's paginator", async () => {
    const client = new SecurityHubClient(config());
    const ids: string[] = [];
    let pages = 0;
    const filters = { ComplianceStatus: [{ Value: "FAILED", Comparison: "EQUALS" as const }] };
    for await (const page of paginateGetFindings({ client, pageSize: 2 }, { Filters: filters })) {
      pages += 1;
      ids.push(...(page.Findings ?? []).map((f) => f.Title ?? ""));
    }
    expect(pages).toBe(2);
    expect(ids).toEqual(["Finding 1", "Finding 3", "Finding 4", "Finding 5"]);
  });

  it("describes the hub and its standards, and refuses where Security Hub is not enabled", async () => {
    expect((await new SecurityHubClient(config()).send(new DescribeHubCommand({}))).HubArn).toBe("arn:aws:securityhub:eu-west-1:111111111111:hub/default");
    const standards = await new SecurityHubClient(config()).send(new GetEnabledStandardsCommand({}));
    expect(standards.StandardsSubscriptions?.map((s) => s.StandardsArn)).toContain("arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0");
    await expect(new SecurityHubClient(config(management, "us-east-1")).send(new DescribeHubCommand({}))).rejects.toMatchObject({ name: "InvalidAccessException" });
  });
});

describe("the other simulated security services", () => {
  it("Backup answers plans, restore testing and a vault's lock", async () => {
    const client = new BackupClient(config());
    expect((await client.send(new ListBackupPlansCommand({}))).BackupPlansList?.[0]?.BackupPlanName).toBe("daily-35d");
    expect((await client.send(new ListRestoreTestingPlansCommand({}))).RestoreTestingPlans?.[0]?.RestoreTestingPlanName).toBe("monthly_restore");
    const vault = await client.send(new DescribeBackupVaultCommand({ BackupVaultName: "prod-vault" }));
    expect(vault).toMatchObject({ Locked: true, MinRetentionDays: 7, MaxRetentionDays: 365, NumberOfRecoveryPoints: 42 });
    expect(vault.LockDate?.toISOString()).toBe("2024-06-01T00:00:00.000Z");
  });

  it("Access Analyzer, Inspector and Macie answer each account's status", async () => {
    const analyzers = await new AccessAnalyzerClient(config()).send(new ListAnalyzersCommand({}));
    expect(analyzers.analyzers?.[0]).toMatchObject({ name: "org-analyzer", type: "ORGANIZATION", status: "ACTIVE" });
    const inspector = await new Inspector2Client(config()).send(new BatchGetAccountStatusCommand({}));
    expect(inspector.accounts?.[0]).toMatchObject({ accountId: "111111111111", state: { status: "ENABLED" }, resourceState: { lambdaCode: { status: "DISABLED" } } });
    await expect(new Macie2Client(config()).send(new GetMacieSessionCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", message: "Macie is not enabled." });
  });

  it("Account lists each region's opt-in status", async () => {
    const { Regions } = await new AccountClient(config(management, "us-east-1")).send(new ListRegionsCommand({ MaxResults: 50 }));
    expect(Regions).toContainEqual({ RegionName: "eu-south-1", RegionOptStatus: "ENABLED" });
    expect(Regions).toContainEqual({ RegionName: "af-south-1", RegionOptStatus: "DISABLED" });
    expect(Regions).toContainEqual({ RegionName: "eu-west-1", RegionOptStatus: "ENABLED_BY_DEFAULT" });
  });
});
