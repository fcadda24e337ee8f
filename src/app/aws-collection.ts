// One AWS collection for a workspace, as every face runs it: collect (src/aws), run the checks over
// the snapshots, store snapshots and results as evidence, and say which controls' SoA status moved.
import type { AwsClientConfig } from "../aws/clients.js";
import { collectAws } from "../aws/collect.js";
import type { CollectResult } from "../aws/collect.js";
import { awsChecks, runChecks } from "../aws/checks/index.js";
import type { Check, CheckResult } from "../aws/checks/index.js";
import type { Collector } from "../aws/collectors/index.js";
import type { FetchProgress } from "../aws/fetcher.js";
import { describeError } from "../aws/snapshot.js";
import type { ImplementationStatus } from "../domain/soa/index.js";
import { IsmsError } from "../domain/errors.js";
import type { BlobStore } from "../evidence/index.js";
import type { Db } from "../store/open.js";
import { recordCollectionRun } from "./collection.js";
import type { CollectionOptions, CollectionRun } from "./collection.js";
import type { BoundObjectiveMeasurement } from "./objectives.js";
import { loadStatementOfApplicability } from "./soa.js";
import type { Workspace } from "./workspaces.js";

export interface AwsCollectionRequest extends CollectionOptions {
  clientConfig: AwsClientConfig;
  actor: string;
  onProgress?: (progress: FetchProgress) => void;
  /** For tests: a subset of the collectors and checks. */
  collectors?: readonly Collector[];
  checks?: readonly Check[];
}

export interface StatusChange {
  controlId: string;
  title: string;
  before: ImplementationStatus | null;
  after: ImplementationStatus | null;
  failed: number;
}

export interface AwsCollectionOutcome {
  run: CollectionRun;
  /** The checks that ran. */
  checks: readonly Check[];
  collected: CollectResult;
  results: CheckResult[];
  /** Controls with a passing or failing result. */
  controls: string[];
  /** Controls whose derived SoA status differs from before the run. */
  changes: StatusChange[];
  /** The objectives bound to a check: the measurement each got from this run, or why none. */
  objectives: BoundObjectiveMeasurement[];
  evidence: { snapshots: number; results: number; reusedBlobs: number };
  wallMs: number;
}

/** Nothing usable came back: every request failed (or discovery found nothing to ask). */
export function nothingCollected(collected: CollectResult): boolean {
  return !collected.snapshots.some((s) => s.error === undefined || s.error.kind === "absent");
}

const credentialsFix = "Check the credentials (aws sts get-caller-identity, --profile), the collector's permissions (deploy/aws/, docs/aws-collection.md) and --role-name";

export async function runAwsCollection(db: Db, ws: Workspace, blobs: BlobStore, request: AwsCollectionRequest): Promise<AwsCollectionOutcome> {
  const startedAt = new Date();
  const collected = await collectAws({
    clientConfig: request.clientConfig,
    org: request.org,
    roleName: request.roleName,
    ...(request.accounts ? { accounts: request.accounts } : {}),
    ...(request.regions ? { regions: request.regions } : {}),
    ...(request.concurrency !== undefined ? { concurrency: request.concurrency } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.collectors ? { collectors: request.collectors } : {}),
  }).catch((error: unknown) => {
    // Only the caller's own identity can stop a run: everything after it is reported, not thrown.
    const { code, message } = describeError(error);
    throw new IsmsError(`Nothing could be collected from AWS: ${code}: ${message}`, credentialsFix);
  });
  if (nothingCollected(collected)) {
    const reasons = [...new Set(collected.problems.map((p) => p.message))].slice(0, 3).join("; ");
    throw new IsmsError(
      `Nothing could be collected from AWS${reasons ? `: ${reasons}` : ""}`,
      credentialsFix,
    );
  }
  const checks = request.checks ?? awsChecks;
  const results = runChecks(collected.snapshots, checks);
  const finishedAt = new Date();

  const before = await loadStatementOfApplicability(db, ws, { asOf: finishedAt });
  const recorded = await db.transaction((tx) =>
    recordCollectionRun(tx, ws, blobs, {
      startedAt,
      finishedAt,
      caller: collected.caller,
      options: { org: request.org, roleName: request.roleName, accounts: request.accounts, regions: request.regions, concurrency: request.concurrency, profile: request.profile },
      collected,
      checks,
      results,
      actor: request.actor,
    }),
  );
  const after = await loadStatementOfApplicability(db, ws, { asOf: new Date(finishedAt.getTime() + 1) });
  const previous = new Map(before.map((e) => [e.controlId, e.implementationStatus]));
  const changes = after
    .filter((e) => previous.has(e.controlId) && previous.get(e.controlId) !== e.implementationStatus)
    .map((e) => ({ controlId: e.controlId, title: e.title, before: previous.get(e.controlId) ?? null, after: e.implementationStatus, failed: e.automatedChecks?.failed ?? 0 }));
  return {
    run: recorded.run,
    checks,
    collected,
    results,
    controls: recorded.controls,
    changes,
    objectives: recorded.objectives,
    evidence: { snapshots: recorded.snapshotEvidence, results: recorded.resultEvidence, reusedBlobs: recorded.reusedBlobs },
    wallMs: finishedAt.getTime() - startedAt.getTime(),
  };
}
