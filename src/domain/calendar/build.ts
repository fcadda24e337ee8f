// The ISMS calendar from a workspace's records: every recurring activity with its due day, computed
// from its newest completion, and whether it is overdue on the calendar's day.
import { completedAuditStatuses, internalAuditKind } from "../../readiness/vocabulary.js";
import { addDays } from "./days.js";
import { byDue, compareIds, type ActivityRecord, type CalendarItem } from "./item.js";
import { calendarKinds, recurringKinds } from "./program.js";
import { awarenessItems, documentItems, supplierItems, type CourseRecord, type DocumentRecord, type PersonRecord, type SupplierDue, type TrainingRecord } from "./registers.js";
import { seriesItems } from "./series.js";

export interface AuditRecord {
  kind: string;
  status: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

export interface CalendarInput {
  /** The day the calendar is for: what is due before it is overdue. */
  asOf: string;
  /** The methodology's months between risk reviews (8.2). */
  riskReviewMonths: number;
  /** Days on which risks were assessed (the newest per risk is enough). */
  riskAssessedOn: readonly string[];
  audits: readonly AuditRecord[];
  managementReviews: readonly { heldOn: string; status: string }[];
  people: readonly (PersonRecord & { ismsRoles: readonly string[] })[];
  trainingCourses: readonly CourseRecord[];
  trainingRecords: readonly TrainingRecord[];
  /** The supplier register's due items up to the calendar's horizon. */
  supplierDue: readonly SupplierDue[];
  documents: readonly DocumentRecord[];
  activities: readonly ActivityRecord[];
  /** Evidence of the recurring kinds (restore tests, exercises, access reviews) by the day collected. */
  evidence: readonly { kind: string; collectedOn: string }[];
}

/** A management review counts once it is held; a planned one is not a completion. */
const heldReviewStatus = "held";

/** The calendar, ordered by due day. */
export function buildCalendar(input: CalendarInput): CalendarItem[] {
  const { asOf } = input;
  const completions = new Map<string, string[]>();
  const complete = (kind: string, day: string | null) => {
    if (day) completions.set(kind, [...(completions.get(kind) ?? []), day]);
  };
  for (const day of input.riskAssessedOn) complete(calendarKinds.riskAssessment, day);
  for (const audit of input.audits.filter((a) => a.kind === internalAuditKind && completedAuditStatuses.includes(a.status))) {
    complete(calendarKinds.internalAudit, audit.actualEnd ?? audit.actualStart ?? audit.plannedEnd ?? audit.plannedStart);
  }
  for (const review of input.managementReviews.filter((r) => r.status === heldReviewStatus)) complete(calendarKinds.managementReview, review.heldOn);
  for (const record of input.evidence.filter((e) => recurringKinds.some((k) => k.kind === e.kind))) complete(record.kind, record.collectedOn);

  const active = input.people.filter((p) => (p.startDate === null || p.startDate <= asOf) && (p.endDate === null || p.endDate >= asOf)).sort((a, b) => compareIds(a.id, b.id));
  const items = [
    ...seriesItems(input.activities, {
      asOf,
      completions,
      months: new Map([[calendarKinds.riskAssessment, input.riskReviewMonths]]),
      holderOf: (role) => active.find((p) => p.ismsRoles.includes(role))?.id ?? null,
    }),
    ...awarenessItems({ people: input.people, courses: input.trainingCourses, records: input.trainingRecords }, asOf),
    ...supplierItems(input.supplierDue, asOf),
    ...documentItems(input.documents, asOf),
  ];
  return items.sort(byDue);
}

/** The items due within `days` after `asOf`, overdue ones included. */
export function dueWithin(items: readonly CalendarItem[], asOf: string, days: number): CalendarItem[] {
  const until = addDays(asOf, days);
  return items.filter((item) => item.due <= until);
}
