// Shapes of the JSON documents stored in jsonb columns. The domain's zod schemas validate them at the
// edge; these types only keep the store honest about what it holds.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A certificate or attestation a supplier holds (ISO 27001, SOC 2 type II report, ...). */
export type SupplierCertification = {
  name: string;
  validUntil?: string;
  reportRef?: string;
};

/** Why a control is in the SoA (6.1.3 d): a risk it treats, a legal or contractual requirement, ... */
export type ApplicabilityReason = {
  kind: "risk" | "legal" | "contractual" | "business" | "best_practice";
  ref?: string;
};

/** Where a piece of evidence came from: a collector run, an upload, a system export. */
export type EvidenceSource = { kind: string; [key: string]: JsonValue };
