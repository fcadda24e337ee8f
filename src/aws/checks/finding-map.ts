// Which Annex A controls a Security Hub control finding (by its security control id, e.g. "S3.8") or
// an AWS Config managed rule (by its source identifier) bears on, read once from data/finding-map.json.
import { z } from "zod";
import findingMapData from "./data/finding-map.json" with { type: "json" };

const mapping = z.object({ controls: z.array(z.string()).min(1).readonly(), reason: z.string().min(1) });
export const findingMapSchema = z.object({
  sources: z.string().min(1),
  securityHubControls: z.record(z.string().regex(/^[A-Za-z0-9]+\.\d+$/, "a Security Hub control id looks like S3.8"), mapping),
  configRules: z.record(z.string().regex(/^[A-Z0-9_]+$/, "a Config managed rule identifier looks like S3_BUCKET_VERSIONING_ENABLED"), mapping),
});
export type FindingMap = z.infer<typeof findingMapSchema>;

export const findingMap: FindingMap = findingMapSchema.parse(findingMapData);

/** Where a finding or rule that nothing maps goes: the review of compliance with policies and standards. */
export const unmappedControls: readonly string[] = ["5.36"];

/** The Annex A controls of a Security Hub security control id, or undefined when it is not mapped. */
export function controlsOfSecurityControl(id: string): readonly string[] | undefined {
  return Object.hasOwn(findingMap.securityHubControls, id) ? findingMap.securityHubControls[id]?.controls : undefined;
}

/** The Annex A controls of an AWS Config managed rule identifier, or undefined when it is not mapped. */
export function controlsOfConfigRule(identifier: string): readonly string[] | undefined {
  return Object.hasOwn(findingMap.configRules, identifier) ? findingMap.configRules[identifier]?.controls : undefined;
}

/** Every control some entry of `table` maps to, with 5.36, sorted: a check's own list, wider than each result's. */
export function allMappedControls(table: Record<string, { controls: readonly string[] }>): string[] {
  const ids = new Set([...unmappedControls, ...Object.values(table).flatMap((m) => m.controls)]);
  return [...ids].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}
