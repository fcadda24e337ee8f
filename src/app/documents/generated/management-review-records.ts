// Management Review Records (9.3), generated from the management reviews register: per review, newest
// first, whether it was held or is planned, who attended, what was considered (9.3.2), what was decided
// and the actions with their status (9.3.3).
import { eq } from "drizzle-orm";
import { finishedReviewActionStatuses } from "../../../domain/review/model.js";
import { preparationOf, reviewDecisionLines, reviewInputLines } from "../../../domain/review/records.js";
import { addMonths, isoDay } from "../../../domain/risk/calendar.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { people } from "../../../store/schema/index.js";
import type { JsonObject } from "../../../store/schema/json.js";
import { compareIds } from "../../registers.js";
import { listManagementReviews, type ManagementReview } from "../../management-review.js";
import { defineGeneratedDocument } from "./types.js";

type Review = ManagementReview;

interface ManagementReviewData {
  asOf: string;
  people: { id: string; name: string }[];
  /** Newest first. */
  reviews: Review[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

const isHeld = (r: Review) => r.status === "held";

const heldWithinYear = (data: ManagementReviewData): Review[] => {
  const yearAgo = addMonths(data.asOf, -12);
  return data.reviews.filter((r) => isHeld(r) && r.heldOn >= yearAgo && r.heldOn <= data.asOf);
};

const overdueActions = (data: ManagementReviewData) =>
  data.reviews.flatMap((r) => r.actions.filter((a) => !finishedReviewActionStatuses.includes(a.status) && a.dueDate !== null && a.dueDate < data.asOf).map((a) => ({ review: r, action: a })));

/** The inputs as list items: "9.3.2 a) …: summary", the trends of d) each on their own line. */
function inputItems(inputs: JsonObject): string[] {
  return reviewInputLines(inputs).flatMap((line) => [
    line.text ? `${line.label}: ${line.text}` : line.label,
    ...line.items.map((item) => `${item.label}: ${item.text}`),
  ]);
}

export const managementReviewRecordsDocument = defineGeneratedDocument({
  id: "management-review-records",
  title: "Management Review Records",
  kind: "record",
  clauses: ["9.3"],
  controls: [],

  async load(db, context): Promise<ManagementReviewData> {
    const workspaceId = context.workspace.id;
    const [reviews, personRows] = await Promise.all([
      listManagementReviews(db, context.workspace),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspaceId)),
    ]);
    return {
      asOf: isoDay(context.at),
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      reviews: reviews.sort((a, b) => b.heldOn.localeCompare(a.heldOn) || compareIds(a.id, b.id)),
    };
  },

  gaps(data) {
    const gaps = heldWithinYear(data).length
      ? []
      : [`No management review was held in the 12 months to ${data.asOf}: top management holds one and its results are recorded (9.3).`];
    for (const { review, action } of overdueActions(data)) {
      gaps.push(`Action ${action.id} of management review ${review.id} is overdue: due ${action.dueDate ?? "?"}, still ${action.status.replace("_", " ")}.`);
    }
    return gaps;
  },

  render(data, context) {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const person = (idOrName: string): string => {
      const name = names.get(idOrName);
      return name ? `${name} (${idOrName})` : idOrName;
    };
    const reviewSections = data.reviews.map((review, i) => {
      const prepared = preparationOf(review.inputs);
      const records: string[][] = [
        ["Status", isHeld(review) ? "held" : `${review.status}: inputs prepared, not yet held`],
        [isHeld(review) ? "Held on" : "Planned for", review.heldOn],
      ];
      if (prepared?.chair) records.push(["Chair", person(prepared.chair)]);
      if (prepared) records.push(["Inputs prepared", `on ${prepared.on}, ${prepared.previousReview ? `from the data since ${prepared.previousReview} (${prepared.since ?? "?"})` : "for the first review"}`]);
      records.push(["Attendees", review.attendees.length ? review.attendees.map(person).join(", ") : "none recorded"], ["Minutes", review.minutesRef ?? "—"]);
      const decisions = reviewDecisionLines(review.decisions);
      const inputs = inputItems(review.inputs);
      const actionRows = review.actions.map((a) => {
        const late = !finishedReviewActionStatuses.includes(a.status) && a.dueDate !== null && a.dueDate < data.asOf;
        return [a.id, a.description, a.owner ? person(a.owner) : "⚠ none", `${a.dueDate ?? "—"}${late ? " ⚠ overdue" : ""}`, `${a.status.replace("_", " ")}${a.closedOn ? ` ${a.closedOn}` : ""}`];
      });
      return {
        heading: `${i + 2}. ${isHeld(review) ? "Review" : "Planned review"} of ${review.heldOn} (${review.id})`,
        blocks: [
          table(["Record", "Value"], records),
          paragraph("Inputs considered:"),
          inputs.length ? list(inputs) : paragraph("None recorded."),
          paragraph("Decisions:"),
          decisions.length ? list(decisions) : paragraph(isHeld(review) ? "None recorded." : "None yet: the review has not been held."),
          paragraph("Actions:"),
          actionRows.length ? table(["Action", "What", "Owner", "Due", "Status"], actionRows) : paragraph("None recorded."),
        ],
      };
    });
    const held = data.reviews.filter(isHeld);
    const planned = data.reviews.length - held.length;
    const latest = held.find((r) => r.heldOn <= data.asOf);
    const summary = data.reviews.length
      ? `${data.reviews.length} management review${data.reviews.length === 1 ? " is" : "s are"} on record, newest first` +
        (planned ? ` (${planned} planned and not yet held)` : "") +
        "; " +
        (latest ? `the latest held was on ${latest.heldOn}.` : "none has been held yet.")
      : "No management review has been recorded yet.";
    const overdue = overdueActions(data).length;
    return {
      title: "Management Review Records",
      meta: [
        ["Organization", context.workspace.companyName],
        ["As of", data.asOf],
        ["ISO/IEC 27001:2022", "9.3"],
      ],
      sections: [
        {
          heading: "1. Summary",
          blocks: [
            paragraph(summary),
            ...(overdue ? [paragraph(`${overdue} action${overdue === 1 ? " decided at a review is" : "s decided at reviews are"} overdue.`)] : []),
            paragraph("Each review lists what top management considered, against the inputs of 9.3.2 when they were prepared from the data, and what it decided; records written by hand keep their own labels."),
          ],
        },
        ...reviewSections,
      ],
    };
  },
});
