// For each of the 93 Annex A controls, where its evidence comes from on AWS: which services record it,
// what kinds of evidence they give, or why the evidence lies elsewhere. Parsed once from data/aws-map.json.
import { z } from "zod";
import { compareControlIds, controlIdSchema, getControl } from "./annex-a.js";
import { CatalogLookupError } from "./errors.js";
import awsMapData from "./data/aws-map.json" with { type: "json" };

/**
 * - "aws-evidence": AWS services produce the main evidence for the control.
 * - "partial": AWS evidence supports a control that is mainly organizational.
 * - "inherited": AWS operates the control in its data centres; the evidence is AWS's ISO/IEC 27001
 *   certificate and SOC 2 report, downloaded from AWS Artifact.
 * - "none": AWS offers nothing; evidence comes from HR, documents or other tools (see the note).
 */
export const awsCoverages = ["aws-evidence", "partial", "inherited", "none"] as const;
export const awsCoverageSchema = z.enum(awsCoverages);
export type AwsCoverage = z.infer<typeof awsCoverageSchema>;

export const awsServiceEvidenceSchema = z
  .object({
    /** The service's name as AWS writes it: "AWS CloudTrail", "Amazon GuardDuty". */
    service: z.string().min(1),
    /** Kinds of evidence the service yields for the control: "organization trail configuration". */
    evidence: z.array(z.string().min(1)).min(1).readonly(),
    /** One line on why this service evidences this control. */
    reason: z.string().min(1),
  })
  .readonly();
export type AwsServiceEvidence = z.infer<typeof awsServiceEvidenceSchema>;

export const awsControlMappingSchema = z
  .object({
    control: controlIdSchema,
    coverage: awsCoverageSchema,
    services: z.array(awsServiceEvidenceSchema).readonly(),
    /** Where the rest of the evidence comes from; always present for "none" and "inherited". */
    note: z.string().min(1).optional(),
  })
  .superRefine((mapping, ctx) => {
    if ((mapping.coverage === "none" || mapping.coverage === "inherited") && mapping.note === undefined) {
      const message = `a "${mapping.coverage}" entry must say where the evidence comes from`;
      ctx.addIssue({ code: "custom", path: ["note"], message });
    }
    if ((mapping.coverage === "none") !== (mapping.services.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["services"], message: 'only a "none" entry has no services' });
    }
  })
  .readonly();
export type AwsControlMapping = z.infer<typeof awsControlMappingSchema>;

const awsMapFileSchema = z.object({ controls: z.array(awsControlMappingSchema) });

/** One entry per Annex A control, in the standard's order (5.1 … 8.34). */
export const awsControlMap: readonly AwsControlMapping[] = Object.freeze(
  awsMapFileSchema
    .parse(awsMapData)
    .controls.slice()
    .sort((a, b) => compareControlIds(a.control, b.control)),
);

const mappingsByControl: ReadonlyMap<string, AwsControlMapping> = new Map(
  awsControlMap.map((m) => [m.control, m]),
);

/** Every AWS service the map names, sorted alphabetically. */
export const awsServices: readonly string[] = Object.freeze(
  [...new Set(awsControlMap.flatMap((m) => m.services.map((s) => s.service)))].sort((a, b) => a.localeCompare(b)),
);

/** "AWS CloudTrail", "aws cloudtrail", "CloudTrail" → "cloudtrail". */
function normalizeServiceName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\s*(?:aws|amazon)\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}

const servicesByName: ReadonlyMap<string, string> = new Map(awsServices.map((s) => [normalizeServiceName(s), s]));

/**
 * Where the evidence for a control comes from on AWS. Accepts what `getControl` accepts
 * ("8.24", "A.8.24", a title) and throws a CatalogLookupError for an unknown control.
 */
export function awsMappingForControl(controlId: string): AwsControlMapping {
  const { id } = getControl(controlId);
  const mapping = mappingsByControl.get(id);
  if (!mapping) {
    // Unreachable while the data holds all 93 controls (the tests check it); kept so a gap fails loudly.
    throw new CatalogLookupError({
      entity: "AWS map entry for Annex A control",
      query: controlId,
      listCommand: "isms catalog controls",
    });
  }
  return mapping;
}

/** One control that an AWS service helps evidence, with what the service gives for it. */
export interface AwsServiceUse {
  readonly control: string;
  readonly coverage: AwsCoverage;
  readonly service: string;
  readonly evidence: readonly string[];
  readonly reason: string;
}

/**
 * The controls an AWS service helps evidence, in the standard's order. The name is compared without
 * regard to case, punctuation or a leading "AWS"/"Amazon" ("cloudtrail" finds "AWS CloudTrail");
 * throws a CatalogLookupError for a service the map does not name.
 */
export function controlsForAwsService(service: string): readonly AwsServiceUse[] {
  const name = servicesByName.get(normalizeServiceName(service));
  if (name === undefined) {
    throw new CatalogLookupError({
      entity: "AWS service in the OpenISMS AWS map",
      query: service,
      listCommand: "isms catalog aws-services",
    });
  }
  return awsControlMap.flatMap((m) =>
    m.services
      .filter((s) => s.service === name)
      .map((s) => ({ control: m.control, coverage: m.coverage, ...s })),
  );
}
