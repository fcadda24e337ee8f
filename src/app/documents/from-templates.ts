// Creates a workspace's document drafts from its template's document templates, filled from what
// the workspace already holds (company, scope, roles, AWS accounts, methodology, objectives, SoA).
import type { WorkspaceTemplate } from "../../domain/workspace.js";
import type { Tx } from "../../store/open.js";
import type { Workspace } from "../workspaces.js";
import { createDocument } from "./lifecycle.js";
import { loadTemplateContext } from "./template-context.js";
import { fillDocumentTemplate, loadDocumentTemplates } from "./templates.js";

/** Writes one draft (version 1) per document template; returns how many. */
export async function createTemplateDocuments(tx: Tx, workspace: Workspace, template: WorkspaceTemplate, options: { actor: string; at?: Date }): Promise<number> {
  const templates = await loadDocumentTemplates(template);
  if (templates.length === 0) return 0;
  const context = await loadTemplateContext(tx, workspace, options.at);
  for (const t of templates) {
    const owner = context.holderOf(t.owner);
    await createDocument(
      tx,
      workspace,
      {
        id: t.id,
        title: t.title,
        kind: t.kind,
        owner,
        approver: context.holderOf(t.approver),
        author: owner,
        clauses: t.clauses,
        controls: t.controls,
        requiresAcknowledgement: t.acknowledge,
        reviewIntervalMonths: t.reviewMonths,
        template: t.file.replace(/\.md$/, ""),
        body: fillDocumentTemplate(t, context),
        changeSummary: `First draft, written from the ${template} template`,
      },
      options,
    );
  }
  return templates.length;
}
