// Fills a new workspace's SoA from its template: for aws-saas, a decision and justification for all 93
// controls, owned by the template's people in the roles that usually own them.
import type { WorkspaceTemplate } from "../domain/workspace.js";
import { awsSaasSoaDefaults, notAssessed, type DefaultOwnerRole } from "../domain/soa/index.js";
import type { Tx } from "../store/open.js";
import { controlImplementations } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { loadPersonDirectory } from "./people.js";
import type { Workspace } from "./workspaces.js";

/** The aws-saas template's people (people.yaml) who hold each owner role. */
const ownerNames: Record<DefaultOwnerRole, string> = {
  management: "Chief Executive Officer",
  security: "Head of Security",
  engineering: "Chief Technology Officer",
  platform: "Platform Engineering Lead",
  people: "Head of People",
};

/** Writes the template's SoA rows; returns how many. The blank template has none. */
export async function prefillStatementOfApplicability(tx: Tx, workspace: Workspace, template: WorkspaceTemplate, context: { actor: string }): Promise<number> {
  if (template !== "aws-saas") return 0;
  const directory = await loadPersonDirectory(tx, workspace);
  const rows = awsSaasSoaDefaults().map((d) => ({
    workspaceId: workspace.id,
    id: d.controlId,
    controlId: d.controlId,
    applicability: d.applicability,
    reasons: d.reasons,
    justification: d.justification,
    implementationStatus: d.implementationStatus ?? notAssessed,
    owner: d.ownerRole ? (directory.find(ownerNames[d.ownerRole]) ?? null) : null,
    evidenceRefs: [],
  }));
  await tx.insert(controlImplementations).values(rows);
  const counts = { applicable: 0, inherited: 0, not_applicable: 0 };
  for (const row of rows) counts[row.applicability] += 1;
  await appendAuditLog(tx, { workspaceId: workspace.id, actor: context.actor, action: "soa.prefill", entityType: "soa", entityId: template, before: null, after: { controls: rows.length, ...counts } });
  return rows.length;
}
