// The 93 ISO/IEC 27001:2022 Annex A controls with their ISO/IEC 27002:2022 attributes, parsed once from
// data/annex-a-2022.json, and the lookups the rest of OpenISMS uses to name a control.
import { z } from "zod";
import { CatalogLookupError } from "./errors.js";
import annexAData from "./data/annex-a-2022.json" with { type: "json" };

/** The four themes of Annex A (27002:2022 clauses 5 to 8), in the standard's order. */
export const controlThemes = ["organizational", "people", "physical", "technological"] as const;

/** The '#'-tag vocabulary of the five attributes of ISO/IEC 27002:2022 (its clause 4.2), spelled as 27002 spells them. */
export const attributeVocabulary = {
  controlType: ["#Preventive", "#Detective", "#Corrective"],
  informationSecurityProperties: ["#Confidentiality", "#Integrity", "#Availability"],
  cybersecurityConcepts: ["#Identify", "#Protect", "#Detect", "#Respond", "#Recover"],
  operationalCapabilities: [
    "#Governance",
    "#Asset_management",
    "#Information_protection",
    "#Human_resource_security",
    "#Physical_security",
    "#System_and_network_security",
    "#Application_security",
    "#Secure_configuration",
    "#Identity_and_access_management",
    "#Threat_and_vulnerability_management",
    "#Continuity",
    "#Supplier_relationships_security",
    "#Legal_and_compliance",
    "#Information_security_event_management",
    "#Information_security_assurance",
  ],
  securityDomains: ["#Governance_and_Ecosystem", "#Protection", "#Defence", "#Resilience"],
} as const;

const tagList = <T extends readonly [string, ...string[]]>(tags: T) =>
  z.array(z.enum(tags)).min(1).readonly();

export const controlThemeSchema = z.enum(controlThemes);
export type ControlTheme = z.infer<typeof controlThemeSchema>;

export const controlAttributesSchema = z
  .object({
    controlType: tagList(attributeVocabulary.controlType),
    informationSecurityProperties: tagList(attributeVocabulary.informationSecurityProperties),
    cybersecurityConcepts: tagList(attributeVocabulary.cybersecurityConcepts),
    operationalCapabilities: tagList(attributeVocabulary.operationalCapabilities),
    securityDomains: tagList(attributeVocabulary.securityDomains),
  })
  .readonly();
export type ControlAttributes = z.infer<typeof controlAttributesSchema>;

/** A control id as the standard writes it: theme number, dot, control number ("5.1", "8.34"). */
export const controlIdSchema = z.string().regex(/^[5-8]\.[1-9]\d?$/, "a control id looks like 5.1 or 8.34");

export const annexAControlSchema = z
  .object({
    id: controlIdSchema,
    /** The title as printed in ISO/IEC 27001:2022 Table A.1. */
    title: z.string().min(1),
    /** Shortened or variant spellings used by other tools and documents; lookups accept them. */
    titleAliases: z.array(z.string().min(1)).readonly(),
    theme: controlThemeSchema,
    /** True when the control has no predecessor in ISO/IEC 27001:2013 Annex A. */
    newIn2022: z.boolean(),
    attributes: controlAttributesSchema,
    /** What a certification auditor looks for as evidence that the control operates (OpenISMS's own words). */
    auditorFocus: z.string().min(1),
  })
  .readonly();
export type AnnexAControl = z.infer<typeof annexAControlSchema>;

const annexAFileSchema = z.object({ controls: z.array(annexAControlSchema) });

/**
 * Orders dotted ids numerically, part by part, so "5.2" < "5.10" and "9.2" < "9.2.1" < "10".
 * Works for 2022 control ids, 2013 control ids and clause ids; use it to sort anything keyed by them.
 */
export function compareControlIds(a: string, b: string): number {
  const aParts = a.split(".").map(Number);
  const bParts = b.split(".").map(Number);
  for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
    const difference = (aParts[i] ?? -1) - (bParts[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** All 93 controls in the standard's order, 5.1 to 8.34 (numeric, so 5.2 comes before 5.10). */
export const annexAControls: readonly AnnexAControl[] = Object.freeze(
  annexAFileSchema
    .parse(annexAData)
    .controls.slice()
    .sort((a, b) => compareControlIds(a.id, b.id)),
);

const controlsById: ReadonlyMap<string, AnnexAControl> = new Map(annexAControls.map((c) => [c.id, c]));

/** Each theme with its controls' count, in the standard's order (37 / 8 / 14 / 34). */
export const themes: readonly { readonly theme: ControlTheme; readonly count: number }[] = controlThemes.map(
  (theme) => ({ theme, count: annexAControls.filter((c) => c.theme === theme).length }),
);

/** True when `id` is exactly the id of an Annex A 2022 control ("8.24"; not "A.8.24"). */
export function isControlId(id: string): boolean {
  return controlsById.has(id);
}

/** The controls of one theme, in the standard's order. */
export function controlsByTheme(theme: ControlTheme): readonly AnnexAControl[] {
  return annexAControls.filter((c) => c.theme === theme);
}

/** Lower-case, "&" read as "and", everything but letters and digits dropped: "End-point & Co." → "endpointandco". */
function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]/g, "");
}

const controlsByTitle: ReadonlyMap<string, AnnexAControl> = new Map(
  annexAControls.flatMap((c) => [c.title, ...c.titleAliases].map((t) => [normalizeTitle(t), c] as const)),
);

// "8.24", "A.8.24", "a.8.24", "A 8.24", "A8.24"; leading zeros tolerated ("8.06").
const controlIdQuery = /^(?:a\s*\.?\s*)?(\d{1,2})\s*\.\s*(\d{1,2})$/i;

/**
 * The control a user means by `query`: an id ("8.24", "A.8.24"), the official title or a known
 * alias, compared without regard to case, punctuation, spacing or "and" versus "&".
 */
export function findControl(query: string): AnnexAControl | undefined {
  const trimmed = query.trim();
  const idMatch = controlIdQuery.exec(trimmed);
  if (idMatch) {
    return controlsById.get(`${Number(idMatch[1])}.${Number(idMatch[2])}`);
  }
  const key = normalizeTitle(trimmed);
  return key === "" ? undefined : controlsByTitle.get(key);
}

/** Like `findControl`, but throws a CatalogLookupError naming the query when nothing matches. */
export function getControl(id: string): AnnexAControl {
  const control = findControl(id);
  if (!control) {
    throw new CatalogLookupError({
      entity: "ISO/IEC 27001:2022 Annex A control",
      query: id,
      listCommand: "isms catalog controls",
    });
  }
  return control;
}
