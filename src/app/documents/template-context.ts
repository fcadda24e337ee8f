// What a document template is filled with: the workspace's company, scope, people in their ISMS
// roles, AWS accounts and services, risk acceptance criteria, objectives and SoA decisions.
import { and, eq } from "drizzle-orm";
import { awsControlMap } from "../../catalog/aws-map.js";
import { applicabilityLabels, displayControlId } from "../../domain/soa/entry.js";
import type { Db } from "../../store/open.js";
import { assets, exclusions, objectives, people, scope, scopeInterfaces } from "../../store/schema/index.js";
import { currentMethodology } from "../risk-methodology.js";
import { loadStatementOfApplicability } from "../soa.js";
import type { Workspace } from "../workspaces.js";
import { findControl } from "../../catalog/annex-a.js";

export interface TemplateContext {
  /** The text of a placeholder ("company", "role:isms-owner"), or undefined for an unknown one. */
  value(name: string, template: { controls: readonly string[]; reviewMonths: number }): string | undefined;
  /** The person holding an ISMS role, to own or approve a document; the first by id when several do. */
  holderOf(role: string): string | null;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const markdownTable = (header: string[], rows: string[][]) =>
  [header, header.map(() => "---"), ...rows].map((r) => `| ${r.map(cell).join(" | ")} |`).join("\n");
const bullets = (items: string[], none: string) => (items.length === 0 ? none : items.map((i) => `- ${i}`).join("\n"));
const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id, "en", { numeric: true });

const roleNames: Record<string, string> = {
  "top-management": "Top management",
  "isms-owner": "ISMS owner",
  "risk-owner": "Risk owner",
  "risk-manager": "Risk manager",
  "control-owner": "Control owner",
  "asset-owner": "Asset owner",
  "internal-auditor": "Internal auditor",
  "management-review-chair": "Chair of the management review",
};

export async function loadTemplateContext(db: Db, workspace: Workspace, at = new Date()): Promise<TemplateContext> {
  const ws = workspace.id;
  const [scopeRow] = await db.select().from(scope).where(eq(scope.workspaceId, ws));
  const interfaces = (await db.select().from(scopeInterfaces).where(eq(scopeInterfaces.workspaceId, ws))).sort(byId);
  const excluded = (await db.select().from(exclusions).where(eq(exclusions.workspaceId, ws))).sort(byId);
  const today = at.toISOString().slice(0, 10);
  const staff = (await db.select().from(people).where(eq(people.workspaceId, ws))).filter((p) => !p.endDate || p.endDate >= today).sort(byId);
  const accounts = (await db.select().from(assets).where(and(eq(assets.workspaceId, ws), eq(assets.kind, "aws-account")))).filter((a) => a.inScope).sort(byId);
  const goals = (await db.select().from(objectives).where(eq(objectives.workspaceId, ws))).sort(byId);
  const methodology = await currentMethodology(db, workspace).catch(() => null);
  const soa = await loadStatementOfApplicability(db, workspace, { asOf: at });
  const soaByControl = new Map(soa.map((e) => [e.controlId, e]));

  const personName = (id: string | null) => staff.find((p) => p.id === id)?.name ?? id ?? "not named";
  const holders = (role: string) => staff.filter((p) => p.ismsRoles.includes(role));
  const roleText = (role: string) => {
    const names = holders(role).map((p) => p.name);
    return names.length > 0 ? names.join(", ") : `[to be named: ${roleNames[role] ?? role}]`;
  };
  const applicable = new Set(soa.filter((e) => e.applicability === "applicable" || e.applicability === "inherited").map((e) => e.controlId));
  const services = [...new Set(awsControlMap.filter((m) => applicable.has(m.control)).flatMap((m) => m.services.map((s) => s.service)))].sort((a, b) => a.localeCompare(b));

  const fixed: Record<string, () => string> = {
    company: () => workspace.companyName,
    "isms.name": () => workspace.name,
    "scope.statement": () => scopeRow?.statement ?? "[The scope statement is not written yet: isms scope set]",
    "scope.boundaries": () => scopeRow?.boundaries || "[The boundaries are not written yet: isms scope set]",
    "scope.interfaces": () => bullets(interfaces.map((i) => `${i.name}${i.counterparty ? ` (${i.counterparty})` : ""}${i.description ? `: ${i.description}` : ""}`), "No interface is recorded yet."),
    "scope.exclusions": () => bullets(excluded.map((e) => `${e.subject}: ${e.reason}`), "Nothing is excluded."),
    "roles.table": () =>
      markdownTable(
        ["ISMS role", "Held by"],
        Object.entries(roleNames).map(([role, name]) => [name, roleText(role)]),
      ),
    "aws.accounts": () => bullets(accounts.map((a) => `${a.name}${a.externalRef ? ` (${a.externalRef})` : ""}${a.description ? `: ${a.description}` : ""}`), "No AWS account is recorded in the asset inventory yet."),
    "aws.services": () => (services.length > 0 ? services.join(", ") : "none recorded yet"),
    "methodology.acceptance": () => {
      if (!methodology) return "[No risk methodology is set yet: isms risk methodology set]";
      const threshold = methodology.body.acceptance.threshold;
      const rule = threshold === 0 ? "no risk is accepted without a decision of its risk owner" : `a risk scoring ${threshold} or less is acceptable without treatment, and a higher residual risk is retained only with its risk owner's explicit acceptance`;
      return `Under the risk assessment methodology v${methodology.version}, ${rule}.`;
    },
    "objectives.table": () =>
      markdownTable(
        ["Id", "Objective", "Measure", "Target", "Owner", "Due"],
        goals.map((o) => [o.id, o.title, o.measure ?? "", o.target ?? "", personName(o.owner), o.dueDate ?? "ongoing"]),
      ),
  };

  return {
    holderOf: (role) => holders(role)[0]?.id ?? null,
    value(name, template) {
      if (name.startsWith("role:")) {
        const role = name.slice("role:".length);
        return role in roleNames ? roleText(role) : undefined;
      }
      if (name === "review.months") return `${template.reviewMonths} months`;
      if (name === "controls.table") {
        return markdownTable(
          ["Control", "Title", "In the Statement of Applicability"],
          template.controls.map((id) => {
            const entry = soaByControl.get(id);
            const decision = entry?.applicability ? applicabilityLabels[entry.applicability] : "not decided yet";
            return [displayControlId(id), findControl(id)?.title ?? entry?.title ?? "", decision];
          }),
        );
      }
      return fixed[name]?.();
    },
  };
}
