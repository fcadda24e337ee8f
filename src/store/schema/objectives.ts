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
    /** How it is measured and how often (6.2 k, 9.1 b–c): "share of IAM users with MFA", "monthly". */
    method: text("method"),
    frequency: text("frequency"),
    /** An automated check whose pass rate is the measure, taken at each collection (e.g. "iam-users-mfa"). */
    checkId: text("check_id"),
    /** The numeric target a measured value is compared with, and its unit ("%", "days"). */
    targetValue: doublePrecision("target_value"),
    unit: text("unit"),
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
    /** "manual", or "check" for a pass rate taken from a collection run (`runId`). */
    source: text("source").notNull().default("manual"),
    runId: text("run_id"),
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
