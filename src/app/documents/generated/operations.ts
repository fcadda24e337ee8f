// Evidence that the ISMS's processes ran as planned (8.1): the planned recurring activities and
// whether each was done by its due day, the risk treatment actions' progress, and the automated
// evidence collections that operated the technical controls.
import { desc, eq } from "drizzle-orm";
import { activities, collectionRuns, people, treatmentActions } from "../../../store/schema/index.js";
import { defineGeneratedDocument } from "./types.js";

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id, "en", { numeric: true });
const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);

export const operationsRecordsDocument = defineGeneratedDocument({
  id: "operations-records",
  title: "Records of Operational Planning and Control",
  kind: "record",
  clauses: ["8.1"],
  controls: ["5.37"],
  async load(db, { workspace }) {
    const ws = workspace.id;
    const names = new Map((await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, ws))).map((p) => [p.id, p.name]));
    const name = (id: string | null) => (id ? `${names.get(id) ?? id} (${id})` : "");
    const planned = (await db.select().from(activities).where(eq(activities.workspaceId, ws))).sort((a, b) => a.due.localeCompare(b.due) || byId(a, b));
    const actions = (await db.select().from(treatmentActions).where(eq(treatmentActions.workspaceId, ws))).sort(byId);
    const runs = await db.select().from(collectionRuns).where(eq(collectionRuns.workspaceId, ws)).orderBy(desc(collectionRuns.startedAt)).limit(20);
    return {
      activities: planned.map((a) => ({ id: a.id, kind: a.kind, title: a.title, owner: name(a.owner), due: a.due, done: day(a.doneAt) })),
      actions: actions.map((a) => ({ id: a.id, riskId: a.riskId, title: a.title, owner: name(a.owner), due: a.dueDate, status: a.status, completedOn: a.completedOn })),
      runs: runs.map((r) => ({ id: r.id, source: r.source, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt.toISOString(), caller: r.caller, problems: r.problems.length })),
    };
  },
  gaps(data) {
    return [
      ...(data.activities.length === 0 ? ["no recurring activity is planned (the calendar is empty)"] : []),
      ...(data.runs.length === 0 ? ["no automated evidence collection has run (isms collect aws)"] : []),
    ];
  },
  render(data, { at, workspace }) {
    const today = day(at) ?? "";
    const late = data.activities.filter((a) => a.due < today && (!a.done || a.done > a.due));
    return {
      title: "Records of Operational Planning and Control",
      meta: [
        ["Organization", workspace.companyName],
        ["Planned activities", String(data.activities.length)],
        ["Done late or overdue", String(late.length)],
      ],
      sections: [
        {
          heading: "1. Planned activities",
          blocks: [
            { kind: "paragraph", text: "The recurring activities the ISMS plans (8.1), their due days and when each was done. An activity done after its due day, or not done by today, is marked." },
            data.activities.length === 0
              ? { kind: "paragraph", text: "No activity is planned yet." }
              : {
                  kind: "table",
                  header: ["Id", "Activity", "Kind", "Owner", "Due", "Done", "On time"],
                  rows: data.activities.map((a) => [a.id, a.title, a.kind, a.owner, a.due, a.done ?? "", a.done ? (a.done <= a.due ? "yes" : "late") : a.due < today ? "overdue" : "not yet due"]),
                },
          ],
        },
        {
          heading: "2. Risk treatment actions",
          blocks: [
            { kind: "paragraph", text: "The changes planned to treat risks (6.1.3, 8.3) and where each stands." },
            data.actions.length === 0
              ? { kind: "paragraph", text: "No treatment action is planned." }
              : { kind: "table", header: ["Id", "Risk", "Action", "Owner", "Due", "Status", "Completed"], rows: data.actions.map((a) => [a.id, a.riskId, a.title, a.owner, a.due ?? "", a.status, a.completedOn ?? ""]) },
          ],
        },
        {
          heading: "3. Automated evidence collections",
          blocks: [
            { kind: "paragraph", text: "The newest collections of technical evidence from AWS (up to 20): each one operated the automated checks of the controls it covers." },
            data.runs.length === 0
              ? { kind: "paragraph", text: "No collection has run yet." }
              : { kind: "table", header: ["Run", "Source", "Started", "Finished", "Identity", "Problems"], rows: data.runs.map((r) => [r.id, r.source, r.startedAt, r.finishedAt, r.caller, String(r.problems)]) },
          ],
        },
      ],
    };
  },
});
