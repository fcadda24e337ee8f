// Management Review Records (9.3), generated from the management reviews register: per review, newest
// first, who attended, what was considered (9.3.2) and what was decided (9.3.3).
import { eq } from "drizzle-orm";
import { addMonths, isoDay } from "../../../domain/risk/calendar.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { managementReviews, people } from "../../../store/schema/index.js";
import type { JsonObject, JsonValue } from "../../../store/schema/json.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface Review {
  id: string;
  heldOn: string;
  /** Person ids, or names of attendees who are not in the people list. */
  attendees: string[];
  inputs: JsonObject;
  decisions: JsonObject;
  minutesRef: string | null;
}

interface ManagementReviewData {
  asOf: string;
  people: { id: string; name: string }[];
  /** Newest first. */
  reviews: Review[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

/** An object's entries in a stable order (the database does not keep the order they were written in). */
const entries = (object: JsonObject): [string, JsonValue][] => Object.entries(object).sort(([a], [b]) => compareIds(a, b));

/** A JSON value on one line: lists joined with "; ", nested objects as "key: value" pairs. */
function valueText(value: JsonValue): string {
  if (value === null) return "—";
  if (Array.isArray(value)) return value.map(valueText).join("; ");
  if (typeof value === "object") return entries(value).map(([key, v]) => `${key}: ${valueText(v)}`).join("; ");
  return String(value);
}

/** Label/value items: the object's keys as labels. */
const labelled = (object: JsonObject): string[] => entries(object).map(([key, value]) => `${key}: ${valueText(value)}`);

const heldWithinYear = (data: ManagementReviewData): Review[] => {
  const yearAgo = addMonths(data.asOf, -12);
  return data.reviews.filter((r) => r.heldOn >= yearAgo && r.heldOn <= data.asOf);
};

export const managementReviewRecordsDocument = defineGeneratedDocument({
  id: "management-review-records",
  title: "Management Review Records",
  kind: "record",
  clauses: ["9.3"],
  controls: [],

  async load(db, context): Promise<ManagementReviewData> {
    const workspaceId = context.workspace.id;
    const [reviewRows, personRows] = await Promise.all([
      db.select().from(managementReviews).where(eq(managementReviews.workspaceId, workspaceId)),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspaceId)),
    ]);
    return {
      asOf: isoDay(context.at),
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      reviews: reviewRows
        .map((r) => ({ id: r.id, heldOn: r.heldOn, attendees: r.attendees, inputs: r.inputs, decisions: r.decisions, minutesRef: r.minutesRef }))
        .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || compareIds(a.id, b.id)),
    };
  },

  gaps(data) {
    return heldWithinYear(data).length
      ? []
      : [`No management review was held in the 12 months to ${data.asOf}: top management holds one and its results are recorded (9.3).`];
  },

  render(data, context) {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const attendee = (idOrName: string): string => {
      const name = names.get(idOrName);
      return name ? `${name} (${idOrName})` : idOrName;
    };
    const reviewSections = data.reviews.map((review, i) => ({
      heading: `${i + 2}. Review of ${review.heldOn} (${review.id})`,
      blocks: [
        table(
          ["Record", "Value"],
          [
            ["Held on", review.heldOn],
            ["Attendees", review.attendees.length ? review.attendees.map(attendee).join(", ") : "none recorded"],
            ["Minutes", review.minutesRef ?? "—"],
          ],
        ),
        paragraph("Inputs considered:"),
        Object.keys(review.inputs).length ? list(labelled(review.inputs)) : paragraph("None recorded."),
        paragraph("Decisions and actions:"),
        Object.keys(review.decisions).length ? list(labelled(review.decisions)) : paragraph("None recorded."),
      ],
    }));
    const latest = data.reviews.find((r) => r.heldOn <= data.asOf);
    const summary = data.reviews.length
      ? `${data.reviews.length} management review${data.reviews.length === 1 ? " is" : "s are"} on record, newest first; ` +
        (latest ? `the latest held was on ${latest.heldOn}.` : "none has been held yet.")
      : "No management review has been recorded yet.";
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
            paragraph("Each review lists what top management considered and what it decided, as recorded; the labels are the record's own."),
          ],
        },
        ...reviewSections,
      ],
    };
  },
});
