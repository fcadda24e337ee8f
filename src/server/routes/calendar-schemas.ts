// The shapes of the calendar API (9.2, 9.3, 7.3, 8.2, A.5.22…): the recurring activities of the ISMS
// with their due days, the overdue ones first.
import { z } from "@hono/zod-openapi";
import type { CalendarItem } from "../../domain/calendar/index.js";
import { day } from "./route-parts.js";

/** Ten years: as far ahead as the whole calendar looks. */
export const maxWithinDays = 3653;
const withinMessage = `within: give a number of days from 0 to ${maxWithinDays}, such as 90`;

export const calendarQuery = z.object({
  within: z
    .string()
    .regex(/^\d{1,4}$/, withinMessage)
    .transform(Number)
    .refine((n) => n <= maxWithinDays, withinMessage)
    .optional()
    .openapi({ type: "string", description: "Only what falls due within this many days, and what is overdue; default: the whole calendar", example: "90" }),
});

export const calendarItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    owner: z.string().nullable(),
    due: day,
    lastDone: day.nullable(),
    overdue: z.boolean(),
    basis: z.string().openapi({ description: 'The clause or Annex A control it serves ("9.3", "A.5.22")' }),
    recurrenceMonths: z.number().int().nullable(),
  })
  .openapi("CalendarItem");

export const calendarSchema = z.object({ asOf: day, withinDays: z.number().int().nullable(), items: z.array(calendarItemSchema) });

export const calendarItemBody = (item: CalendarItem): z.infer<typeof calendarItemSchema> => ({
  id: item.id,
  title: item.title,
  kind: item.kind,
  owner: item.owner,
  due: item.due,
  lastDone: item.lastDone,
  overdue: item.overdue,
  basis: item.basis,
  recurrenceMonths: item.recurrenceMonths,
});
