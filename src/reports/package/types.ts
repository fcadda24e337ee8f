// The shapes an auditor's evidence package is made of: the files it holds, the manifest that lists
// them with their hashes and provenance, and what verifying a package found.
import type { Readable } from "node:stream";
import type { AuditKind } from "../../domain/sample/model.js";

/** The manifest's format tag; a verifier refuses a manifest it does not know. */
export const packageFormat = "openisms-evidence-package/1";

/** The files every package holds beside the ones its manifest lists. */
export const manifestPath = "manifest.json";
export const signaturePath = "manifest.json.sig";
export const publicKeyPath = "signing-key.pub.pem";

/** The certification audits a package or a sample is for: one list, the sample's. */
export { auditKinds, type AuditKind } from "../../domain/sample/model.js";

/** A period of days, both ends included (YYYY-MM-DD). */
export interface PackagePeriod {
  start: string;
  end: string;
}

/** Where a file's content came from. */
export interface PackageSource {
  /** "aws" (raw API snapshot), "aws-check" (check results), "upload" (a file a person attached), "generated" (rendered by OpenISMS from the data). */
  kind: string;
  account?: string;
  region?: string;
  service?: string;
  /** The API operations a snapshot holds, comma-separated. */
  operation?: string;
  /** Who attached the file (a person id or name). */
  uploader?: string;
  /** What rendered a generated file: "soa", "document POL-ISP v2", "check-results A.8.5"… */
  generator?: string;
  /** The evidence records this file holds: identical content recorded several times is written once. */
  evidenceIds?: string[];
}

/** One file to write into a package. */
export interface PackageEntryInput {
  /** POSIX path inside the package, relative, without "." or ".." segments: "evidence/E-001-iam.json". */
  path: string;
  mediaType: string;
  source: PackageSource;
  /** When the content was collected or generated (ISO 8601 timestamp). */
  collectedAt?: string;
  /** The days the content covers. */
  period?: PackagePeriod;
  /** Bytes in memory (small generated files) or a function that opens a stream, called only when the file is written. */
  content: Buffer | (() => Readable);
  /** When known in advance (a content-addressed blob): the writer fails if the bytes hash otherwise. */
  sha256?: string;
}

/** One file as the manifest lists it. */
export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
  source: PackageSource;
  collectedAt?: string;
  period?: PackagePeriod;
}

/** What a package is about: the header of its manifest. */
export interface PackageHeader {
  workspace: { id: string; name: string; company: string };
  audit: AuditKind;
  period: PackagePeriod;
  /** The time of the data the package was built from (not the wall clock), so the same data gives the same bytes. */
  generatedAt: string;
  generator: { name: string; version: string };
}

export interface PackageManifest extends PackageHeader {
  format: typeof packageFormat;
  /** Every file of the package except the manifest, its signature and the public key; sorted by path. */
  files: ManifestFile[];
}

/** What writing a package produced. */
export interface WrittenPackage {
  out: string;
  manifest: PackageManifest;
  /** The signing key's public half (SPKI, PEM), also stored in the package. */
  publicKeyPem: string;
  /** SHA-256 of the public key's DER bytes, hex. */
  keyFingerprint: string;
  /** Size of the ZIP file in bytes and its SHA-256. */
  bytes: number;
  sha256: string;
}

/** What verifying a package found. Any change, addition or removal, or a bad signature, makes `ok` false. */
export interface PackageVerification {
  ok: boolean;
  /** "valid", "invalid" (manifest changed or signed by another key), "missing" (no signature or key). */
  signature: "valid" | "invalid" | "missing";
  /** Fingerprint of the key the signature was checked with. */
  keyFingerprint?: string;
  /** Whether that key was given by the verifier (--key) rather than taken from the package itself. */
  keyGiven: boolean;
  manifest?: PackageManifest;
  /** Files whose bytes no longer match the manifest. */
  changed: { path: string; expected: string; actual: string }[];
  /** Files in the package that the manifest does not list. */
  added: string[];
  /** Files the manifest lists that the package does not hold. */
  removed: string[];
  /** How many listed files were checked. */
  checked: number;
}

/** A file of the package as the browsable index shows it. */
export interface IndexedFile {
  path: string;
  title: string;
  /** "aws-snapshot", "check-result", "upload", "document", "check-results", "summary"… */
  kind: string;
  size: number;
  sha256: string;
  collectedAt?: string;
  period?: PackagePeriod;
}

/** One Annex A control as the index and its one-page summary show it. */
export interface IndexedControl {
  id: string;
  title: string;
  theme: string;
  /** The SoA decision: "applicable", "inherited", "not-applicable" or "undecided". */
  applicability: string;
  /** Implementation status from the SoA ("implemented", "partial", "planned"…), if decided. */
  status?: string;
  owner?: string;
  justification?: string;
  /** How the control operates here: the SoA's implementation text, else what the catalog says it needs. */
  implementation?: string;
  /** Whether the control's evidence is in this package (Stage 2: every applicable control; surveillance: the year's sample). */
  inScope: boolean;
  /** The control's folder in the package ("controls/A.5.15/"), when it has one. */
  folder?: string;
  /** Risks the control treats: "R-004 Stolen administrator credentials". */
  risks: string[];
  /** Automated checks over the period, with the latest verdict counts. */
  checks: { id: string; title: string; pass: number; fail: number; other: number }[];
  /** The control's evidence files (paths relative to the package root). */
  files: IndexedFile[];
}

/** A sample request an auditor makes and the evidence that answers it. */
export interface IndexedRequest {
  id: string;
  topic: string;
  question: string;
  item: string;
  status: string;
  /** Package paths of the files that answer it. */
  files: string[];
}

/** Everything index.html and the control summaries are drawn from. */
export interface PackageIndexModel {
  header: PackageHeader;
  /** "Stage 2 audit", "Surveillance audit (year 2)"… */
  auditLabel: string;
  keyFingerprint: string;
  /** The documents of the package (PDF, XLSX), in reading order. */
  documents: { id: string; title: string; path: string; version?: string; status?: string }[];
  controls: IndexedControl[];
  requests: IndexedRequest[];
}
