// The demo organization: demo.yaml (organization, identities, IAM, CloudTrail, Config, KMS…) with
// every demo-*.yaml beside it (demo-services.yaml: S3, GuardDuty, Security Hub, Backup, EC2…; one
// fragment per group of services) merged into it by account id, in file-name order.
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { parseScenario, type Scenario } from "../scenario.js";

export const demoScenarioPath = fileURLToPath(new URL("./demo.yaml", import.meta.url));
export const demoServicesPath = fileURLToPath(new URL("./demo-services.yaml", import.meta.url));
const scenariosDir = fileURLToPath(new URL(".", import.meta.url));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Objects merge key by key; anything else in `extra` replaces what `base` had. */
function deepMerge(base: unknown, extra: unknown): unknown {
  if (!isRecord(base) || !isRecord(extra)) return extra === undefined ? base : extra;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) out[key] = deepMerge(base[key], value);
  return out;
}

/** The fragments merged into demo.yaml: demo-services.yaml first (the base the others amend), then every other demo-*.yaml by name. */
async function demoFragmentPaths(): Promise<string[]> {
  const names = (await readdir(scenariosDir)).filter((name) => /^demo-.+\.yaml$/.test(name) && name !== "demo-services.yaml").sort();
  return ["demo-services.yaml", ...names].map((name) => fileURLToPath(new URL(`./${name}`, import.meta.url)));
}

/** Reads and validates the demo; the services' state schemas must be registered first (loadServiceModules). */
export async function readDemoScenario(): Promise<Scenario> {
  const demo: unknown = parseYaml(await readFile(demoScenarioPath, "utf8"));
  if (!isRecord(demo) || !Array.isArray(demo.accounts)) throw new Error(`${demoScenarioPath}: no accounts to merge into`);
  let accounts: unknown[] = demo.accounts;
  const paths = await demoFragmentPaths();
  for (const path of paths) {
    const fragment: unknown = parseYaml(await readFile(path, "utf8"));
    const extras = isRecord(fragment) && Array.isArray(fragment.accounts) ? fragment.accounts.filter(isRecord) : [];
    accounts = accounts.map((account: unknown) => (isRecord(account) ? deepMerge(account, extras.find((e) => e.id === account.id)) : account));
  }
  return parseScenario({ ...demo, accounts }, [demoScenarioPath, ...paths].join(" + "));
}
