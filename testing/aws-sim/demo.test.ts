import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { GetKeyRotationStatusCommand, KMSClient } from "@aws-sdk/client-kms";
import { IAMClient, ListMFADevicesCommand, ListUsersCommand, GetLoginProfileCommand } from "@aws-sdk/client-iam";
import { ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: "demo" });
});
afterAll(() => sim.close());

const staging = "357914862040";
interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}
const base = (): ClientConfig => ({ endpoint: sim.url, region: "eu-west-1", credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY ?? "" } });

async function asCollectorIn(accountId: string): Promise<ClientConfig> {
  const out = await new STSClient(base()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/ISMSCollector`, RoleSessionName: "openisms" }));
  const c = out.Credentials;
  return { ...base(), credentials: { accessKeyId: c?.AccessKeyId ?? "", secretAccessKey: c?.SecretAccessKey ?? "", sessionToken: c?.SessionToken ?? "" } };
}

describe("the demo scenario", () => {
  it("is a five-account organization", async () => {
    const { Accounts } = await new OrganizationsClient(base()).send(new ListAccountsCommand({}));
    expect(Accounts?.map((a) => a.Name)).toEqual(["acme-management", "acme-security-tooling", "acme-log-archive", "acme-production", "acme-staging"]);
  });

  it("has a console user without MFA in staging", async () => {
    const iam = new IAMClient(await asCollectorIn(staging));
    const { Users } = await iam.send(new ListUsersCommand({}));
    const withoutMfa: string[] = [];
    for (const user of Users ?? []) {
      const { MFADevices } = await iam.send(new ListMFADevicesCommand({ UserName: user.UserName }));
      const console = await iam.send(new GetLoginProfileCommand({ UserName: user.UserName })).then(() => true, () => false);
      if (console && (MFADevices ?? []).length === 0) withoutMfa.push(user.UserName ?? "");
    }
    expect(withoutMfa).toEqual(["jane.doe"]);
  });

  it("has an organization trail in every member and a production key without rotation", async () => {
    const prod = await asCollectorIn("926318475063");
    const { trailList } = await new CloudTrailClient(prod).send(new DescribeTrailsCommand({}));
    expect(trailList?.map((t) => [t.Name, t.IsMultiRegionTrail, t.LogFileValidationEnabled])).toEqual([["acme-org-trail", true, true]]);
    const rotation = await new KMSClient(prod).send(new GetKeyRotationStatusCommand({ KeyId: "alias/legacy-app" }));
    expect(rotation.KeyRotationEnabled).toBe(false);
  });
});
