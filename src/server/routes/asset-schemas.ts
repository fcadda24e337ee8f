// The shapes of the asset inventory API (A.5.9, A.5.12): an asset as the register holds it, the list's
// filters, and the fields of a new asset or a change (the owner given by a person's id or name).
import { z } from "@hono/zod-openapi";

const id = z.string().min(1).max(64);
export const assetIdParam = z.object({ workspace: z.string().openapi({ description: "The workspace's slug", example: "acme" }), id: id.openapi({ example: "A-001" }) });

/** An asset as the register holds it; also parses the register's rows. */
export const assetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().openapi({ description: "aws-account, data, repository, service, identity-provider, endpoint, saas, people, location, other…" }),
    owner: z.string().nullable().openapi({ description: "The asset owner's person id" }),
    classification: z.string().nullable(),
    inScope: z.boolean().openapi({ description: "Inside the ISMS scope" }),
    location: z.string().nullable(),
    description: z.string().nullable(),
    externalRef: z.string().nullable().openapi({ description: "Its identity elsewhere: an ARN, an AWS account id" }),
    attributes: z.record(z.string(), z.string()).openapi({ description: "Further columns an imported inventory carried" }),
  })
  .openapi("Asset");
export type AssetBody = z.infer<typeof assetSchema>;

export const assetListSchema = z.object({ assets: z.array(assetSchema) });
export const assetAnswerSchema = z.object({ asset: assetSchema });

const filter = (description: string, example: string) => z.string().trim().min(1).max(200).optional().openapi({ description, example });
export const assetListQuery = z.object({
  kind: filter("Only assets of this kind", "aws-account"),
  owner: filter("Only assets of this owner (a person id)", "P-002"),
  classification: filter("Only assets of this classification", "confidential"),
});

const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${field}: keep it under ${max} characters`)
    .nullable()
    .transform((v) => (v === "" ? null : v));

const assetFields = {
  name: z.string().trim().min(1, "name: say what the asset is").max(300, "name: keep it under 300 characters"),
  kind: z.string().trim().min(1, "kind: give its kind, such as aws-account, repository, saas or data").max(100, "kind: keep it under 100 characters"),
  owner: z.string().trim().max(200).nullable().openapi({ description: "The asset owner: a person's id or name; null for none", example: "P-002" }),
  classification: text("classification", 100),
  inScope: z.boolean({ error: "inScope: say true or false" }),
  location: text("location", 300),
  description: text("description", 4000),
  externalRef: text("externalRef", 2048),
};

export const newAssetSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][\w.-]{0,63}$/, "id: use letters, digits, dots, dashes or underscores, up to 64")
      .optional()
      .openapi({ description: "The id; default the next A-NNN", example: "A-042" }),
    name: assetFields.name,
    kind: assetFields.kind,
    owner: assetFields.owner.optional(),
    classification: assetFields.classification.optional(),
    inScope: assetFields.inScope.optional(),
    location: assetFields.location.optional(),
    description: assetFields.description.optional(),
    externalRef: assetFields.externalRef.optional(),
  })
  .strict()
  .openapi("NewAsset");
export type NewAssetInput = z.infer<typeof newAssetSchema>;

export const assetChangesSchema = z
  .object({
    name: assetFields.name.optional(),
    kind: assetFields.kind.optional(),
    owner: assetFields.owner.optional(),
    classification: assetFields.classification.optional(),
    inScope: assetFields.inScope.optional(),
    location: assetFields.location.optional(),
    description: assetFields.description.optional(),
    externalRef: assetFields.externalRef.optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: "say what to change, e.g. name or owner" })
  .openapi("AssetChanges");
export type AssetChangesInput = z.infer<typeof assetChangesSchema>;
