// Nonconformities and Corrective Actions Log (10.2), generated from the audit findings and corrective
// actions registers: each nonconformity with its audit and actions, each action with its correction,
// root cause, closure evidence and effectiveness review, flagging what is missing or late.
import { and, eq, inArray } from "drizzle-orm";
import { isoDay } from "../../../domain/risk/calendar.js";
import { closedCorrectiveActionStatuses } from "../../../readiness/vocabulary.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { auditFindings, audits, correctiveActions, people } from "../../../store/schema/index.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface Nonconformity {
  id: string;
  kind: string;
  requirement: string | null;
  description: string;
  status: string;
  raisedOn: string | null;
  /** When it must be resolved: the certification body's deadline for its own findings. */
  dueDate: string | null;
  audit: { id: string; kind: string; title: string };
}

interface CorrectiveAction {
  id: string;
  /** The finding it answers; null for an action raised from elsewhere (an incident, a review). */
  findingId: string | null;
  /** The immediate correction (10.2 a). */
  correction: string | null;
  /** The action on the root cause (10.2 c). */
  description: string;
  rootCause: string | null;
  owner: string | null;
  dueDate: string | null;
  status: string;
  /** ISO 8601 instant. */
  closedAt: string | null;
  closureEvidenceRefs: string[];
  /** The review of whether it worked (10.2 d); null until reviewed. */
  effectiveness: { effective: boolean; on: string | null; by: string | null; note: string | null } | null;
}

