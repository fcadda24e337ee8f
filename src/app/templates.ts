// Workspace templates: an export folder shipped with OpenISMS, filled with the workspace's own names
// and imported through the same validation as `isms import`.
import { fileURLToPath } from "node:url";
import type { WorkspaceTemplate } from "../domain/workspace.js";
import type { Tx } from "../store/open.js";
import { insertRegisters, readWorkspaceFiles } from "./workspace-files.js";
import type { Workspace } from "./workspaces.js";

const templateDir = (template: WorkspaceTemplate) => fileURLToPath(new URL(`./templates/${template}/`, import.meta.url));

/** Fills {{company}}, {{name}} and {{slug}} in a template's text. */
export function fillTemplate(text: string, workspace: Pick<Workspace, "companyName" | "name" | "slug">): string {
  return text
    .replaceAll("{{company}}", workspace.companyName)
    .replaceAll("{{name}}", workspace.name)
    .replaceAll("{{slug}}", workspace.slug);
}

export async function applyTemplate(tx: Tx, workspace: Workspace, template: WorkspaceTemplate): Promise<number> {
  if (template === "blank") return 0;
  const bundle = await readWorkspaceFiles(templateDir(template), (text) => fillTemplate(text, workspace));
  return insertRegisters(tx, workspace.id, bundle);
}
