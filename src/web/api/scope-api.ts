// What the web app reads from and sends to the scope and asset API (4.1–4.3, A.5.9), as zod schemas in
// the shapes of src/server/routes/scope-schemas.ts and asset-schemas.ts, and the requests the screen makes.
import { z } from "zod";
import { request, requestNothing } from "./client.js";

const w = (ws: string) => `/api/w/${encodeURIComponent(ws)}`;

export const scopeSchema = z.object({
  statement: z.string().nullable(),
  boundaries: z.string(),
  approval: z.object({ by: z.string(), at: z.string() }).nullable(),
  interfaces: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), counterparty: z.string().nullable(), description: z.string().nullable() })),
  interestedParties: z.array(z.object({ id: z.string(), name: z.string(), requirements: z.string(), addressedByIsms: z.boolean() })),
  issues: z.array(z.object({ id: z.string(), kind: z.enum(["internal", "external"]), description: z.string() })),
  exclusions: z.array(z.object({ id: z.string(), subject: z.string(), reason: z.string() })),
});
export type Scope = z.infer<typeof scopeSchema>;

export const assetSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  owner: z.string().nullable(),
  classification: z.string().nullable(),
  inScope: z.boolean(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  externalRef: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
});
export type Asset = z.infer<typeof assetSchema>;
export const assetListSchema = z.object({ assets: z.array(assetSchema) });
export const assetAnswerSchema = z.object({ asset: assetSchema });

/** The kinds the CLI suggests (src/cli/assets.ts); any other text is a kind too. */
export const suggestedAssetKinds = ["aws-account", "data", "repository", "service", "identity-provider", "endpoint", "saas", "people", "location", "other"] as const;

/** Fields of a new asset or a change: the owner by a person's id or name, null (or "") clearing a field. */
export interface AssetFields {
  name?: string;
  kind?: string;
  owner?: string | null;
  classification?: string | null;
  inScope?: boolean;
  location?: string | null;
  description?: string | null;
  externalRef?: string | null;
}

export const fetchScope = (ws: string) => request("GET", `${w(ws)}/scope`, scopeSchema);
export const changeScope = (ws: string, changes: { statement?: string; boundaries?: string }) => request("PATCH", `${w(ws)}/scope`, scopeSchema, changes);
/** Approves as `person` (an id or name), or as the account's own person when none is given. */
export const approveScope = (ws: string, person?: string) => request("POST", `${w(ws)}/scope/approve`, scopeSchema, person ? { person } : {});

export const fetchAssets = (ws: string) => request("GET", `${w(ws)}/assets`, assetListSchema);
export const fetchAsset = (ws: string, id: string) => request("GET", `${w(ws)}/assets/${encodeURIComponent(id)}`, assetAnswerSchema);
export const addAsset = (ws: string, fields: AssetFields & { name: string; kind: string }) => request("POST", `${w(ws)}/assets`, assetAnswerSchema, fields);
export const changeAsset = (ws: string, id: string, changes: AssetFields) => request("PATCH", `${w(ws)}/assets/${encodeURIComponent(id)}`, assetAnswerSchema, changes);
export const removeAsset = (ws: string, id: string) => requestNothing("DELETE", `${w(ws)}/assets/${encodeURIComponent(id)}`);
