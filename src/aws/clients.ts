// SDK clients for one (account, region): created lazily, shared by every fetch there, all with
// adaptive retries so that throttling slows the client down instead of failing the run.
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
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

/** An SDK v3 client class: every one takes the same base options. */
export type ClientClass<C> = new (config: ReturnType<typeof clientOptions> & { forcePathStyle?: boolean }) => C;

/** The clients of one account in one region ("global" means the home region, for IAM, Organizations, S3 ListBuckets). */
export class ClientSet {
  private readonly made = new Map<unknown, unknown>();
  private readonly options: ReturnType<typeof clientOptions>;
  /** True when an endpoint override is set: S3 then needs path-style addressing. */
  private readonly pathStyle: boolean;

  constructor(config: AwsClientConfig, region: string, credentials: AwsCredentials | undefined) {
    this.options = clientOptions(config, region === "global" ? (config.region ?? defaultRegion) : region, credentials);
    this.pathStyle = config.endpoint !== undefined;
  }

  /** The one client of `Client` for this account and region, made on first use. */
  get<C extends object>(Client: ClientClass<C>): C {
    const existing = this.made.get(Client);
    if (existing instanceof Client) return existing;
    const client = new Client(Client === S3Client || Client === S3ControlClient ? { ...this.options, forcePathStyle: this.pathStyle } : this.options);
    this.made.set(Client, client);
    return client;
  }

  sts = (): STSClient => this.get(STSClient);
  ec2 = (): EC2Client => this.get(EC2Client);
  iam = (): IAMClient => this.get(IAMClient);
  organizations = (): OrganizationsClient => this.get(OrganizationsClient);
  s3 = (): S3Client => this.get(S3Client);
}
