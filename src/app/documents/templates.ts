// Document templates of a workspace template: Markdown files with a front matter, read from
// templates/<template>/documents/ and filled from the workspace when its drafts are created.
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { isControlId } from "../../catalog/annex-a.js";
import { findClause } from "../../catalog/clauses.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { WorkspaceTemplate } from "../../domain/workspace.js";
import type { TemplateContext } from "./template-context.js";

export const documentTemplateSchema = z
  .object({
    id: z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/, "an id looks like POL-ACCESS"),
    kind: z.string().min(1),
    title: z.string().min(1),
    clauses: z.array(z.string().refine((c) => findClause(c)?.id === c, "not a clause of ISO/IEC 27001:2022 (write 4.3, 6.1.2)")).default([]),
    controls: z.array(z.string().refine(isControlId, "not an Annex A control (write 5.15, without A.)")).default([]),
    /** ISMS roles whose holders own and approve the document (people.isms_roles). */
    owner: z.string().min(1),
    approver: z.string().min(1),
    acknowledge: z.boolean().default(false),
    reviewMonths: z.number().int().min(1).max(36).default(12),
  })
  .strict();

export type DocumentTemplate = z.infer<typeof documentTemplateSchema> & { file: string; body: string };

const templatesDir = (template: WorkspaceTemplate) => fileURLToPath(new URL(`../templates/${template}/documents/`, import.meta.url));

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

/** Parses one template file: front matter validated, body kept as written. */
export function parseDocumentTemplate(file: string, text: string): DocumentTemplate {
  const match = frontMatter.exec(text);
  if (!match) throw new InvalidInputError(file, [{ path: "line 1", message: "a document template starts with a front matter block between two --- lines" }]);
  let frontMatterValue: unknown;
  try {
    frontMatterValue = parseYaml(match[1] ?? "");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] ?? error.message : String(error);
    throw new InvalidInputError(file, [{ path: "front matter", message: `not valid YAML: ${reason}` }]);
  }
  const parsed = documentTemplateSchema.safeParse(frontMatterValue);
  if (!parsed.success) {
    throw new InvalidInputError(file, parsed.error.issues.map((i) => ({ path: `front matter ${i.path.join(".")}`, message: i.message })));
  }
  return { ...parsed.data, file, body: (match[2] ?? "").trim() };
}

/** Every document template of a workspace template, by file name; none for "blank". */
export async function loadDocumentTemplates(template: WorkspaceTemplate): Promise<DocumentTemplate[]> {
  if (template === "blank") return [];
  const dir = templatesDir(template);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
  return Promise.all(files.map(async (file) => parseDocumentTemplate(file, await readFile(`${dir}${file}`, "utf8"))));
}

/** Anything between double braces: a misspelt name is caught as unknown rather than left in the text. */
const placeholder = /\{\{([^{}]*)\}\}/g;

/** The placeholders a template's text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((m) => (m[1] ?? "").trim()))];
}

/**
 * The template's text with every placeholder filled from the workspace. An unknown placeholder is
 * an error naming the file, so a typo in a template never reaches a document.
 */
export function fillDocumentTemplate(template: Pick<DocumentTemplate, "file" | "body" | "controls" | "reviewMonths">, context: TemplateContext): string {
  const unknown: string[] = [];
  const filled = template.body.replace(placeholder, (whole, inner: string) => {
    const name = inner.trim();
    const value = context.value(name, template);
    if (value === undefined) {
      unknown.push(name);
      return whole;
    }
    return value;
  });
  if (unknown.length > 0) {
    throw new InvalidInputError(template.file, unknown.map((name) => ({ path: `{{${name}}}`, message: "unknown placeholder; the list is in templates/aws-saas/documents/README.md" })));
  }
  return filled;
}
