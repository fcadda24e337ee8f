// One row of the Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d) as every face and the readiness
// engine see it: decision, reasons, justification, implementation status and where that status came from.
import { z } from "zod";

export const soaApplicabilities = ["applicable", "inherited", "not_applicable"] as const;
export const soaApplicabilitySchema = z.enum(soaApplicabilities);
export type SoaApplicability = z.infer<typeof soaApplicabilitySchema>;

/** Ordered from least to most implemented; `compareStatuses` relies on this order. */
export const implementationStatuses = ["not_implemented", "planned", "partially_implemented", "implemented"] as const;
export const implementationStatusSchema = z.enum(implementationStatuses);
export type ImplementationStatus = z.infer<typeof implementationStatusSchema>;

export const reasonKinds = ["risk", "legal", "contractual", "business", "best_practice"] as const;
export const reasonKindSchema = z.enum(reasonKinds);
export type ReasonKind = z.infer<typeof reasonKindSchema>;

export const soaReasonSchema = z.object({ kind: reasonKindSchema, ref: z.string().trim().min(1).optional() });
export type SoaReason = z.infer<typeof soaReasonSchema>;

/**
 * - "derived": computed from check results and evidence (see deriveImplementationStatus).
 * - "override": a person set it against what was derived, and said why.
 * - "manual": stated by a person where nothing can be derived (or not yet assessed: null).
 */
export const statusSources = ["derived", "override", "manual"] as const;
export type StatusSource = (typeof statusSources)[number];

export const soaThemes = ["organizational", "people", "physical", "technological", "own"] as const;
export type SoaTheme = (typeof soaThemes)[number];

export const soaEvidenceSchema = z.object({
  id: z.string(),
  // Coerced so that a published version's JSON (dates as ISO text) parses back into the same shape.
  collectedAt: z.coerce.date(),
  fresh: z.boolean(),
});

/** A resource an automated check found failing under the control. */
export const failingResourceSchema = z.object({
  checkId: z.string(),
  account: z.string(),
  region: z.string(),
  resource: z.string(),
  detail: z.string(),
});
export type FailingResource = z.infer<typeof failingResourceSchema>;

/** What the latest collection's automated checks found under the control (null: none ran). */
export const automatedChecksSchema = z.object({
  /** When the results were collected. */
  collectedAt: z.coerce.date(),
  checks: z.array(z.string()),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  failing: z.array(failingResourceSchema),
});
export type AutomatedChecks = z.infer<typeof automatedChecksSchema>;

export const soaEntrySchema = z.object({
  controlId: z.string().min(1),
  title: z.string(),
  theme: z.enum(soaThemes),
  /** null: nobody has decided yet. */
  applicability: soaApplicabilitySchema.nullable(),
  /** Risk reasons are derived from the register ("treat" risks naming the control); others are stored. */
  reasons: z.array(soaReasonSchema),
  justification: z.string(),
  /** null: not yet assessed (and always null for a control that is not applicable). */
  implementationStatus: implementationStatusSchema.nullable(),
  statusSource: z.enum(statusSources),
  statusOverrideReason: z.string().nullable(),
  /** The control owner's person id. */
  owner: z.string().nullable(),
  implementationDescription: z.string().nullable(),
  reference: z.string().nullable(),
  evidence: z.array(soaEvidenceSchema),
  treatedRiskIds: z.array(z.string()),
  /** Versions published before automated checks existed have none: read as null. */
  automatedChecks: automatedChecksSchema.nullable().default(null),
});
export type SoaEntry = z.infer<typeof soaEntrySchema>;

/** Decisions that need a justification: an exclusion, and reliance on a supplier (AWS) for the control. */
export function justificationNeeded(applicability: SoaApplicability | null): boolean {
  return applicability === "not_applicable" || applicability === "inherited";
}

/** The store keeps "not yet assessed" as this word, since its status column cannot be empty. */
export const notAssessed = "not_assessed";

/** A stored status word as the domain reads it: one of the four statuses, or null. */
export function parseStoredStatus(value: string | null | undefined): ImplementationStatus | null {
  const parsed = implementationStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Negative when `a` is less implemented than `b`; null (not assessed) counts as least. */
export function compareStatuses(a: ImplementationStatus | null, b: ImplementationStatus | null): number {
  const rank = (s: ImplementationStatus | null) => (s === null ? -1 : implementationStatuses.indexOf(s));
  return rank(a) - rank(b);
}

/** How people read the values: in tables, spreadsheets and documents. */
export const applicabilityLabels: Record<SoaApplicability, string> = {
  applicable: "Applicable",
  inherited: "Inherited",
  not_applicable: "Not applicable",
};

export const statusLabels: Record<ImplementationStatus, string> = {
  implemented: "Implemented",
  partially_implemented: "Partially implemented",
  planned: "Planned",
  not_implemented: "Not implemented",
};

export const reasonKindLabels: Record<ReasonKind, string> = {
  risk: "risk",
  legal: "legal",
  contractual: "contractual",
  business: "business",
  best_practice: "best practice",
};

/** "risk R-001; legal GDPR Art. 32; business" — the form exports write and imports read. */
export function formatReasons(reasons: readonly SoaReason[]): string {
  return reasons.map((r) => (r.ref ? `${reasonKindLabels[r.kind]}: ${r.ref}` : reasonKindLabels[r.kind])).join("; ");
}

/** An Annex A id as documents write it ("A.5.1"); own control ids unchanged. */
export function displayControlId(controlId: string): string {
  return /^[5-8]\.\d+$/.test(controlId) ? `A.${controlId}` : controlId;
}
