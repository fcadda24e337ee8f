// The 61 AICPA Trust Services Criteria (2017, revised points of focus 2022) and OpenISMS's crosswalk from
// Annex A controls to them, parsed once from data/, so one piece of evidence can serve both audits.
import { z } from "zod";
import type { AnnexAControl } from "./annex-a.js";
import { compareControlIds, controlIdSchema, getControl } from "./annex-a.js";
import { CatalogLookupError } from "./errors.js";
import crosswalkData from "./data/iso-soc2-crosswalk.json" with { type: "json" };
import tscData from "./data/soc2-tsc-2017.json" with { type: "json" };

/** The five Trust Services categories; "security" is the common criteria CC1–CC9 every SOC 2 report covers. */
export const tscCategories = [
  "security",
  "availability",
  "confidentiality",
  "processing-integrity",
  "privacy",
] as const;

export const tscCategorySchema = z.enum(tscCategories);
export type TscCategory = z.infer<typeof tscCategorySchema>;

/** A criterion id as the TSC writes it: "CC6.1", "A1.2", "C1.1", "PI1.5", "P6.7". */
export const criterionIdSchema = z
  .string()
  .regex(/^(?:CC[1-9]|A1|C1|PI1|P[1-8])\.[1-9]$/, "a criterion id looks like CC6.1, A1.2 or P4.3");

export const tscCriterionSchema = z
  .object({
    id: criterionIdSchema,
    /** OpenISMS's own short label for the criterion; not AICPA text. */
    shortTitle: z.string().min(1),
    category: tscCategorySchema,
    /** The section the criterion sits in: "CC6", "A1", "P4". */
    group: z.string().regex(/^(?:CC[1-9]|A1|C1|PI1|P[1-8])$/),
    /** The section heading as the TSC prints it: "Logical and Physical Access Controls". */
    groupTitle: z.string().min(1),
    /** For CC1.1–CC5.3: the COSO 2013 internal control principle (1–17) the criterion restates. */
    cosoPrinciple: z.number().int().min(1).max(17).optional(),
  })
  .readonly();
export type TscCriterion = z.infer<typeof tscCriterionSchema>;

const tscFileSchema = z.object({
  edition: z.string().min(1),
  criteria: z.array(tscCriterionSchema),
});

const tscFile = tscFileSchema.parse(tscData);

/** The edition the catalog holds, as SOC 2 reports cite it. */
export const tscEdition: string = tscFile.edition;

/** All 61 criteria in the framework's order: CC1.1 … CC9.2, A1.1 … A1.3, C1, PI1, P1.1 … P8.1. */
export const tscCriteria: readonly TscCriterion[] = Object.freeze(tscFile.criteria);

const criteriaById: ReadonlyMap<string, TscCriterion> = new Map(tscCriteria.map((c) => [c.id, c]));

/** True when `id` is exactly the id of a Trust Services Criterion ("CC6.1"; not "cc6.1"). */
export function isCriterionId(id: string): boolean {
  return criteriaById.has(id);
}

/**
 * The criterion a user means by `query`, compared without regard to case or spaces
 * ("cc6.1", "CC 6.1" and "CC6.1" all find CC6.1).
 */
export function findCriterion(query: string): TscCriterion | undefined {
  return criteriaById.get(query.replace(/\s+/g, "").toUpperCase());
}

/** Like `findCriterion`, but throws a CatalogLookupError naming the query when nothing matches. */
export function getCriterion(query: string): TscCriterion {
  const criterion = findCriterion(query);
  if (!criterion) {
    throw new CatalogLookupError({
      entity: "SOC 2 Trust Services Criterion (ids run CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1)",
      query,
      listCommand: "isms catalog criteria",
    });
  }
  return criterion;
}

/** The criteria of one category, in the framework's order. */
export function criteriaInCategory(category: TscCategory): readonly TscCriterion[] {
  return tscCriteria.filter((c) => c.category === category);
}

// ---- Crosswalk: Annex A control ↔ Trust Services Criterion ----

/**
 * How much of the criterion the control answers: "direct" when the control's purpose is the subject
 * of the criterion, "partial" when the control contributes evidence but does not meet it alone.
 */
export const crosswalkStrengths = ["direct", "partial"] as const;
export const crosswalkStrengthSchema = z.enum(crosswalkStrengths);
export type CrosswalkStrength = z.infer<typeof crosswalkStrengthSchema>;

export const crosswalkPairSchema = z
  .object({
    /** Annex A 2022 control id: "8.15". */
    control: controlIdSchema,
    /** Trust Services Criterion id: "CC7.2". */
    criterion: criterionIdSchema,
    strength: crosswalkStrengthSchema,
    /** One line, in OpenISMS's words, on why the control serves the criterion. */
    reason: z.string().min(1),
  })
  .readonly();
export type CrosswalkPair = z.infer<typeof crosswalkPairSchema>;

const crosswalkFileSchema = z.object({ pairs: z.array(crosswalkPairSchema) });

const criterionOrder: ReadonlyMap<string, number> = new Map(tscCriteria.map((c, index) => [c.id, index]));

/** Orders criterion ids as the framework does (CC1.1 … CC9.2, A1, C1, PI1, P1.1 … P8.1); unknown ids last. */
export function compareCriterionIds(a: string, b: string): number {
  const last = Number.MAX_SAFE_INTEGER;
  return (criterionOrder.get(a) ?? last) - (criterionOrder.get(b) ?? last);
}

/** Every pair, by control (5.1 … 8.34) and within a control in the criteria's order. */
export const soc2Crosswalk: readonly CrosswalkPair[] = Object.freeze(
  crosswalkFileSchema
    .parse(crosswalkData)
    .pairs.slice()
    .sort((a, b) => compareControlIds(a.control, b.control) || compareCriterionIds(a.criterion, b.criterion)),
);

/** A criterion a control serves, with how strongly and why. */
export interface CriterionLink {
  readonly criterion: TscCriterion;
  readonly strength: CrosswalkStrength;
  readonly reason: string;
}

/** A control that serves a criterion, with how strongly and why. */
export interface ControlLink {
  readonly control: AnnexAControl;
  readonly strength: CrosswalkStrength;
  readonly reason: string;
}

/**
 * The criteria an Annex A control serves, in the criteria's order; empty for a control with no SOC 2
 * counterpart. Accepts what `getControl` accepts ("8.15", "A.8.15", a title) and throws a
 * CatalogLookupError for an unknown control.
 */
export function criteriaForControl(controlId: string): readonly CriterionLink[] {
  const { id } = getControl(controlId);
  return soc2Crosswalk
    .filter((pair) => pair.control === id)
    .map((pair) => ({ criterion: getCriterion(pair.criterion), strength: pair.strength, reason: pair.reason }));
}

/**
 * The Annex A controls that serve a criterion, in the standard's order. Accepts what `getCriterion`
 * accepts ("CC7.2", "cc7.2") and throws a CatalogLookupError for an unknown criterion.
 */
export function controlsForCriterion(criterionId: string): readonly ControlLink[] {
  const { id } = getCriterion(criterionId);
  return soc2Crosswalk
    .filter((pair) => pair.criterion === id)
    .map((pair) => ({ control: getControl(pair.control), strength: pair.strength, reason: pair.reason }));
}
