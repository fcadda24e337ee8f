// Monitoring and Measurement Results (9.1), generated from the objectives and their measurements and
// from the latest automated collection run: what was measured, when, and what the checks found.
import { and, count, eq } from "drizzle-orm";
import { addMonths, isoDay } from "../../../domain/risk/calendar.js";
import { inactiveObjectiveStatuses } from "../../../readiness/vocabulary.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { checkResults, measurements, objectives, people } from "../../../store/schema/index.js";
import type { JsonObject } from "../../../store/schema/json.js";
import { latestCollectionRun } from "../../collection.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface Objective {
  id: string;
  title: string;
  measure: string | null;
  target: string | null;
  owner: string | null;
  dueDate: string | null;
  status: string;
}

interface Measurement {
  id: string;
  objectiveId: string;
  measuredOn: string;
  value: number;
  note: string | null;
}

interface CollectionSummary {
  id: string;
  source: string;
  /** ISO 8601 instants. */
  startedAt: string;
  finishedAt: string;
  caller: string;
  /** Accounts that results came from. */
  accounts: string[];
  stats: [string, string][];
  problems: number;
  /** Per check: how many resources passed, failed, and neither (unknown, not applicable). */
  checks: { checkId: string; passed: number; failed: number; other: number }[];
}

interface MonitoringData {
  asOf: string;
  people: { id: string; name: string }[];
  objectives: Objective[];
  /** Oldest first. */
  measurements: Measurement[];
  latestRun: CollectionSummary | null;
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

const isActive = (o: Objective): boolean => !inactiveObjectiveStatuses.includes(o.status);
const instant = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const statText = (value: JsonObject[string]): string => (typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));

/** Active objectives with no measurement in the twelve months up to the day. */
function unmeasured(data: MonitoringData): Objective[] {
  const yearAgo = addMonths(data.asOf, -12);
  const measured = new Set(data.measurements.filter((m) => m.measuredOn >= yearAgo && m.measuredOn <= data.asOf).map((m) => m.objectiveId));
  return data.objectives.filter((o) => isActive(o) && !measured.has(o.id));
}

export const monitoringResultsDocument = defineGeneratedDocument({
  id: "monitoring-results",
  title: "Monitoring and Measurement Results",
  kind: "record",
  clauses: ["9.1"],
  controls: [],

  async load(db, context): Promise<MonitoringData> {
    const workspace = context.workspace;
    const [objectiveRows, measurementRows, personRows, run] = await Promise.all([
      db.select().from(objectives).where(eq(objectives.workspaceId, workspace.id)),
      db.select().from(measurements).where(eq(measurements.workspaceId, workspace.id)),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspace.id)),
      latestCollectionRun(db, workspace, context.at),
    ]);
    let latestRun: CollectionSummary | null = null;
    if (run) {
      const tallies = await db
        .select({ checkId: checkResults.checkId, account: checkResults.account, status: checkResults.status, n: count() })
        .from(checkResults)
        .where(and(eq(checkResults.workspaceId, workspace.id), eq(checkResults.runId, run.id)))
        .groupBy(checkResults.checkId, checkResults.account, checkResults.status);
      const checks = new Map<string, { checkId: string; passed: number; failed: number; other: number }>();
      for (const t of tallies) {
        const tally = checks.get(t.checkId) ?? { checkId: t.checkId, passed: 0, failed: 0, other: 0 };
        if (t.status === "pass") tally.passed += t.n;
        else if (t.status === "fail") tally.failed += t.n;
        else tally.other += t.n;
        checks.set(t.checkId, tally);
      }
      latestRun = {
        id: run.id,
        source: run.source,
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt.toISOString(),
        caller: run.caller,
        accounts: [...new Set(tallies.map((t) => t.account))].sort(compareIds),
        stats: Object.entries(run.stats)
          .map(([key, value]): [string, string] => [key, statText(value)])
          .sort(([a], [b]) => compareIds(a, b)),
        problems: run.problems.length,
        checks: [...checks.values()].sort((a, b) => compareIds(a.checkId, b.checkId)),
      };
    }
    return {
      asOf: isoDay(context.at),
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      objectives: objectiveRows
        .map((o) => ({ id: o.id, title: o.title, measure: o.measure, target: o.target, owner: o.owner, dueDate: o.dueDate, status: o.status }))
        .sort((a, b) => compareIds(a.id, b.id)),
      measurements: measurementRows
        .map((m) => ({ id: m.id, objectiveId: m.objectiveId, measuredOn: m.measuredOn, value: m.value, note: m.note }))
        .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || compareIds(a.id, b.id)),
      latestRun,
    };
  },

  gaps(data) {
    return unmeasured(data).map((o) => `Objective ${o.id} (${o.title}) is active and has no measurement in the 12 months to ${data.asOf} (9.1).`);
  },

  render(data, context) {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const person = (id: string | null): string => (id ? `${names.get(id) ?? id} (${id})` : "—");
    const missing = new Set(unmeasured(data).map((o) => o.id));

    const objectiveBlocks: PdfBlock[] = data.objectives.length
      ? [
          paragraph(`Every information security objective with its measure and target. ⚠ marks an active objective not measured in the 12 months to ${data.asOf}.`),
          table(
            ["Objective", "Measure", "Target", "Owner", "Due", "Status"],
            data.objectives.map((o) => [`${missing.has(o.id) ? "⚠ " : ""}${o.title} (${o.id})`, o.measure ?? "—", o.target ?? "—", person(o.owner), o.dueDate ?? "—", o.status]),
          ),
        ]
      : [paragraph("No information security objective has been set yet.")];

    const measurementBlocks: PdfBlock[] = data.objectives.flatMap((o) => {
      const own = data.measurements.filter((m) => m.objectiveId === o.id);
      if (own.length === 0) return [paragraph(`${o.title} (${o.id}): no measurement recorded.`)];
      return [paragraph(`${o.title} (${o.id}), target ${o.target ?? "not set"}:`), table(["Measured on", "Value", "Note"], own.map((m) => [m.measuredOn, String(m.value), m.note ?? ""]))];
    });

    const run = data.latestRun;
    const collectionBlocks: PdfBlock[] = run
      ? [
          paragraph(
            `The latest automated collection, ${run.id} (${run.source}), ran from ${instant(run.startedAt)} to ${instant(run.finishedAt)} as ${run.caller}, ` +
              `over ${run.accounts.length ? `the accounts ${run.accounts.join(", ")}` : "no account with results"}` +
              `${run.problems ? `; ${run.problems} parts could not be collected` : ""}.`,
          ),
          list(run.stats.map(([key, value]) => `${key}: ${value}`)),
          run.checks.length
            ? table(["Check", "Passed", "Failed", "Other"], run.checks.map((c) => [c.checkId, String(c.passed), String(c.failed), String(c.other)]))
            : paragraph("The run recorded no check result."),
          paragraph('"Other" counts results that neither passed nor failed: the resource could not be judged, or the check does not apply to it.'),
        ]
      : [paragraph("No automated collection has been run yet.")];

    return {
      title: "Monitoring and Measurement Results",
      meta: [
        ["Organization", context.workspace.companyName],
        ["As of", data.asOf],
        ["ISO/IEC 27001:2022", "9.1"],
      ],
      sections: [
        { heading: "1. Objectives", blocks: objectiveBlocks },
        { heading: "2. Measurements", blocks: measurementBlocks.length ? [paragraph("Oldest first."), ...measurementBlocks] : [paragraph("No measurement has been recorded.")] },
        { heading: "3. Automated checks", blocks: collectionBlocks },
      ],
    };
  },
});
