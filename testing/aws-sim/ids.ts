// Stable resource ids derived from names, so a scenario gives the same ids on every run.
import { createHash } from "node:crypto";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** e.g. stableId("AIDA", "111111111111/alice") → "AIDA" + 17 upper-case characters. */
export function stableId(prefix: string, seed: string, length = 17): string {
  const digest = createHash("sha256").update(seed).digest();
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[(digest[i % digest.length] ?? 0) % alphabet.length];
  return prefix + out;
}

/** A UUID-shaped id (KMS key ids, GuardDuty detector ids…) derived from a seed. */
export function stableUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
