// SDK clients for one (account, region): created lazily, shared by every fetch there, all with
// adaptive retries so that throttling slows the client down instead of failing the run.
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { EC2Client } from "@aws-sdk/client-ec2";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { STSClient } from "@aws-sdk/client-sts";
import type { STSClientConfig } from "@aws-sdk/client-sts";

/** Static credentials or a provider, as every SDK v3 client accepts them. */
export type AwsCredentials = NonNullable<STSClientConfig["credentials"]>;

/** How to reach AWS: the base credentials (default: the SDK's chain), home region and, for tests, an endpoint. */
export interface AwsClientConfig {
  /** Region for STS, discovery and global services (default us-east-1). */
  region?: string;
  credentials?: AwsCredentials;
  /** One endpoint for every service (the simulator); unset for AWS. */
  endpoint?: string;
  /** Attempts per request including retries (default 8). */
  maxAttempts?: number;
}

export const defaultRegion = "us-east-1";
export const defaultMaxAttempts = 8;

/** The options every client gets: adaptive retries, the endpoint override, the account's credentials. */
export function clientOptions(config: AwsClientConfig, region: string, credentials: AwsCredentials | undefined) {
  return {
    region,
    retryMode: "adaptive",
    maxAttempts: config.maxAttempts ?? defaultMaxAttempts,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(credentials === undefined ? {} : { credentials }),
  } as const;
}

/** The clients of one account in one region ("global" means the home region, for IAM, Organizations, S3 ListBuckets). */
export class ClientSet {
  private readonly made = new Map<string, unknown>();
  private readonly options: ReturnType<typeof clientOptions>;
  /** True when an endpoint override is set: S3 then needs path-style addressing. */
  private readonly pathStyle: boolean;

  constructor(config: AwsClientConfig, region: string, credentials: AwsCredentials | undefined) {
    this.options = clientOptions(config, region === "global" ? (config.region ?? defaultRegion) : region, credentials);
    this.pathStyle = config.endpoint !== undefined;
  }

  private once<C>(name: string, make: () => C, is: (value: unknown) => value is C): C {
    const existing = this.made.get(name);
    if (is(existing)) return existing;
    const client = make();
    this.made.set(name, client);
    return client;
  }

  sts = (): STSClient => this.once("sts", () => new STSClient(this.options), (c) => c instanceof STSClient);
  ec2 = (): EC2Client => this.once("ec2", () => new EC2Client(this.options), (c) => c instanceof EC2Client);
  iam = (): IAMClient => this.once("iam", () => new IAMClient(this.options), (c) => c instanceof IAMClient);
  organizations = (): OrganizationsClient => this.once("organizations", () => new OrganizationsClient(this.options), (c) => c instanceof OrganizationsClient);
  s3 = (): S3Client => this.once("s3", () => new S3Client({ ...this.options, forcePathStyle: this.pathStyle }), (c) => c instanceof S3Client);
  kms = (): KMSClient => this.once("kms", () => new KMSClient(this.options), (c) => c instanceof KMSClient);
  cloudtrail = (): CloudTrailClient => this.once("cloudtrail", () => new CloudTrailClient(this.options), (c) => c instanceof CloudTrailClient);
  guardduty = (): GuardDutyClient => this.once("guardduty", () => new GuardDutyClient(this.options), (c) => c instanceof GuardDutyClient);
  securityhub = (): SecurityHubClient => this.once("securityhub", () => new SecurityHubClient(this.options), (c) => c instanceof SecurityHubClient);
}
