// Information security objectives and the measurements that show progress on them.
import { date, doublePrecision, foreignKey, pgTable, text } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { personReference } from "./people.js";

/** An information security objective: what, target, who, when, how evaluated (6.2 a–k). */
export const objectives = pgTable(
  "objectives",
  {
    ...workspaceScoped(),
    title: text("title").notNull(),
    description: text("description"),
    measure: text("measure"),
    target: text("target"),
    owner: text("owner"),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").notNull(),
  },
  (t) => [workspaceKey(t), personReference("objectives_owner_fk", t, t.owner)],
);

/** A measured value of an objective's measure (9.1 monitoring, measurement, analysis and evaluation). */
export const measurements = pgTable(
  "measurements",
  {
    ...workspaceScoped(),
    objectiveId: text("objective_id").notNull(),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note"),
  },
  (t) => [
    workspaceKey(t),
    foreignKey({
      name: "measurements_objective_fk",
      columns: [t.workspaceId, t.objectiveId],
      foreignColumns: [objectives.workspaceId, objectives.id],
    }).onDelete("cascade"),
  ],
);
