// Calendar entries kept per person, supplier and document: awareness training as each person's record
// expires, supplier reviews and document reviews on the dates their registers hold.
import { awarenessCourseKind } from "../../readiness/vocabulary.js";
import { addMonths } from "../risk/calendar.js";
import { newestDay } from "./days.js";
import type { CalendarItem } from "./item.js";
import { calendarKinds, perEntityKinds } from "./program.js";

export interface PersonRecord {
  id: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
}
export interface CourseRecord {
  id: string;
  kind: string;
  validityMonths: number | null;
}
export interface TrainingRecord {
  courseId: string;
  personId: string;
  completedOn: string;
  expiresOn: string | null;
}
/** What falls due for a supplier, as the supplier register works it out (src/app/suppliers.ts), with its owner. */
export interface SupplierDue {
  supplierId: string;
  name: string;
  kind: "review" | "certification" | "contract" | "dpa";
  what: string;
  due: string;
  owner: string | null;
  lastReview: string | null;
  /** For a certification, its name: the item keeps its id while "expires" turns to "expired". */
  certification?: string | null;
}
export interface DocumentRecord {
  id: string;
  title: string;
  owner: string | null;
  nextReview: string | null;
  reviewIntervalMonths: number;
  /** The newest publication of a version, as a day. */
  lastPublished: string | null;
}

const basisOf = (kind: string) => perEntityKinds.find((k) => k.kind === kind)?.basis ?? "";
const yearly = 12;

function item(fields: Omit<CalendarItem, "overdue" | "basis">, asOf: string): CalendarItem {
  const { id, title, kind, owner, due, lastDone, recurrenceMonths } = fields;
  return { id, title, kind, owner, due, lastDone, overdue: due < asOf, basis: basisOf(kind), recurrenceMonths };
}

/**
 * Awareness training (7.3) for everyone who has not left: due when their newest awareness record
 * expires; for someone never trained, on the day they start (today when no start date is known).
 */
export function awarenessItems(
  input: { people: readonly PersonRecord[]; courses: readonly CourseRecord[]; records: readonly TrainingRecord[] },
  asOf: string,
): CalendarItem[] {
  const awareness = new Map(input.courses.filter((c) => c.kind === awarenessCourseKind).map((c) => [c.id, c]));
  return input.people
    .filter((p) => p.endDate === null || p.endDate >= asOf)
    .map((person) => {
      const records = input.records
        .filter((r) => r.personId === person.id && r.completedOn <= asOf && awareness.has(r.courseId))
        .sort((a, b) => a.completedOn.localeCompare(b.completedOn));
      const newest = records.at(-1);
      const months = newest ? (awareness.get(newest.courseId)?.validityMonths ?? yearly) : yearly;
      const due = newest ? (newest.expiresOn ?? addMonths(newest.completedOn, months)) : (person.startDate ?? asOf);
      return item(
        {
          id: `${calendarKinds.awarenessTraining}:${person.id}`,
          title: `Awareness training: ${person.name}`,
          kind: calendarKinds.awarenessTraining,
          owner: person.id,
          due,
          lastDone: newest?.completedOn ?? null,
          recurrenceMonths: months,
        },
        asOf,
      );
    });
}

// Reviews and the assurance they rest on serve A.5.22; the contract and the processing agreement, A.5.20.
const supplierBasis: Record<SupplierDue["kind"], string> = { review: "A.5.22", certification: "A.5.22", contract: "A.5.20", dpa: "A.5.20" };

/** The supplier register's due items: reviews, certificates expiring, contracts ending, missing DPAs. */
export function supplierItems(due: readonly SupplierDue[], asOf: string): CalendarItem[] {
  return due.map((d) => {
    const review = d.kind === "review";
    return {
      id: review ? `${calendarKinds.supplierReview}:${d.supplierId}` : `supplier-${d.kind}:${d.supplierId}${d.kind === "certification" ? `:${d.certification ?? d.what}` : ""}`,
      title: review ? `Supplier review: ${d.name}` : `${d.name}: ${d.what}`,
      kind: review ? calendarKinds.supplierReview : `supplier-${d.kind}`,
      owner: d.owner,
      due: d.due,
      lastDone: review && d.lastReview !== null && d.lastReview <= asOf ? d.lastReview : null,
      overdue: d.due < asOf,
      basis: supplierBasis[d.kind],
      recurrenceMonths: null,
    };
  });
}

/** Each document with a review date (7.5.2); a draft never published has none and is not listed. */
export function documentItems(documents: readonly DocumentRecord[], asOf: string): CalendarItem[] {
  return documents.flatMap((d) =>
    d.nextReview === null
      ? []
      : [
          item(
            {
              id: `${calendarKinds.documentReview}:${d.id}`,
              title: `Document review: ${d.title}`,
              kind: calendarKinds.documentReview,
              owner: d.owner,
              due: d.nextReview,
              lastDone: newestDay([d.lastPublished].filter((day) => day !== null && day <= asOf)),
              recurrenceMonths: d.reviewIntervalMonths,
            },
            asOf,
          ),
        ],
  );
}
