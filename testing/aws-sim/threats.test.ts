// The simulated threat and vulnerability services through the real SDK clients: Inspector's and
// Macie's findings with their filters, GuardDuty's criteria limits, and SSM's agent and patch detail.
import { GuardDutyClient, ListFindingsCommand as ListGuardDutyFindingsCommand } from "@aws-sdk/client-guardduty";
import { Inspector2Client, ListFindingsCommand as ListInspectorFindingsCommand, paginateListFindings as paginateInspectorFindings } from "@aws-sdk/client-inspector2";
import { GetFindingsCommand as GetMacieFindingsCommand, ListFindingsCommand as ListMacieFindingsCommand, Macie2Client } from "@aws-sdk/client-macie2";
import { DescribeInstanceInformationCommand, DescribeInstancePatchStatesCommand, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { management, managementKey, member, memberKey, twoAccountScenario } from "./test-scenario.js";

const detectorId = "0123456789abcdef0123456789abcdef";
const hex = (n: number): string => n.toString(16).padStart(32, "0");
const inspectorFinding = (n: number, severity: string, status = "ACTIVE"): Record<string, unknown> => ({
  id: hex(n), severity, status, title: `CVE-2026-000${n} - openssl`, vulnerabilityId: `CVE-2026-000${n}`, resourceId: "i-0abc12345def67890", firstObservedAt: `2026-0${n}-01T00:00:00Z`,
});

let sim: Simulator;
const config = (credentials = managementKey): { region: string; endpoint: string; credentials: typeof managementKey } => ({ region: "eu-west-1", endpoint: sim.url, credentials });

beforeAll(async () => {
  const scenario = await twoAccountScenario({
    [management]: {
      regions: {
        "eu-west-1": {
          guardduty: { detectors: [{ id: detectorId }] },
          inspector2: { status: "ENABLED", findings: [inspectorFinding(1, "CRITICAL"), inspectorFinding(2, "HIGH"), inspectorFinding(3, "HIGH", "SUPPRESSED"), inspectorFinding(4, "MEDIUM"), inspectorFinding(5, "HIGH")] },
          macie2: {
            status: "ENABLED",
            findings: [
              { id: hex(1), type: "SensitiveData:S3Object/Personal", severity: "High", bucket: "exports", objectKey: "customers.csv", title: "Personal data" },
              { id: hex(2), type: "SensitiveData:S3Object/Credentials", severity: "High", bucket: "uploads", title: "Credentials", archived: true },
              { id: hex(3), type: "Policy:IAMUser/S3BucketPublic", severity: "High", bucket: "site", title: "Public bucket" },
            ],
          },
          ssm: {
            instances: [
              { id: "i-0abc12345def67890", agentVersion: "3.1.0.0", agentIsLatest: false, failedPatches: 2, lastPatchOperation: "Install" },
              { id: "mi-0abc12345def67891", patched: false },
            ],
          },
        },
      },
    },
    [member]: { regions: { "eu-west-1": { inspector2: { status: "DISABLED" } } } },
  });
  sim = await startSimulator({ scenario });
});
afterAll(() => sim.close());

describe("the simulated Inspector's findings", () => {
  it("lists only active critical and high findings, page by page", async () => {
    const client = new Inspector2Client(config());
    const filterCriteria = {
      findingStatus: [{ comparison: "EQUALS" as const, value: "ACTIVE" }],
      severity: [{ comparison: "EQUALS" as const, value: "CRITICAL" }, { comparison: "EQUALS" as const, value: "HIGH" }],
    };
    const pages: string[][] = [];
    for await (const page of paginateInspectorFindings({ client, pageSize: 2 }, { filterCriteria })) pages.push((page.findings ?? []).map((f) => f.severity ?? ""));
    expect(pages).toEqual([["CRITICAL", "HIGH"], ["HIGH"]]);
    const { findings } = await client.send(new ListInspectorFindingsCommand({ filterCriteria: { vulnerabilityId: [{ comparison: "EQUALS", value: "CVE-2026-0001" }] } }));
    expect(findings?.[0]).toMatchObject({ findingArn: `arn:aws:inspector2:eu-west-1:${management}:finding/${hex(1)}`, resources: [{ id: "i-0abc12345def67890" }] });
    expect(findings?.[0]?.firstObservedAt).toEqual(new Date("2026-01-01T00:00:00Z"));
  });

  it("answers ListFindings where Inspector is off with a not-enabled AccessDeniedException", async () => {
    const error: unknown = await new Inspector2Client(config(memberKey)).send(new ListInspectorFindingsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AccessDeniedException" });
    expect(error).toHaveProperty("message", "Invoking account does not have access to ListFindings. Amazon Inspector is not enabled.");
  });
});

describe("the simulated Macie's findings", () => {
  it("lists the open sensitive data findings and describes them with their bucket and object", async () => {
    const client = new Macie2Client(config());
    const { findingIds } = await client.send(new ListMacieFindingsCommand({ findingCriteria: { criterion: { category: { eq: ["CLASSIFICATION"] }, archived: { eq: ["false"] } } } }));
    expect(findingIds).toEqual([hex(1)]);
    const { findings } = await client.send(new GetMacieFindingsCommand({ findingIds: [hex(1), hex(3)] }));
    expect(findings?.map((f) => [f.type, f.resourcesAffected?.s3Bucket?.name, f.resourcesAffected?.s3Object?.key])).toEqual([
      ["SensitiveData:S3Object/Personal", "exports", "customers.csv"],
      ["Policy:IAMUser/S3BucketPublic", "site", undefined],
    ]);
    expect(findings?.[0]?.createdAt).toBeInstanceOf(Date);
  });

  it("answers ListFindings where Macie is off as GetMacieSession does", async () => {
    await expect(new Macie2Client(config(memberKey)).send(new ListMacieFindingsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", message: "Macie is not enabled." });
  });
});

describe("the simulated GuardDuty's criteria", () => {
  it("refuse a field the simulator does not filter on, naming those it does", async () => {
    const criteria = { Criterion: { "resource.instanceDetails.instanceId": { Equals: ["i-1"] } } };
    const error: unknown = await new GuardDutyClient(config()).send(new ListGuardDutyFindingsCommand({ DetectorId: detectorId, FindingCriteria: criteria })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BadRequestException" });
    expect(String(error)).toContain("severity, service.archived");
  });
});

describe("the simulated Systems Manager", () => {
  it("reports each instance's agent version and whether it is the latest", async () => {
    const { InstanceInformationList } = await new SSMClient(config()).send(new DescribeInstanceInformationCommand({}));
    expect(InstanceInformationList?.map((i) => [i.InstanceId, i.AgentVersion, i.IsLatestVersion, i.ResourceType])).toEqual([
      ["i-0abc12345def67890", "3.1.0.0", false, "EC2Instance"],
      ["mi-0abc12345def67891", "3.3.1142.0", true, "ManagedInstance"],
    ]);
  });

  it("gives a patch state with failed installs, and none for an instance no baseline ran on", async () => {
    const { InstancePatchStates } = await new SSMClient(config()).send(new DescribeInstancePatchStatesCommand({ InstanceIds: ["i-0abc12345def67890", "mi-0abc12345def67891"] }));
    expect(InstancePatchStates?.map((s) => [s.InstanceId, s.Operation, s.FailedCount])).toEqual([["i-0abc12345def67890", "Install", 2]]);
  });
});
