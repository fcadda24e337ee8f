// Small scenario factories for the simulator's tests: a management and a member account with one
// identity each; tests add the state they need.
import { parseScenario } from "./scenario.js";
import type { Scenario } from "./scenario.js";
import { loadServiceModules } from "./services/index.js";

export const management = "111111111111";
export const member = "222222222222";
export const managementKey = { accessKeyId: "AKIAMANAGEMENT0001", secretAccessKey: "management-secret" };
export const memberKey = { accessKeyId: "AKIAMEMBER00000001", secretAccessKey: "member-secret" };

/** A two-account organization; `accountState` maps an account id to its `state`. */
export async function twoAccountScenario(
  accountState: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
  optInRegions: Record<string, string[]> = {},
): Promise<Scenario> {
  await loadServiceModules();
  return parseScenario({
    organization: { id: "o-testorg123", managementAccount: management, root: "r-ab12", organizationalUnits: [{ id: "ou-ab12-workloads", name: "Workloads" }] },
    accounts: [
      { id: management, name: "management", email: "aws@example.com", parent: "r-ab12", state: accountState[management], optInRegions: optInRegions[management] },
      { id: member, name: "member", email: "member@example.com", parent: "ou-ab12-workloads", state: accountState[member], optInRegions: optInRegions[member] },
    ],
    identities: [
      { ...managementKey, account: management, principal: `arn:aws:iam::${management}:user/admin` },
      { ...memberKey, account: member, principal: `arn:aws:iam::${member}:user/dev` },
    ],
    ...extra,
  }, "test scenario");
}
