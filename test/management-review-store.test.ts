// Management reviews on both stores: the inputs of 9.3.2 prepared from the rows of an aws-saas
// workspace, holding a review with its decisions and actions, and the next review reporting on them.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { managementReviewRecordsDocument } from "../src/app/documents/generated/management-review-records.js";
import { addEntry, editEntry } from "../src/app/entries.js";
import { getManagementReview, holdManagementReview, listManagementReviews, prepareManagementReview, updateReviewAction } from "../src/app/management-review.js";
import { editTreatmentAction } from "../src/app/risks.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { managementReviewInputs } from "../src/catalog/clauses.js";
import { addDays } from "../src/domain/cycle/model.js";
import { InvalidInputError } from "../src/domain/errors.js";
import { reviewInputLines } from "../src/domain/review/records.js";
import { addMonths, isoDay } from "../src/domain/risk/calendar.js";
import { coveredReviewInputs } from "../src/readiness/index.js";
import type { Db } from "../src/store/open.js";
import { auditFindings, audits, checkResults, collectionRuns, correctiveActions, managementReviews, measurements, objectives } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const today = isoDay(new Date());
const lastReview = addMonths(today, -3);
const test = { actor: "test" };

const preparedInput = z.object({ ref: z.string(), summary: z.string(), items: z.record(z.string(), z.object({ ref: z.string(), summary: z.string() })).optional() });

/** The prepared inputs of a review by their 9.3.2 reference, the trends of d) included. */
function summariesByRef(inputs: Record<string, unknown>): Map<string, string> {
  const byRef = new Map<string, string>();
  for (const value of Object.values(inputs)) {
    const input = preparedInput.safeParse(value);
    if (!input.success) continue;
    byRef.set(input.data.ref, input.data.summary);
    for (const item of Object.values(input.data.items ?? {})) byRef.set(item.ref, item.summary);
  }
  return byRef;
}

