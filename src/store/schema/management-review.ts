// Management reviews: the top management's periodic review of the ISMS.
import { date, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import type { JsonObject } from "./json.js";

/** A management review (9.3): attendees, the inputs of 9.3.2 a–g, the decisions of 9.3.3, the minutes. */
export const managementReviews = pgTable(
  "management_reviews",
  {
    ...workspaceScoped(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    attendees: jsonb("attendees").$type<string[]>().notNull().default([]),
    inputs: jsonb("inputs").$type<JsonObject>().notNull().default({}),
    decisions: jsonb("decisions").$type<JsonObject>().notNull().default({}),
    minutesRef: text("minutes_ref"),
    /** planned, held. A planned review has its inputs pre-filled from the data and no decisions yet. */
    status: text("status").notNull().default("held"),
    /** The actions decided (9.3.3): description, owner, due date, status; the next review reports on them. */
    actions: jsonb("actions").$type<JsonObject[]>().notNull().default([]),
  },
  (t) => [workspaceKey(t)],
);