interface CorrectiveActionsData {
  asOf: string;
  people: { id: string; name: string }[];
  nonconformities: Nonconformity[];
  actions: CorrectiveAction[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

const isClosed = (status: string): boolean => closedCorrectiveActionStatuses.includes(status);
const isOverdue = (a: CorrectiveAction, asOf: string): boolean => !isClosed(a.status) && a.dueDate !== null && a.dueDate < asOf;
const kindLabel = (kind: string): string => kind.replaceAll("_", " ");

const isLate = (nc: Nonconformity, asOf: string): boolean => !isClosed(nc.status) && nc.dueDate !== null && nc.dueDate < asOf;

const withoutAction = (data: CorrectiveActionsData): Nonconformity[] => {
  const answered = new Set(data.actions.map((a) => a.findingId));
  return data.nonconformities.filter((nc) => !answered.has(nc.id));
};

function effectivenessText(a: CorrectiveAction, person: (id: string | null) => string): string {
  if (!a.effectiveness) return isClosed(a.status) ? "⚠ not reviewed yet" : "—";
  const { effective, on, by, note } = a.effectiveness;
  return `${effective ? "effective" : "not effective"} on ${on ?? "?"} by ${person(by)}${note ? `: ${note}` : ""}`;
}

export const correctiveActionsLogDocument = defineGeneratedDocument({
  id: "corrective-actions-log",
  title: "Nonconformities and Corrective Actions Log",
  kind: "register",
  clauses: ["10.2"],
  controls: [],

  async load(db, context): Promise<CorrectiveActionsData> {
    const workspaceId = context.workspace.id;
    const [findingRows, actionRows, personRows] = await Promise.all([
      db
        .select({ finding: auditFindings, audit: { id: audits.id, kind: audits.kind, title: audits.title } })
        .from(auditFindings)
        .innerJoin(audits, and(eq(audits.workspaceId, auditFindings.workspaceId), eq(audits.id, auditFindings.auditId)))
        .where(and(eq(auditFindings.workspaceId, workspaceId), inArray(auditFindings.kind, ["major_nonconformity", "minor_nonconformity"]))),
      db.select().from(correctiveActions).where(eq(correctiveActions.workspaceId, workspaceId)),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspaceId)),
    ]);
    return {
      asOf: isoDay(context.at),
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      nonconformities: findingRows
        .map(({ finding, audit }) => ({
          id: finding.id,
          kind: finding.kind,
          requirement: finding.requirement,
          description: finding.description,
          status: finding.status,
          raisedOn: finding.raisedOn,
          dueDate: finding.dueDate,
          audit,
        }))
        .sort((a, b) => compareIds(a.id, b.id)),
      actions: actionRows
        .map((a) => ({
          id: a.id,
          findingId: a.findingId,
          correction: a.correction,
          description: a.description,
          rootCause: a.rootCause,
          owner: a.owner,
          dueDate: a.dueDate,
          status: a.status,
          closedAt: a.closedAt ? a.closedAt.toISOString() : null,
          closureEvidenceRefs: a.closureEvidenceRefs,
          effectiveness: a.effective === null ? null : { effective: a.effective, on: a.effectivenessReviewedOn, by: a.effectivenessReviewedBy, note: a.effectivenessNote },
        }))
        .sort((a, b) => compareIds(a.id, b.id)),
    };
  },

  gaps(data) {
    return [
      ...withoutAction(data).map((nc) => `Nonconformity ${nc.id} (${kindLabel(nc.kind)}, audit ${nc.audit.id}) has no corrective action.`),
      ...data.actions.filter((a) => isOverdue(a, data.asOf)).map((a) => `Corrective action ${a.id} is overdue: due ${a.dueDate ?? ""}, still ${a.status}.`),
      ...data.nonconformities.filter((nc) => isLate(nc, data.asOf)).map((nc) => `Nonconformity ${nc.id} was to be resolved by ${nc.dueDate ?? ""} and is still ${nc.status}.`),
    ];
  },

  render(data, context) {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const person = (id: string | null): string => (id ? `${names.get(id) ?? id} (${id})` : "none");
    const actionsFor = (findingId: string) => data.actions.filter((a) => a.findingId === findingId);
    const missing = withoutAction(data);
    const overdue = data.actions.filter((a) => isOverdue(a, data.asOf));
    const open = data.nonconformities.filter((nc) => !isClosed(nc.status));

    const nonconformities: PdfBlock[] = data.nonconformities.length
      ? [
          paragraph(
            `${data.nonconformities.length} nonconformities are on record ` +
              `(${data.nonconformities.filter((nc) => nc.kind === "major_nonconformity").length} major), ${open.length} of them open.`,
          ),
          table(
            ["Nonconformity", "Audit", "Kind", "Requirement", "Description", "Status", "Corrective actions", "Raised", "Due"],
            data.nonconformities.map((nc) => [
              nc.id,
              `${nc.audit.title} (${nc.audit.id}, ${nc.audit.kind})`,
              kindLabel(nc.kind),
              nc.requirement ?? "—",
              nc.description,
              nc.status,
              actionsFor(nc.id).map((a) => a.id).join(", ") || "⚠ none",
              nc.raisedOn ?? "—",
              nc.dueDate ? `${nc.dueDate}${isLate(nc, data.asOf) ? " ⚠ late" : ""}` : "—",
            ]),
          ),
        ]
      : [paragraph("No nonconformity has been recorded.")];
    if (missing.length) {
      nonconformities.push(
        paragraph("⚠ Nonconformities with no corrective action: each needs its cause analysed and an action with an owner and a due date."),
        list(missing.map((nc) => `${nc.id} (${isClosed(nc.status) ? "closed" : "open"}): ${nc.description}`)),
      );
    }

    const actions: PdfBlock[] = data.actions.length
      ? [
          paragraph("Every corrective action, including those raised from outside an audit. ⚠ marks an open action past its due date."),
          table(
            ["Action", "For", "Action on the cause", "Root cause", "Owner", "Due", "Status", "Closed", "Closure evidence"],
            data.actions.map((a) => [
              a.id,
              a.findingId ?? "—",
              a.description,
              a.rootCause ?? "—",
              person(a.owner),
              a.dueDate ? `${a.dueDate}${isOverdue(a, data.asOf) ? " ⚠ overdue" : ""}` : "no due date",
              a.status,
              a.closedAt ? a.closedAt.slice(0, 10) : "—",
              a.closureEvidenceRefs.join(", ") || "—",
            ]),
          ),
        ]
      : [paragraph("No corrective action has been recorded.")];
    if (overdue.length) actions.push(paragraph(`⚠ ${overdue.length} open corrective action${overdue.length === 1 ? " is" : "s are"} past their due date on ${data.asOf}.`));
    if (data.actions.length) {
      actions.push(
        paragraph("For each action, the correction made at once (10.2 a) and the review of whether the action removed the cause (10.2 d). An ineffective action is opened again."),
        table(
          ["Corrective action", "Correction", "Effectiveness review"],
          data.actions.map((a) => [a.id, a.correction ?? "—", effectivenessText(a, person)]),
        ),
      );
    }

    return {
      title: "Nonconformities and Corrective Actions Log",
      meta: [
        ["Organization", context.workspace.companyName],
        ["As of", data.asOf],
        ["ISO/IEC 27001:2022", "10.2"],
      ],
      sections: [
        { heading: "1. Nonconformities", blocks: nonconformities },
        { heading: "2. Corrective actions", blocks: actions },
      ],
    };
  },
});