/** Rows for every input to report on: an earlier review with actions, audits, findings, measurements, a collection. */
async function insertReviewedData(db: Db, ws: Workspace): Promise<void> {
  const workspaceId = ws.id;
  await db.insert(managementReviews).values({
    workspaceId,
    id: "MR-001",
    heldOn: lastReview,
    status: "held",
    attendees: ["P-001", "P-002"],
    inputs: { a: "first review" },
    decisions: { "1": "Certify in 2027" },
    actions: [
      { id: "MR-001-A1", description: "Run a phishing exercise", owner: "P-002", dueDate: addDays(today, -10), status: "open", closedOn: null, note: null },
      { id: "MR-001-A2", description: "Name a supplier owner", owner: "P-001", dueDate: addDays(today, -40), status: "done", closedOn: addDays(today, -45), note: null },
    ],
  });
  await db.transaction(async (tx) => {
    await addEntry(tx, ws, "context_issues", { kind: "external", description: "Customers ask for AI governance clauses" }, { ...test, idPrefix: "CI" });
    await editEntry(tx, ws, "context_issues", "CI-003", { description: "Phishing kits that bypass one-time codes are common" }, test);
    await addEntry(tx, ws, "interested_parties", { name: "Cyber insurer", requirements: "Annual security questionnaire", addressedByIsms: false }, { ...test, idPrefix: "IP" });
    await editTreatmentAction(tx, ws, "T-002", { dueDate: addDays(today, -1) }, test);
  });
  const audit = { workspaceId, scope: "ISMS", auditor: "P-006", reportRef: "reports/a.pdf" };
  await db.insert(audits).values([
    { ...audit, id: "IA-1", kind: "internal", title: "Internal audit", status: "completed", plannedStart: addDays(today, -30), plannedEnd: addDays(today, -28) },
    { ...audit, id: "EA-1", kind: "stage2", title: "Stage 2", status: "completed", auditor: "Certifier Ltd", plannedStart: addDays(today, -20), plannedEnd: addDays(today, -19) },
  ]);
  const finding = { workspaceId, status: "open", raisedOn: addDays(today, -28) };
  await db.insert(auditFindings).values([
    { ...finding, id: "F-1", auditId: "IA-1", kind: "major_nonconformity", requirement: "9.2.2", description: "No audit programme" },
    { ...finding, id: "F-2", auditId: "EA-1", kind: "minor_nonconformity", requirement: "5.9", description: "Inventory misses laptops" },
    { ...finding, id: "F-3", auditId: "IA-1", kind: "opportunity", requirement: "8.16", description: "Alert on root sign-ins" },
    { ...finding, id: "F-4", auditId: "IA-1", kind: "observation", requirement: "7.3", description: "Awareness quiz is optional" },
  ]);
  await db.insert(correctiveActions).values([
    { workspaceId, id: "CA-1", findingId: "F-1", description: "Approve a programme", owner: "P-002", dueDate: addDays(today, -2), status: "open" },
    { workspaceId, id: "CA-2", findingId: "F-2", description: "Add laptops", owner: "P-004", dueDate: addDays(today, 30), status: "closed", effective: false, effectivenessNote: "Laptops still missing" },
  ]);
  await db.update(objectives).set({ targetValue: 100, unit: "%" }).where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.id, "OBJ-001")));
  await db.update(objectives).set({ targetValue: 95, unit: "%" }).where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.id, "OBJ-002")));
  await db.insert(measurements).values([
    { workspaceId, id: "M-1", objectiveId: "OBJ-001", measuredOn: addDays(today, -5), value: 97.5 },
    { workspaceId, id: "M-2", objectiveId: "OBJ-002", measuredOn: addDays(today, -5), value: 96 },
  ]);
  const at = new Date(`${addDays(today, -1)}T10:00:00Z`);
  await db.insert(collectionRuns).values({ workspaceId, id: "run-1", source: "aws", startedAt: at, finishedAt: at, caller: "111111111111", collectorVersion: "test", options: {}, stats: {} });
  const result = { workspaceId, runId: "run-1", account: "111111111111", region: "eu-west-1", detail: "", severity: "high", controlIds: ["8.5"], checkId: "iam-user-mfa" };
  await db.insert(checkResults).values([
    { ...result, id: "run-1.1", n: 1, resource: "alice", status: "pass" },
    { ...result, id: "run-1.2", n: 2, resource: "bob", status: "pass" },
    { ...result, id: "run-1.3", n: 3, resource: "carol", status: "fail" },
  ]);
}

