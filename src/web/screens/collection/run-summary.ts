// What the runs table says of a collection run, read from its stats (src/app/collection.ts writes them):
// the accounts and regions it covered and how many checks passed and failed.
import type { CollectionRun } from "../../api/register-schemas.js";

export interface RunSummary {
  accounts: string;
  regions: string;
  passed: string;
  failed: string;
}

const counted = (value: unknown): string => (typeof value === "number" ? String(value) : Array.isArray(value) ? String(value.length) : "—");

export function summarizeRun(run: CollectionRun): RunSummary {
  return { accounts: counted(run.stats.accounts), regions: counted(run.stats.regions), passed: counted(run.stats.passed), failed: counted(run.stats.failed) };
}

/** A problem of a run ("123456789012 eu-west-1: AccessDenied …") from its free-form record. */
export function problemText(problem: Record<string, unknown>): string {
  const part = (key: string) => (typeof problem[key] === "string" || typeof problem[key] === "number" ? String(problem[key]) : null);
  const where = [part("account"), part("region"), part("service")].filter((p) => p !== null).join(" ");
  const what = part("message") ?? part("error") ?? JSON.stringify(problem);
  return where ? `${where}: ${what}` : what;
}
