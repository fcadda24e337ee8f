// The simulated S3 and S3 Control through the real SDK clients: pagination, retry on SlowDown,
// an SCP's AccessDenied and the 404s S3 answers when a configuration is absent.
import { GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketLocationCommand, GetBucketLoggingCommand, GetBucketPolicyStatusCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, ListBucketsCommand, S3Client, paginateListBuckets } from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "./scenario.js";
import { startSimulator } from "./server.js";
import type { Simulator } from "./server.js";
import { loadServiceModules } from "./services/index.js";

const management = { accessKeyId: "AKIAMANAGEMENT000001", secretAccessKey: "management-secret" };
const sandbox = { accessKeyId: "AKIASANDBOX000000001", secretAccessKey: "sandbox-secret" };
const bucket = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name, region: "eu-west-1", ...extra });

async function s3Scenario(): Promise<ReturnType<typeof parseScenario>> {
  await loadServiceModules();
  const s3 = {
    accountPublicAccessBlock: {},
    buckets: [
      bucket("acme-logs", { publicAccessBlock: {}, versioning: "Enabled", lifecycleRules: [{ id: "expire", expirationDays: 365 }], encryption: { algorithm: "aws:kms", kmsKeyId: "alias/logs", bucketKeyEnabled: true } }),
      bucket("acme-legacy", { region: "us-east-1", encryption: null, policy: "public" }),
      bucket("acme-web", { publicAccessBlock: { blockPublicPolicy: false }, logging: { targetBucket: "acme-logs", targetPrefix: "web/" } }),
      bucket("acme-data"),
      bucket("acme-exports"),
    ],
  };
  return parseScenario({
    organization: { id: "o-abcdef1234", managementAccount: "111111111111", root: "r-ab12", organizationalUnits: [{ id: "ou-ab12-sandbox1", name: "Sandbox" }] },
    accounts: [
      { id: "111111111111", name: "management", email: "aws@example.com", parent: "r-ab12", state: { global: { s3 } } },
      { id: "222222222222", name: "sandbox", email: "sandbox@example.com", parent: "ou-ab12-sandbox1" },
    ],
    serviceControlPolicies: [{ id: "p-denys3sandbox", name: "deny-s3", denyServices: ["s3"], targets: ["ou-ab12-sandbox1"] }],
    identities: [
      { ...management, account: "111111111111", principal: "arn:aws:iam::111111111111:user/auditor" },
      { ...sandbox, account: "222222222222", principal: "arn:aws:iam::222222222222:user/auditor" },
    ],
  });
}

let sim: Simulator;
const s3 = (credentials = management, region = "eu-west-1"): S3Client => new S3Client({ region, endpoint: sim.url, forcePathStyle: true, credentials });

beforeAll(async () => {
  sim = await startSimulator({ scenario: await s3Scenario() });
});
afterAll(() => sim.close());

