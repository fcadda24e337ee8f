// SDK clients for one (account, region): created lazily, shared by every fetch there, all with
// adaptive retries so that throttling slows the client down instead of failing the run, and each
// attempt passed through a gate (the limiter's pacing) when one is given.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
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

/**
 * One connection pool for every client of the process: a run makes a client per (account, region,
 * service), and each with its own pool would open its own connections (and TLS sessions) to the
 * same endpoints. The limiter bounds requests in flight, so the pool need not.
 */
const sharedAgents = { httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) };

/** The options every client gets: adaptive retries, the endpoint override, the account's credentials. */
export function clientOptions(config: AwsClientConfig, region: string, credentials: AwsCredentials | undefined) {
  return {
    region,
    retryMode: "adaptive",
    maxAttempts: config.maxAttempts ?? defaultMaxAttempts,
    // Resolve each command's middleware once per client, not on every request (thousands per run).
    cacheMiddleware: true,
    requestHandler: sharedAgents,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(credentials === undefined ? {} : { credentials }),
  } as const;
}

/** "global" (IAM, Organizations, S3 ListBuckets) is asked in the home region. */
export function resolveRegion(config: AwsClientConfig, region: string): string {
  return region === "global" ? (config.region ?? defaultRegion) : region;
}

/** Runs each HTTP attempt of a client, retries included, when it may go (see limiter.ts). */
export type AttemptGate = <T>(send: () => Promise<T>) => Promise<T>;

/** A middleware that hands every request on unchanged, whatever the client's types. */
type Passthrough = <A, R>(next: (args: A) => Promise<R>) => (args: A) => Promise<R>;

/** What of an SDK v3 client the gate needs: its middleware stack. */
export interface SdkClient {
  middlewareStack: { addRelativeTo(middleware: Passthrough, options: { relation: "after"; toMiddleware: string; name: string }): void };
}

/** An SDK v3 client class: every one takes the same base options. */
export type ClientClass<C> = new (config: ReturnType<typeof clientOptions> & { forcePathStyle?: boolean }) => C;

/** Clients that address buckets in the path when the endpoint is overridden. */
const pathStyleClients = new Set<unknown>([S3Client, S3ControlClient]);

/** The clients of one account in one region ("global" means the home region, for IAM, Organizations, S3 ListBuckets). */
export class ClientSet {
  private readonly made = new Map<unknown, unknown>();
  private readonly options: ReturnType<typeof clientOptions>;
  /** True when an endpoint override is set: S3 then needs path-style addressing. */
  private readonly pathStyle: boolean;

  constructor(
    config: AwsClientConfig,
    region: string,
    credentials: AwsCredentials | undefined,
    private readonly gate?: AttemptGate,
  ) {
    this.options = clientOptions(config, resolveRegion(config, region), credentials);
    this.pathStyle = config.endpoint !== undefined;
  }

  /** The one client of `Client` for this account and region, made on first use. */
  get<C extends SdkClient>(Client: ClientClass<C>): C {
    const existing = this.made.get(Client);
    if (existing instanceof Client) return existing;
    const client = new Client(pathStyleClients.has(Client) ? { ...this.options, forcePathStyle: this.pathStyle } : this.options);
    const gate = this.gate;
    // Inside the retry loop and before signing: each attempt waits its turn, then is signed and sent.
    if (gate) client.middlewareStack.addRelativeTo((next) => (args) => gate(() => next(args)), { relation: "after", toMiddleware: "retryMiddleware", name: "attemptGate" });
    this.made.set(Client, client);
    return client;
  }

  sts = (): STSClient => this.get(STSClient);
  ec2 = (): EC2Client => this.get(EC2Client);
  iam = (): IAMClient => this.get(IAMClient);
  organizations = (): OrganizationsClient => this.get(OrganizationsClient);
  s3 = (): S3Client => this.get(S3Client);
}
