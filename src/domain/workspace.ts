// A workspace is one ISMS: the unit of tenancy. A consultancy runs one per client.
import { z } from "zod";

export const workspaceTemplates = ["blank", "aws-saas"] as const;
export type WorkspaceTemplate = (typeof workspaceTemplates)[number];

export const workspaceSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
    "use 1–40 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. acme-isms)",
  );

export const newWorkspace = z.object({
  slug: workspaceSlug,
  name: z.string().trim().min(1, "give the workspace a name").max(200),
  companyName: z.string().trim().min(1, "give the company's name").max(200),
  template: z.enum(workspaceTemplates),
});
export type NewWorkspace = z.infer<typeof newWorkspace>;

/** Lower-case letters, digits and single dashes, at most `max` characters: "Café Policy #2" → "cafe-policy-2"; "" when nothing is left. */
export function slugOf(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

/** Derives a slug from a free-text name: "Acme Cloud ISMS" → "acme-cloud-isms". */
export function slugFromName(name: string): string {
  return slugOf(name, 40) || "isms";
}