describe("the simulated S3", () => {
  it("lists buckets page by page through the SDK's paginator", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListBuckets({ client: s3() }, { MaxBuckets: 2 })) {
      pages += 1;
      names.push(...(page.Buckets ?? []).map((b) => b.Name ?? ""));
    }
    expect(pages).toBe(3);
    expect(names).toEqual(["acme-logs", "acme-legacy", "acme-web", "acme-data", "acme-exports"]);
  });

  it("answers each bucket's configuration as S3 does", async () => {
    const client = s3();
    const encryption = await client.send(new GetBucketEncryptionCommand({ Bucket: "acme-logs" }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: "aws:kms", KMSMasterKeyID: "alias/logs" });
    expect((await client.send(new GetPublicAccessBlockCommand({ Bucket: "acme-web" }))).PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(false);
    expect((await s3(management, "us-east-1").send(new GetBucketPolicyStatusCommand({ Bucket: "acme-legacy" }))).PolicyStatus?.IsPublic).toBe(true);
    expect((await client.send(new GetBucketVersioningCommand({ Bucket: "acme-logs" }))).Status).toBe("Enabled");
    expect((await client.send(new GetBucketLoggingCommand({ Bucket: "acme-web" }))).LoggingEnabled?.TargetBucket).toBe("acme-logs");
    expect((await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: "acme-logs" }))).Rules?.[0]?.Expiration?.Days).toBe(365);
    expect((await client.send(new GetBucketLocationCommand({ Bucket: "acme-logs" }))).LocationConstraint).toBe("eu-west-1");
  });

  it("answers a missing configuration with S3's own 404 codes", async () => {
    const client = s3();
    await expect(s3(management, "us-east-1").send(new GetBucketEncryptionCommand({ Bucket: "acme-legacy" }))).rejects.toMatchObject({ name: "ServerSideEncryptionConfigurationNotFoundError" });
    await expect(client.send(new GetPublicAccessBlockCommand({ Bucket: "acme-data" }))).rejects.toMatchObject({ name: "NoSuchPublicAccessBlockConfiguration", $metadata: { httpStatusCode: 404 } });
    await expect(client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: "acme-web" }))).rejects.toMatchObject({ name: "NoSuchLifecycleConfiguration" });
    await expect(client.send(new GetBucketVersioningCommand({ Bucket: "no-such-bucket" }))).rejects.toMatchObject({ name: "NoSuchBucket" });
  });

  it("a bucket in another region answers a redirect, but its location from anywhere", async () => {
    await expect(s3().send(new GetBucketEncryptionCommand({ Bucket: "acme-legacy" }))).rejects.toMatchObject({ name: "PermanentRedirect", $metadata: { httpStatusCode: 301 } });
    expect((await s3().send(new GetBucketLocationCommand({ Bucket: "acme-legacy" }))).LocationConstraint).toBeUndefined();
  });

  it("the call log tells the same operation on two buckets apart", async () => {
    sim.calls.clear();
    await s3().send(new GetBucketVersioningCommand({ Bucket: "acme-logs" }));
    await s3().send(new GetBucketVersioningCommand({ Bucket: "acme-web" }));
    await s3().send(new GetBucketVersioningCommand({ Bucket: "acme-web" }));
    expect(sim.calls.calls.map((c) => [c.operation, c.params.Bucket, c.duplicateOf])).toEqual([
      ["GetBucketVersioning", "acme-logs", undefined],
      ["GetBucketVersioning", "acme-web", undefined],
      ["GetBucketVersioning", "acme-web", 2],
    ]);
  });

  it("a SlowDown is retried by the SDK and the call then succeeds", async () => {
    sim.setFaults({ inject: [{ fault: "throttle", service: "s3", operation: "GetBucketPolicyStatus" }] });
    const status = await s3(management, "us-east-1").send(new GetBucketPolicyStatusCommand({ Bucket: "acme-legacy" }));
    expect(status.PolicyStatus?.IsPublic).toBe(true);
    expect(status.$metadata.attempts).toBe(2);
    expect(sim.calls.calls.some((c) => c.faulted && c.error === "SlowDown" && c.status === 503)).toBe(true);
    sim.setFaults({});
  });

  it("an account whose SCP denies S3 gets AccessDenied", async () => {
    await expect(s3(sandbox).send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
  });
});

describe("the simulated S3 Control", () => {
  // The SDK prefixes the endpoint's host with the account id ({AccountId}.localhost), which does not
  // resolve here: the client is pointed at localhost and its requests are sent to 127.0.0.1.
  const control = (): S3ControlClient => {
    const client = new S3ControlClient({ region: "us-east-1", endpoint: sim.url.replace("127.0.0.1", "localhost"), credentials: management });
    client.middlewareStack.add(
      (next) => (args) => {
        const request: unknown = args.request;
        if (typeof request === "object" && request !== null && "hostname" in request) request.hostname = "127.0.0.1";
        return next(args);
      },
      { step: "finalizeRequest", priority: "low", name: "simulatorHost" },
    );
    return client;
  };

  it("answers the account's public access block", async () => {
    const block = await control().send(new GetAccountPublicAccessBlockCommand({ AccountId: "111111111111" }));
    expect(block.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
  });

  it("refuses another account's public access block", async () => {
    await expect(control().send(new GetAccountPublicAccessBlockCommand({ AccountId: "222222222222" }))).rejects.toMatchObject({ name: "AccessDenied" });
  });
});