describeEachStore("management reviews", (getStore) => {
  let ws: Workspace;
  beforeAll(async () => {
    const { db } = getStore();
    const slug = uniqueSlug("mr");
    await initWorkspace(db, { name: "Acme ISMS", slug, companyName: "Acme Cloud Ltd", template: "aws-saas" });
    ws = await resolveWorkspace(db, slug);
    await insertReviewedData(db, ws);
  });

  it("a management review pre-fills every 9.3.2 input from data", async () => {
    const { db } = getStore();
    const review = await db.transaction((tx) => prepareManagementReview(tx, ws, { chair: "Chief Executive Officer" }, test));
    expect(review).toMatchObject({ id: "MR-002", status: "planned", heldOn: today, attendees: ["P-001"] });
    const summaries = summariesByRef(review.inputs);
    for (const input of managementReviewInputs.flatMap((i) => [i, ...i.subItems])) {
      expect(summaries.get(input.ref)?.trim(), input.ref).toBeTruthy();
    }
    expect(summaries.get("9.3.2 a)")).toContain(`2 actions from earlier reviews (the last: MR-001, ${lastReview}): 1 done; 1 open, 1 of them overdue (MR-001-A1)`);
    expect(summaries.get("9.3.2 b)")).toContain(`Since the last review on ${lastReview}: 1 added (CI-008), 1 changed (CI-003), 0 removed; 8 issues on record (5 external, 3 internal)`);
    expect(summaries.get("9.3.2 c)")).toContain("1 added (IP-007)");
    expect(summaries.get("9.3.2 d) 1)")).toBe(
      `2 nonconformities on record (1 major, 1 minor), 2 open, 2 raised since the last review on ${lastReview}; 2 corrective actions: 1 closed, 1 open, 1 overdue (CA-1).`,
    );
    expect(summaries.get("9.3.2 d) 2)")).toBe(
      `2 of 4 active objectives measured, 1 on target, 1 below (OBJ-001); the latest automated collection (run-1, ${addDays(today, -1)}) found 2 checks passing and 1 failing.`,
    );
    expect(summaries.get("9.3.2 d) 3)")).toContain("2 audits since the last review");
    expect(summaries.get("9.3.2 d) 3)")).toContain("(EA-1, IA-1), 1 internal and 1 by the certification body, raised 4 findings: 1 major nonconformity, 1 minor nonconformity, 1 observation, 1 opportunity for improvement.");
    expect(summaries.get("9.3.2 d) 4)")).toBe("4 active objectives: 1 met, 1 not met (OBJ-001), 2 not measured (OBJ-003, OBJ-004).");
    expect(summaries.get("9.3.2 e)")).toContain("not yet addressed: Certification body (IP-006), Cyber insurer (IP-007)");
    expect(summaries.get("9.3.2 e)")).toContain("the certification body raised 1 finding, 1 still open (F-2)");
    expect(summaries.get("9.3.2 f)")).toMatch(/^\d+ open risks \(.*High.*\).*Treatment plan: 0 of \d+ actions done, \d+ in hand, 1 overdue \(T-002\)\.$/);
    expect(summaries.get("9.3.2 g)")).toBe("1 open opportunity for improvement (F-3) and 1 open observation (F-4) from audits; 1 corrective action judged not effective (CA-2), 1 of them still marked closed.");
    expect(review.inputs.d).toMatchObject({ items: { "2": { figures: { latestRun: { passed: 2, failed: 1 } } } } });
    expect(coveredReviewInputs(review.inputs)).toEqual(managementReviewInputs.map((i) => i.ref));
    expect(reviewInputLines(review.inputs).map((l) => l.label.slice(0, 8))).toEqual(["9.3.2 a)", "9.3.2 b)", "9.3.2 c)", "9.3.2 d)", "9.3.2 e)", "9.3.2 f)", "9.3.2 g)"]);
  });

  it("holds the planned review with its attendees, decisions and actions, and warns of an attendee outside the register", async () => {
    const { db } = getStore();
    const [planned] = (await listManagementReviews(db, ws)).filter((r) => r.status === "planned");
    if (!planned) throw new Error("the previous test prepares a review");
    const { review, warnings } = await db.transaction((tx) =>
      holdManagementReview(
        tx,
        ws,
        planned.id,
        {
          attendees: ["P-001", "Head of Security", "Outside adviser"],
          decisions: ["Keep the scope", "Fund security keys"],
          actions: ["Buy security keys;P-004;" + addDays(today, 60)],
          minutesRef: "minutes/mr-2.md",
        },
        test,
      ),
    );
    expect(review).toMatchObject({ status: "held", attendees: ["P-001", "P-002", "Outside adviser"], decisions: { "1": "Keep the scope", "2": "Fund security keys" }, minutesRef: "minutes/mr-2.md" });
    expect(review.actions).toEqual([{ id: `${planned.id}-A1`, description: "Buy security keys", owner: "P-004", dueDate: addDays(today, 60), status: "open", closedOn: null, note: null }]);
    expect(warnings).toEqual(["Outside adviser is not in the people register and is recorded by name"]);
    const stored = await getManagementReview(db, ws, planned.id);
    expect(stored.status).toBe("held");
    expect(coveredReviewInputs(stored.inputs)).toHaveLength(7);
  });

  it("reports at the next review the actions decided and followed up since", async () => {
    const { db } = getStore();
    await db.transaction((tx) => updateReviewAction(tx, ws, "MR-001-A1", { status: "done", note: "Exercise run" }, test));
    const next = await db.transaction((tx) => prepareManagementReview(tx, ws, { on: addDays(today, 1) }, test));
    const a = summariesByRef(next.inputs).get("9.3.2 a)");
    expect(a).toBe(`1 action from earlier reviews (the last: MR-002, ${today}): 0 done; 1 open.`);
    expect(summariesByRef(next.inputs).get("9.3.2 b)")).toContain("no issue added, changed or removed");
    expect((await getManagementReview(db, ws, "MR-001")).actions[0]).toMatchObject({ status: "done", closedOn: today, note: "Exercise run" });
  });

  it("the management review records show each review's status, prepared inputs, decisions and actions", async () => {
    const { db } = getStore();
    const context = { workspace: ws, at: new Date() };
    const data = await managementReviewRecordsDocument.load(db, context);
    const model = managementReviewRecordsDocument.render(data, context);
    const text = model.sections
      .flatMap((s) => [s.heading, ...s.blocks.map((b) => (b.kind === "table" ? b.rows.map((r) => r.join(" | ")).join("\n") : b.kind === "list" ? b.items.join("\n") : "text" in b ? b.text : ""))])
      .join("\n");
    expect(model.sections.map((s) => s.heading).slice(1)).toEqual([`2. Planned review of ${addDays(today, 1)} (MR-003)`, `3. Review of ${today} (MR-002)`, `4. Review of ${lastReview} (MR-001)`]);
    expect(text).toContain("Status | planned: inputs prepared, not yet held");
    expect(text).toContain("Chair | Chief Executive Officer (P-001)");
    expect(text).toContain("9.3.2 a) Status of actions from previous management reviews: 2 actions from earlier reviews");
    expect(text).toContain("9.3.2 d) 2) Monitoring and measurement results: 2 of 4 active objectives measured, 1 on target, 1 below (OBJ-001)");
    expect(text).toContain("Keep the scope\nFund security keys");
    expect(text).toContain(`MR-002-A1 | Buy security keys | Platform Engineering Lead (P-004) | ${addDays(today, 60)} | open`);
    expect(text).toContain(`MR-001-A1 | Run a phishing exercise | Head of Security (P-002) | ${addDays(today, -10)} | done ${today}`);
    expect(managementReviewRecordsDocument.gaps(data)).toEqual([]);
  });

  describe("refuses bad input and writes nothing", () => {
    it("an action whose owner is unknown or whose date is not a date", async () => {
      const { db } = getStore();
      const planned = await db.transaction((tx) => prepareManagementReview(tx, ws, {}, test));
      const holding = db.transaction((tx) =>
        holdManagementReview(tx, ws, planned.id, { attendees: ["P-001"], decisions: ["Go"], actions: ["Fix it;P-004;" + addDays(today, 9), "Train;Nobody Known;2027-01-01", "Plan;P-001;soon"] }, test),
      );
      await expect(holding).rejects.toThrow(InvalidInputError);
      await expect(holding).rejects.toThrow('--action at action 2: no person "Nobody Known" in this workspace to own it (see isms people list) (and 1 more problem)');
      expect((await getManagementReview(db, ws, planned.id)).status).toBe("planned");
    });

    it("a review already held, a review that does not exist, and a chair who is not a person", async () => {
      const { db } = getStore();
      await expect(db.transaction((tx) => holdManagementReview(tx, ws, "MR-002", { attendees: ["P-001"], decisions: ["Again"], actions: [] }, test))).rejects.toThrow(
        `Management review MR-002 was already held on ${today}`,
      );
      await expect(db.transaction((tx) => holdManagementReview(tx, ws, "MR-999", { attendees: ["P-001"], decisions: ["Go"], actions: [] }, test))).rejects.toThrow("No management review MR-999");
      const before = (await listManagementReviews(db, ws)).length;
      await expect(db.transaction((tx) => prepareManagementReview(tx, ws, { chair: "The Board" }, test))).rejects.toThrow('--chair: no person "The Board" in this workspace');
      expect(await listManagementReviews(db, ws)).toHaveLength(before);
    });
  });
});
