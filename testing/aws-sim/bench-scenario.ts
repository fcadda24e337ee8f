// The `bench` scenario generator: N accounts × R regions × M resources per service, with state
// produced by generators each service module registers (registerBenchState).
import { defaultRegions, parseScenario } from "./scenario.js";
import type { Scenario } from "./scenario.js";
import type { StateScope } from "./state.js";

export interface BenchShape {
  accounts: number;
  regions: number;
  /** Resources per service and region (users per account for global services). */
  resources: number;
}

export interface BenchSite {
  accountId: string;
  accountIndex: number;
  managementAccount: string;
  /** Regional generators only. */
  region?: string;
  regionIndex?: number;
  resources: number;
}

export type StateGenerator = (site: BenchSite) => unknown;

const generators = new Map<string, { scope: StateScope; generate: StateGenerator }>();

/** Declares how a service's state looks in the bench scenario; return undefined to leave it out. */
export function registerBenchState(service: string, scope: StateScope, generate: StateGenerator): void {
  generators.set(`${scope}:${service}`, { scope, generate });
}

export const benchAccountId = (index: number): string => String(100000000000 + index * 1_000_003).padStart(12, "0");
export const benchKey = { accessKeyId: "AKIABENCHCOLLECTOR01", secretAccessKey: "bench-secret" };

export async function generateBenchScenario(shape: BenchShape): Promise<Scenario> {
  const { loadServiceModules } = await import("./services/index.js");
  await loadServiceModules();
  const regions = defaultRegions.slice(0, Math.max(1, Math.min(shape.regions, defaultRegions.length)));
  const management = benchAccountId(0);
  const accounts = Array.from({ length: Math.max(1, shape.accounts) }, (_, accountIndex) => {
    const accountId = benchAccountId(accountIndex);
    const site = { accountId, accountIndex, managementAccount: management, resources: shape.resources };
    const global: Record<string, unknown> = {};
    const perRegion: Record<string, Record<string, unknown>> = {};
    for (const [key, { scope, generate }] of generators) {
      const service = key.slice(scope.length + 1);
      if (scope === "global") {
        const value = generate(site);
        if (value !== undefined) global[service] = value;
        continue;
      }
      regions.forEach((region, regionIndex) => {
        const value = generate({ ...site, region, regionIndex });
        if (value !== undefined) (perRegion[region] ??= {})[service] = value;
      });
    }
    return {
      id: accountId, name: accountIndex === 0 ? "bench-management" : `bench-${accountIndex}`, email: `aws+${accountIndex}@bench.example`,
      parent: accountIndex === 0 ? "r-bnch" : "ou-bnch-workloads", state: { global, regions: perRegion },
    };
  });
  return parseScenario(
    {
      name: `bench-${shape.accounts}x${shape.regions}x${shape.resources}`,
      // The organization has exactly R regions enabled, so that a run collects N × R (account, region) pairs.
      regions: { default: regions, optIn: [] },
      organization: { id: "o-benchmark01", managementAccount: management, root: "r-bnch", organizationalUnits: [{ id: "ou-bnch-workloads", name: "Workloads" }] },
      accounts,
      identities: [{ ...benchKey, account: management, principal: `arn:aws:iam::${management}:user/isms-collector` }],
    },
    "bench scenario",
  );
}
