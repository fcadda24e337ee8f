// The demo organization's restJson1, restXml and ec2Query state (scenarios/demo-services.yaml merged
// into scenarios/demo.yaml), read through the real SDK clients as a collector would.
import { DescribeFlowLogsCommand, DescribeVpcsCommand, EC2Client, GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { GetPublicAccessBlockCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { GetFindingsCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";

const securityTooling = "739105286472";
const production = "926318475063";
const staging = "357914862040";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: "demo" });
});
afterAll(() => sim.close());

interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** The collector's credentials in an account: the demo identity assumes that account's ISMSCollector role. */
async function collectorIn(accountId: string): Promise<ClientConfig> {
  const base = { endpoint: sim.url, region: "eu-west-1", credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY ?? "" } };
  const { Credentials } = await new STSClient(base).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/ISMSCollector`, RoleSessionName: "openisms" }));
  return { ...base, credentials: { accessKeyId: Credentials?.AccessKeyId ?? "", secretAccessKey: Credentials?.SecretAccessKey ?? "", sessionToken: Credentials?.SessionToken ?? "" } };
}

describe("the demo organization's security services", () => {
  it("has a staging bucket without a public access block", async () => {
    const s3 = new S3Client({ ...(await collectorIn(staging)), forcePathStyle: true });
    const { Buckets } = await s3.send(new ListBucketsCommand({}));
    const withoutBlock: string[] = [];
    for (const bucket of Buckets ?? []) {
      const blocked = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket.Name })).then(
        () => true,
        (error: unknown) => {
          if (error instanceof Error && error.name === "NoSuchPublicAccessBlockConfiguration") return false;
          throw error;
        },
      );
      if (!blocked) withoutBlock.push(bucket.Name ?? "");
    }
    expect(withoutBlock).toEqual(["acme-staging-app-uploads"]);
  });

  it("has an enabled region of production with no GuardDuty detector", async () => {
    const enabledRegions = [...sim.scenario.regions.default, "eu-south-2"];
    // STS is asked in eu-west-1: the management account, where the collector lives, has not opted in to eu-south-2.
    const collector = await collectorIn(production);
    const withoutGuardDuty: string[] = [];
    for (const region of enabledRegions) {
      const { DetectorIds } = await new GuardDutyClient({ ...collector, region }).send(new ListDetectorsCommand({}));
      if ((DetectorIds ?? []).length === 0) withoutGuardDuty.push(region);
    }
    expect(withoutGuardDuty).toEqual(["eu-south-2"]);
  });

  it("has Security Hub findings in the security tooling account, and staging's EBS encryption off and a VPC without flow logs", async () => {
    const { Findings } = await new SecurityHubClient(await collectorIn(securityTooling)).send(
      new GetFindingsCommand({ Filters: { ComplianceStatus: [{ Value: "FAILED", Comparison: "EQUALS" }] } }),
    );
    expect(Findings?.map((f) => f.Compliance?.SecurityControlId)).toEqual(["S3.8", "EC2.7", "EC2.19", "GuardDuty.1"]);
    const ec2 = new EC2Client(await collectorIn(staging));
    expect((await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(false);
    const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    const { FlowLogs } = await ec2.send(new DescribeFlowLogsCommand({}));
    expect(vpcs.filter((v) => !(FlowLogs ?? []).some((f) => f.ResourceId === v.VpcId)).map((v) => v.VpcId)).toEqual(["vpc-0b5e8d2a7f1c49360"]);
  });
});
