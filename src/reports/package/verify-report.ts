// What `isms package verify` prints: a verification as lines a person reads, worst news first.
import { manifestPath, publicKeyPath, signaturePath } from "./types.js";
import type { PackageVerification } from "./types.js";

/** The verification as lines: the signature, each changed, added and removed file, then the verdict. */
export function describeVerification(verification: PackageVerification): string[] {
  const { changed, added, removed, checked } = verification;
  const lines = [signatureLine(verification)];
  for (const file of changed) lines.push(`changed: ${file.path} (expected ${abbreviate(file.expected)}, now ${abbreviate(file.actual)})`);
  for (const path of added) lines.push(`added: ${path} (not listed in the manifest)`);
  for (const path of removed) lines.push(`removed: ${path} (listed in the manifest, missing from the package)`);
  if (verification.ok) {
    lines.push(`OK: ${files(checked)} ${checked === 1 ? "matches" : "match"} the manifest`);
  } else {
    const problems = [
      changed.length > 0 ? `${files(changed.length)} changed` : "",
      added.length > 0 ? `${files(added.length)} added` : "",
      removed.length > 0 ? `${files(removed.length)} removed` : "",
      verification.signature === "valid" ? "" : `signature ${verification.signature}`,
    ].filter(Boolean);
    const listed = checked + removed.length;
    lines.push(`FAILED: ${problems.join(", ")}; ${(checked - changed.length).toLocaleString("en-US")} of ${files(listed)} listed ${checked - changed.length === 1 ? "matches" : "match"} the manifest`);
  }
  return lines;
}

function signatureLine(verification: PackageVerification): string {
  const key = verification.keyFingerprint;
  switch (verification.signature) {
    case "valid":
      return verification.keyGiven
        ? `signature: valid, key ${key ?? "?"} (the key you gave)`
        : `signature: valid, key ${key ?? "?"} (the package's own key: check that this fingerprint is the one its sender printed, or pass --key)`;
    case "invalid":
      return `signature: INVALID for key ${key ?? `in ${publicKeyPath} (not an Ed25519 public key)`}: ${manifestPath} was changed after it was signed, or was signed with another key`;
    case "missing":
      return `signature: MISSING: the package holds no ${signaturePath}${verification.keyGiven ? "" : ` or no ${publicKeyPath}`}, so nothing shows who made it`;
  }
}

function abbreviate(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}

function files(count: number): string {
  return `${count.toLocaleString("en-US")} file${count === 1 ? "" : "s"}`;
}
