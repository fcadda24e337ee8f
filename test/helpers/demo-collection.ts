// Collecting from the simulated demo organization in a test: start the simulator, run the given
// collectors from the management account with org discovery, and judge the snapshots with the checks.
import { collectAws } from "../../src/aws/collect.js";
import type { CollectResult } from "../../src/aws/collect.js";
import type { Check, CheckResult } from "../../src/aws/checks/index.js";
import type { Collector } from "../../src/aws/collectors/index.js";
import { startSimulator } from "../../testing/aws-sim/server.js";
import type { Simulator } from "../../testing/aws-sim/server.js";

export interface DemoCollection {
  sim: Simulator;
  collected: CollectResult;
  results: CheckResult[];
}

/**
 * `pinTo`: judge every snapshot as if collected at that instant — the demo's dates are fixed, so
 * checks that judge ages (key use, finding age) need a fixed "now" to give the same results each day.
 * The caller closes `sim`.
 */
export async function collectFromDemo(collectors: readonly Collector[], checks: readonly Check[], options: { pinTo?: string } = {}): Promise<DemoCollection> {
  const sim = await startSimulator({ scenario: "demo" });
  const collected = await collectAws({
    clientConfig: { endpoint: sim.url, region: "us-east-1", credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY ?? "" } },
    org: true,
    roleName: "ISMSCollector",
    collectors,
  });
  const { pinTo } = options;
  const snapshots = pinTo ? collected.snapshots.map((s) => ({ ...s, collectedAt: pinTo })) : collected.snapshots;
  return { sim, collected, results: checks.flatMap((check) => check.evaluate(snapshots)) };
}
