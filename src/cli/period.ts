// The --period FROM..TO flag of the commands that work on a span of days (packages, samples,
// requests): the domain's reading of a period, as a usage error that names the flag.
import { readPeriod, type Period } from "../domain/sample/index.js";
import { UsageError } from "./usage.js";

export function parsePeriodFlag(text: string, flag = "--period"): Period {
  const read = readPeriod(text);
  if ("error" in read) throw new UsageError(`${flag}: ${read.error}`);
  return read;
}
