// Who is calling and may they: SigV4 credential scopes, the access keys the simulator knows
// (the scenario's and those AssumeRole issued), enabled regions and service control policies.
import { randomBytes } from "node:crypto";
import type { OrganizationalUnit, Scenario } from "./scenario.js";
import type { IssuedCredentials } from "./service.js";

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signature: string;
}

/** Reads the SigV4 scope from the Authorization header (or a presigned URL's X-Amz-Credential); undefined when malformed. */
export function parseCredentialScope(authorization: string | undefined, query: URLSearchParams): CredentialScope | undefined {
  let credential: string | undefined;
  let signature: string | undefined;
  if (authorization) {
    if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) return undefined;
    credential = /Credential=([^,\s]+)/.exec(authorization)?.[1];
    signature = /Signature=([^,\s]+)/.exec(authorization)?.[1];
    if (!/SignedHeaders=[a-z0-9;-]+/.test(authorization)) return undefined;
  } else {
    credential = query.get("X-Amz-Credential") ?? undefined;
    signature = query.get("X-Amz-Signature") ?? undefined;
  }
  if (!credential || !signature || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  const [accessKeyId, date, region, service, terminator] = credential.split("/");
  if (!accessKeyId || !date || !/^\d{8}$/.test(date) || !region || !service || terminator !== "aws4_request") return undefined;
  return { accessKeyId, date, region, service, signature };
}

export interface KnownCredential {
  accountId: string;
  principalArn: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export class CredentialStore {
  private keys = new Map<string, KnownCredential>();
  constructor(scenario: Scenario) {
    for (const id of scenario.identities)
      this.keys.set(id.accessKeyId, { accountId: id.account, principalArn: id.principal, secretAccessKey: id.secretAccessKey });
  }
  /** The credential of an access key, when it exists, its session token matches and it has not expired. */
  lookup(accessKeyId: string, sessionToken: string | undefined, now = new Date()): KnownCredential | undefined {
    const known = this.keys.get(accessKeyId);
    if (!known) return undefined;
    if (known.sessionToken !== undefined && known.sessionToken !== sessionToken) return undefined;
    if (known.expiration && known.expiration < now) return undefined;
    return known;
  }
  issue(accountId: string, principalArn: string, ttlSeconds: number): IssuedCredentials {
    const accessKeyId = `ASIA${randomBytes(8).toString("hex").toUpperCase()}`;
    const issued = {
      accessKeyId,
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: randomBytes(96).toString("base64"),
      expiration: new Date(Date.now() + ttlSeconds * 1000),
    };
    this.keys.set(accessKeyId, { accountId, principalArn, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken, expiration: issued.expiration });
    return issued;
  }
}

/** Services whose endpoint is global: the signing region is not an account's region, so no opt-in check. */
export const globalServices = new Set(["iam", "organizations", "account", "cloudfront", "route53"]);

/** Default regions are always enabled; opt-in regions only when the account enabled them; unknown regions never. */
export function regionEnabled(scenario: Scenario, accountId: string, region: string): boolean {
  if (scenario.regions.default.includes(region)) return true;
  const account = scenario.accounts.find((a) => a.id === accountId);
  return scenario.regions.optIn.includes(region) && (account?.optInRegions.includes(region) ?? false);
}

/** The root, OU ids and account id from the root down to the account. */
export function targetPath(scenario: Scenario, accountId: string): string[] {
  const account = scenario.accounts.find((a) => a.id === accountId);
  if (!account) return [];
  const find = (ous: OrganizationalUnit[], trail: string[]): string[] | undefined => {
    for (const ou of ous) {
      const here = [...trail, ou.id];
      if (ou.id === account.parent) return here;
      const below = find(ou.children, here);
      if (below) return below;
    }
    return undefined;
  };
  const root = scenario.organization.root;
  return [root, ...(account.parent === root ? [] : (find(scenario.organization.organizationalUnits, []) ?? [])), accountId];
}

/** The SCP that denies a service to an account, if any; SCPs never apply to the management account. */
export function denyingPolicy(scenario: Scenario, accountId: string, service: string): string | undefined {
  if (accountId === scenario.organization.managementAccount) return undefined;
  const path = new Set(targetPath(scenario, accountId));
  return scenario.serviceControlPolicies.find((p) => p.denyServices.includes(service) && p.targets.some((t) => path.has(t)))?.name;
}
