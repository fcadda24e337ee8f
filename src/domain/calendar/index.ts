// The ISMS calendar (8.1, 9.1): recurring activities due from their newest completion, overdue flags,
// completions with their next occurrence, and iCalendar files.
export { buildCalendar, dueWithin } from "./build.js";
export type { AuditRecord, CalendarInput } from "./build.js";
export { completeActivity, recordUnplannedActivity } from "./complete.js";
export type { Completion, CompletionOptions } from "./complete.js";
export { addDays, daysBetween, isDay, newestDay } from "./days.js";
export { allDayCalendar, calendarEvents } from "./ics.js";
export type { AllDayEvent } from "./ics.js";
export { byDue, compareIds } from "./item.js";
export type { ActivityRecord, CalendarItem } from "./item.js";
export { calendarKinds, operationalBasis, perEntityKinds, recurringKind, recurringKinds } from "./program.js";
export type { RecurringKind } from "./program.js";
export type { CourseRecord, DocumentRecord, PersonRecord, SupplierDue, TrainingRecord } from "./registers.js";
