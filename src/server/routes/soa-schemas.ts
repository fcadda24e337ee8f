// The shapes of the Statement of Applicability's API (6.1.3 d): a control's row in the list, its entry in
// full with its evidence and check results, and the changes a request may make to it.
import { z } from "@hono/zod-openapi";
import { annexAControls, attributeVocabulary } from "../../catalog/annex-a.js";
import {
  implementationStatuses,
  reasonKinds,
  soaApplicabilities,
  soaThemes,
  statusSources,
  type SoaEntry,
} from "../../domain/soa/index.js";
import { instant, isoInstant } from "./route-parts.js";

const text = z.string().trim().min(1, "write something, or leave the field out");

export const controlParam = z.object({
  workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }),
  control: z.string().min(1).max(64).openapi({ description: "An Annex A control id (8.24 or A.8.24) or an own control's id", example: "8.24" }),
});

/** "A.8.24", "a 8.24", "8.24" → "8.24"; anything else is taken as an own control's id. */
export function controlIdOf(text: string): string {
  const annexA = /^(?:a\s*\.?\s*)?([5-8]\.\d{1,2})$/i.exec(text.trim());
  return annexA?.[1] ?? text.trim();
}

/** Every ISO/IEC 27002:2022 attribute tag, as 27002 spells it ("#Preventive"). */
const attributeTags: readonly string[] = Object.values(attributeVocabulary).flat();
const tagsByControl = new Map(annexAControls.map((c) => [c.id, Object.values(c.attributes).flat()]));

/** The 27002 attribute tags of a control; own controls have none. */
export function attributesOf(controlId: string): string[] {
  return [...(tagsByControl.get(controlId) ?? [])];
}

/** "preventive", "#Preventive", "identity and access management" → "#Identity_and_access_management", or undefined. */
export function attributeTag(text: string): string | undefined {
  const wanted = `#${text.trim().replace(/^#/, "").replace(/[\s-]+/g, "_")}`.toLowerCase();
  return attributeTags.find((tag) => tag.toLowerCase() === wanted);
}

export const soaListQuery = z.object({
  theme: z.enum(soaThemes).optional(),
  applicability: z.enum([...soaApplicabilities, "undecided"]).optional(),
  status: z.enum([...implementationStatuses, "not_assessed"]).optional().openapi({ description: "Among the controls not excluded (not_applicable ones have no status)" }),
  owner: z.string().min(1).optional().openapi({ description: "Only this control owner's controls (a person id)", example: "P-002" }),
  attribute: z
    .string()
    .refine((value) => attributeTag(value) !== undefined, { message: "not an ISO/IEC 27002 attribute; use one such as #Preventive, #Protect or #Identity_and_access_management" })
    .optional()
    .openapi({ description: "Only controls with this ISO/IEC 27002 attribute", example: "#Preventive" }),
});

const reasonSchema = z.object({ kind: z.enum(reasonKinds), ref: z.string().optional() });
const automatedSummary = z.object({ collectedAt: instant, checks: z.array(z.string()), passed: z.number(), failed: z.number() });

export const soaRowSchema = z
  .object({
    controlId: z.string(),
    title: z.string(),
    theme: z.enum(soaThemes),
    attributes: z.array(z.string()).openapi({ description: "ISO/IEC 27002 attribute tags" }),
    applicability: z.enum(soaApplicabilities).nullable().openapi({ description: "null: not decided yet" }),
    reasons: z.array(reasonSchema),
    justification: z.string(),
    implementationStatus: z.enum(implementationStatuses).nullable().openapi({ description: "null: not assessed" }),
    statusSource: z.enum(statusSources),
    statusOverrideReason: z.string().nullable(),
    owner: z.string().nullable(),
    ownerName: z.string().nullable(),
    implementationDescription: z.string().nullable(),
    reference: z.string().nullable(),
    treatedRiskIds: z.array(z.string()),
    evidence: z.object({ count: z.number(), fresh: z.number(), newest: instant.nullable() }),
    automatedChecks: automatedSummary.nullable(),
  })
  .openapi("SoaRow");
export type SoaRow = z.infer<typeof soaRowSchema>;

export const soaListSchema = z.object({ controls: z.array(soaRowSchema), total: z.number() }).openapi("SoaList");

/** A control's row as the list answers it: its evidence and checks summed up (the control's own route lists them). */
export function soaRow(entry: SoaEntry, personName: (id: string) => string): SoaRow {
  const checks = entry.automatedChecks;
  return {
    controlId: entry.controlId,
    title: entry.title,
    theme: entry.theme,
    attributes: attributesOf(entry.controlId),
    applicability: entry.applicability,
    reasons: entry.reasons,
    justification: entry.justification,
    implementationStatus: entry.implementationStatus,
    statusSource: entry.statusSource,
    statusOverrideReason: entry.statusOverrideReason,
    owner: entry.owner,
    ownerName: entry.owner ? personName(entry.owner) : null,
    implementationDescription: entry.implementationDescription,
    reference: entry.reference,
    treatedRiskIds: entry.treatedRiskIds,
    evidence: { count: entry.evidence.length, fresh: entry.evidence.filter((e) => e.fresh).length, newest: isoInstant(entry.evidence[0]?.collectedAt) },
    automatedChecks: checks ? { collectedAt: checks.collectedAt.toISOString(), checks: checks.checks, passed: checks.passed, failed: checks.failed } : null,
  };
}

export const soaEvidenceSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    collectedAt: instant,
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    fresh: z.boolean(),
    source: z.string().openapi({ description: "Where it came from: aws, upload, …" }),
  })
  .openapi("SoaEvidence");

export const checkResultSchema = z
  .object({ checkId: z.string(), passed: z.boolean(), account: z.string(), region: z.string(), resource: z.string(), detail: z.string(), collectedAt: instant.nullable() })
  .openapi("ControlCheckResult");

export const soaControlSchema = z
  .object({ control: soaRowSchema, evidence: z.array(soaEvidenceSchema), checkResults: z.array(checkResultSchema).openapi({ description: "Every result of the latest collection's automated checks under the control" }) })
  .openapi("SoaControl");

export const soaChangesSchema = z
  .strictObject({
    applicability: z.enum(soaApplicabilities),
    justification: z.string().openapi({ description: "Why the control is included, inherited or excluded; needed to inherit or exclude" }),
    reasons: z
      .array(z.strictObject({ kind: z.enum(reasonKinds).exclude(["risk"]), ref: text.optional() }))
      .openapi({ description: "Reasons for inclusion other than risks (those come from the register); replaces the stated ones" }),
    implementationStatus: z.enum(implementationStatuses).nullable().openapi({ description: "null hands the status back to evidence and checks" }),
    overrideReason: z.string().nullable().openapi({ description: "Why the status differs from what evidence and checks show" }),
    owner: text.nullable().openapi({ description: "The control owner: a person's id or name; null clears it" }),
    implementationDescription: z.string().nullable(),
    reference: z.string().nullable(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'say what to change, e.g. {"applicability": "applicable", "reasons": [{"kind": "business"}]}')
  .openapi("SoaChanges");
