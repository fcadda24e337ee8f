// Discovery: which accounts a run collects from (the organization's, or the caller's own), the
// credentials for each (the caller's in its own account, sts:AssumeRole elsewhere) and their regions.
import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { paginateListAccounts } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ClientSet, resolveRegion } from "./clients.js";
import type { AwsClientConfig, AwsCredentials } from "./clients.js";
import type { Limiter } from "./limiter.js";
import { classifyError, describeError } from "./snapshot.js";
import type { Problem } from "./snapshot.js";

export interface Target {
  account: string;
  name?: string;
  /** "base": the caller's own credentials (its own account, usually the management account). */
  via: "base" | "assume-role";
  credentials: AwsCredentials | undefined;
  regions: string[];
}

export interface DiscoverOptions {
  clientConfig: AwsClientConfig;
  /** Discover the accounts through Organizations ListAccounts (management or delegated administrator). */
  org: boolean;
  /** Only these account ids (with `org`), or these instead of the caller's own (without). */
  accounts?: string[];
  /** These regions in every account instead of each account's enabled regions. */
  regions?: string[];
  roleName: string;
  /** Paces discovery's requests with the collection's (its STS and EC2 buckets are the same ones). */
  limiter?: Limiter;
  /** Called with each target as soon as it is known, so that its collection need not wait for the others'. */
  onTarget?: (target: Target) => void;
}

export interface Discovery {
  caller: string;
  targets: Target[];
  problems: Problem[];
  /** Requests made while discovering. */
  calls: number;
}

interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Refreshes the assumed role's credentials five minutes before they expire (sessions last an hour). */
function assumedRoleCredentials(sts: ClientSet, roleArn: string): () => Promise<SessionCredentials> {
  let current: Promise<SessionCredentials> | undefined;
  const assume = async (): Promise<SessionCredentials> => {
    const { Credentials } = await sts.sts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "openisms-collector" }));
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error(`AssumeRole into ${roleArn} returned no credentials`);
    return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
  };
  return async () => {
    const held = current ? await current.catch(() => undefined) : undefined;
    if (!current || !held || (held.expiration && held.expiration.getTime() - Date.now() < 5 * 60_000)) current = assume();
    return current;
  };
}

async function listOrganizationAccounts(base: ClientSet): Promise<{ id: string; name?: string }[]> {
  const accounts: { id: string; name?: string }[] = [];
  for await (const page of paginateListAccounts({ client: base.organizations() }, {}))
    for (const account of page.Accounts ?? []) if (account.Id && (account.Status ?? "ACTIVE") === "ACTIVE") accounts.push({ id: account.Id, ...(account.Name ? { name: account.Name } : {}) });
  return accounts;
}

/** The clients of one account for one service in the home region, paced when a limiter is given. */
function clientsOf(options: DiscoverOptions, account: string, service: string, credentials: AwsCredentials | undefined): ClientSet {
  const { clientConfig, limiter } = options;
  const region = resolveRegion(clientConfig, "global");
  return new ClientSet(clientConfig, region, credentials, limiter ? (send) => limiter.attempt(account, region, service, send) : undefined);
}

async function enabledRegions(ec2: ClientSet): Promise<string[]> {
  const { Regions } = await ec2.ec2().send(new DescribeRegionsCommand({}));
  return (Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : [])).sort();
}

/** The accounts and regions to collect from; per-account failures become problems, never exceptions. */
export async function discoverTargets(options: DiscoverOptions): Promise<Discovery> {
  const { clientConfig, roleName } = options;
  // One unpaced request: until it answers, the limiter cannot know whose buckets to draw on.
  const identity = await new ClientSet(clientConfig, "global", clientConfig.credentials).sts().send(new GetCallerIdentityCommand({}));
  const caller = identity.Account ?? "";
  const base = clientsOf(options, caller, "sts", clientConfig.credentials);
  let calls = 1;
  const problems: Problem[] = [];
  let accounts: { id: string; name?: string }[] = (options.accounts ?? [caller]).map((id) => ({ id }));
  if (options.org) {
    calls += 1;
    try {
      const all = await listOrganizationAccounts(clientsOf(options, caller, "organizations", clientConfig.credentials));
      accounts = options.accounts ? all.filter((a) => options.accounts?.includes(a.id)) : all;
    } catch (error) {
      const { code, message } = describeError(error);
      const kind = classifyError(code, message, "global");
      problems.push({ account: caller, region: "global", service: "organizations", operation: "ListAccounts", kind: kind === "absent" ? "error" : kind, message: `${code}: ${message}` });
      accounts = [{ id: caller }];
    }
  }
  const found = (target: Target): Target => {
    options.onTarget?.(target);
    return target;
  };
  const targets = await Promise.all(
    accounts.map(async ({ id, name }): Promise<Target | undefined> => {
      const via = id === caller ? "base" : "assume-role";
      let credentials: AwsCredentials | undefined = clientConfig.credentials;
      let step = "AssumeRole";
      try {
        if (via === "assume-role") {
          const provider = assumedRoleCredentials(base, `arn:aws:iam::${id}:role/${roleName}`);
          calls += 1;
          await provider();
          credentials = provider;
        }
        step = "DescribeRegions";
        let regions = options.regions;
        if (!regions) {
          calls += 1;
          regions = await enabledRegions(clientsOf(options, id, "ec2", credentials));
        }
        return found({ account: id, ...(name ? { name } : {}), via, credentials, regions });
      } catch (error) {
        const { code, message } = describeError(error);
        const kind = classifyError(code, message, "global");
        problems.push({ account: id, service: step === "AssumeRole" ? "sts" : "ec2", operation: step, kind: kind === "absent" ? "error" : kind, message: `${code}: ${message}` });
        return step === "DescribeRegions" ? found({ account: id, ...(name ? { name } : {}), via, credentials, regions: [] }) : undefined;
      }
    }),
  );
  return { caller, targets: targets.filter((t) => t !== undefined), problems, calls };
}
