// Internal audits, findings and corrective actions on both stores: an auditor who owns what they audit
// is refused unless the override is recorded; a checklist is generated, filled and gates completion; a
// nonconformity goes through its corrective action, closure and effectiveness review; readiness and
// the corrective actions log follow; the programme's proposed audits close its gaps.
import { count, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addCorrectiveAction, closeCorrectiveAction, correctiveActionsLog, reviewCorrectiveAction } from "../src/app/audits/actions.js";
import { addAudit, completeAudit, editAudit, startAudit } from "../src/app/audits/audits.js";
import { generateChecklist, recordCheck } from "../src/app/audits/checklist.js";
import { addFinding } from "../src/app/audits/findings.js";
import { auditProgramme, createProposedAudits } from "../src/app/audits/programme.js";
import { getAudit, getFinding, listAudits, loadIndependenceOverrides } from "../src/app/audits/records.js";
import { correctiveActionsLogDocument } from "../src/app/documents/generated/corrective-actions-log.js";
import { internalAuditProgrammeDocument } from "../src/app/documents/generated/internal-audit-programme.js";
import { assessReadiness } from "../src/app/readiness.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { addDays } from "../src/domain/audit/days.js";
import { isoDay } from "../src/domain/risk/calendar.js";
import type { ReadinessReport } from "../src/readiness/index.js";
import type { Db } from "../src/store/open.js";
import { auditLog } from "../src/store/schema/index.js";
import { createTestWorkspace, uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const cli = { actor: "test" };
const today = isoDay(new Date());
const year = Number(today.slice(0, 4));
const allClauses = ["4", "5", "6", "7", "8", "9", "10"];

const logEntries = async (db: Db, ws: Workspace) => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.workspaceId, ws.id)))[0]?.n;

/** The readiness findings of one rule, over every stage. */
function findingsOf(report: ReadinessReport, ruleId: string) {
  const [stage1] = report.stages;
  return Object.values(stage1?.findings ?? {})
    .flat()
    .filter((f) => f.ruleId === ruleId);
}

describeEachStore("internal audits, findings and corrective actions", (getStore) => {
  let ws: Workspace;
  beforeAll(async () => {
    const slug = uniqueSlug("audit");
    await initWorkspace(getStore().db, { name: "Acme ISMS", slug, companyName: "Acme Cloud Ltd", template: "aws-saas" });
    ws = await resolveWorkspace(getStore().db, slug);
  });

  const ownerAudit = { title: "Audit of access control", auditor: "Head of Security", clauses: allClauses, controls: ["5.2", "5.15"], plannedStart: `${year}-09-07`, plannedEnd: `${year}-09-09` };

  it("refuses the ISMS owner as the auditor of the ISMS and the controls they own, naming each conflict, and writes nothing", async () => {
    const { db } = getStore();
    const before = await logEntries(db, ws);
    const refused = db.transaction((tx) => addAudit(tx, ws, ownerAudit, cli));
    await expect(refused).rejects.toThrow(/^Head of Security \(P-002\) is not independent of AUD-001: holds the isms-owner role and the audit covers clauses 4, 5, 6, 7, 8, 9, 10; owns control 5\.2 in the SoA/);
    await expect(db.transaction((tx) => addAudit(tx, ws, ownerAudit, cli))).rejects.toThrow(/--override-independence/);
    expect(await listAudits(db, ws)).toEqual([]);
    expect(await logEntries(db, ws)).toBe(before);
  });

  it("keeps the auditor when the override is given, and records why with the conflicts", async () => {
    const { db } = getStore();
    const reason = "The only auditor free before Stage 1; the CEO reviews the report";
    const { audit, independence } = await db.transaction((tx) => addAudit(tx, ws, ownerAudit, { ...cli, overrideIndependence: reason }));
    expect(audit).toMatchObject({ id: "AUD-001", auditor: "Head of Security", auditorPerson: "P-002", status: "planned", kind: "internal" });
    expect(independence.overridden).toBe(reason);
    const [override] = await loadIndependenceOverrides(db, ws, "AUD-001");
    expect(override).toMatchObject({ auditor: "P-002", reason, actor: "test" });
    expect(override?.conflicts).toEqual(expect.arrayContaining(["owns control 5.2 in the SoA"]));
  });

  it("accepts the internal auditor, who owns nothing, and refuses an edit that hands the audit to an owner", async () => {
    const { db } = getStore();
    const input = { title: "Internal audit 2026", criteria: "ISO/IEC 27001:2022; the access control policy", auditor: "P-006", clauses: ["9.2"], controls: ["5.15", "8.5"], plannedStart: `${year}-10-05`, plannedEnd: `${year}-10-07` };
    const { audit, independence } = await db.transaction((tx) => addAudit(tx, ws, input, cli));
    expect(audit).toMatchObject({ id: "AUD-002", auditor: "Internal auditor", auditorPerson: "P-006" });
    expect(independence).toEqual({ conflicts: [], overridden: null });
    await expect(db.transaction((tx) => editAudit(tx, ws, "AUD-002", { auditorPerson: "P-002" }, cli))).rejects.toThrow(/P-002\) is not independent of AUD-002: holds the isms-owner role and the audit covers clause 9\.2; owns document POL-ACCESS/);
    expect((await getAudit(db, ws, "AUD-002")).auditorPerson).toBe("P-006");
  });

  it("generates a checklist line per clause and control, records the checks, and completes the audit only when every line has a result", async () => {
    const { db } = getStore();
    const generated = await db.transaction((tx) => generateChecklist(tx, ws, "AUD-002", cli));
    expect(generated.checklist.map((i) => [i.requirement, i.result])).toEqual([
      ["9.2", "not_checked"],
      ["A.5.15", "not_checked"],
      ["A.8.5", "not_checked"],
    ]);
    expect((await db.transaction((tx) => generateChecklist(tx, ws, "AUD-002", cli))).added).toBe(0);
    const check = { sampled: "The 2025 audit reports", observed: "No programme approved by management", result: "nonconforming" as const };
    await expect(db.transaction((tx) => recordCheck(tx, ws, "AUD-002", "9.2", check, cli))).rejects.toThrow("Start it first: isms audit start AUD-002");

    await db.transaction((tx) => startAudit(tx, ws, "AUD-002", { on: today }, cli));
    await db.transaction((tx) => recordCheck(tx, ws, "AUD-002", "9.2", check, cli));
    const line = await db.transaction((tx) => recordCheck(tx, ws, "AUD-002", "5.15", { sampled: "3 leavers", observed: "Access removed within a day", result: "conforming", evidenceRefs: ["E-014"] }, cli));
    expect(line).toMatchObject({ id: "AUD-002:A.5.15", result: "conforming", evidenceRefs: ["E-014"] });
    await expect(db.transaction((tx) => completeAudit(tx, ws, "AUD-002", {}, cli))).rejects.toThrow("AUD-002 has 1 checklist line without a result (A.8.5)");

    await db.transaction((tx) => recordCheck(tx, ws, "AUD-002", "A.8.5", { sampled: "IAM credential report", observed: "Two service users without MFA, both documented", result: "observation" }, cli));
    const completed = await db.transaction((tx) => completeAudit(tx, ws, "AUD-002", { reportRef: "reports/ia-2026.pdf" }, cli));
    expect(completed).toMatchObject({ status: "completed", actualEnd: today, reportRef: "reports/ia-2026.pdf" });

    const context = { workspace: ws, at: new Date() };
    const programme = JSON.stringify(internalAuditProgrammeDocument.render(await internalAuditProgrammeDocument.load(db, context), context).sections);
    expect(programme).toContain("ISO/IEC 27001:2022; the access control policy");
    expect(programme).toContain("Internal audit 2026 (AUD-002): 3 lines checked against the criteria: 1 conforming, 1 nonconforming, 1 observation, 0 not checked.");
    expect(programme).toContain('["A.5.15","conforming","3 leavers","Access removed within a day","E-014"]');
  });

  it("takes a nonconformity through its corrective action, closure with evidence and an effectiveness review that reopens it", async () => {
    const { db } = getStore();
    const finding = await db.transaction((tx) => addFinding(tx, ws, { auditId: "AUD-002", kind: "minor_nonconformity", requirement: "9.2", description: "The audit programme was never approved" }, cli));
    expect(finding).toMatchObject({ id: "F-001", requirement: "9.2", status: "open", raisedOn: today, dueDate: null });
    const unanswered = findingsOf(await assessReadiness(db, ws), "S1-nonconformities-actioned");
    expect(unanswered.map((f) => [f.entity.id, f.message])).toEqual([["F-001", "Nonconformity F-001 (minor nonconformity, audit AUD-002) has no corrective action"]]);

    const action = { findingId: "F-001", action: "Management approves the programme each January", owner: "Head of Security", dueDate: addDays(today, 30) };
    await expect(db.transaction((tx) => addCorrectiveAction(tx, ws, action, cli))).rejects.toThrow("needs --correction (what was done at once, 10.2 a) and --root-cause");
    const added = await db.transaction((tx) => addCorrectiveAction(tx, ws, { ...action, correction: "The CEO approved the 2026 programme", rootCause: "No one owned the approval" }, cli));
    expect(added).toMatchObject({ id: "CA-001", owner: "P-002", status: "open" });
    expect(findingsOf(await assessReadiness(db, ws), "S1-nonconformities-actioned")).toEqual([]);

    await expect(db.transaction((tx) => closeCorrectiveAction(tx, ws, "CA-001", { evidenceRefs: [" "] }, cli))).rejects.toThrow("CA-001 cannot be closed without closure evidence");
    await db.transaction((tx) => closeCorrectiveAction(tx, ws, "CA-001", { evidenceRefs: ["DOC-AUDIT-PROG v2"] }, cli));
    expect((await getFinding(db, ws, "F-001")).status).toBe("closed");

    const reopened = await db.transaction((tx) => reviewCorrectiveAction(tx, ws, "CA-001", { effective: false, by: "P-001", note: "The 2027 programme was again not approved" }, cli));
    expect(reopened).toMatchObject({ status: "open", closedAt: null, effective: false, effectivenessReviewedBy: "P-001" });
    expect((await getFinding(db, ws, "F-001")).status).toBe("open");
    expect((await correctiveActionsLog(db, ws, { open: true })).map((a) => a.id)).toEqual(["CA-001"]);

    await db.transaction((tx) => closeCorrectiveAction(tx, ws, "CA-001", { evidenceRefs: ["calendar/approval-jan"] }, cli));
    const reviewed = await db.transaction((tx) => reviewCorrectiveAction(tx, ws, "CA-001", { effective: true, by: "Chief Executive Officer", note: "Approved in January" }, cli));
    expect(reviewed).toMatchObject({ status: "closed", effective: true, closureEvidenceRefs: ["calendar/approval-jan"] });
    await expect(db.transaction((tx) => reviewCorrectiveAction(tx, ws, "CA-001", { effective: true, by: "P-001", note: "again" }, cli))).rejects.toThrow("already found effective");

    const context = { workspace: ws, at: new Date() };
    const log = correctiveActionsLogDocument.render(await correctiveActionsLogDocument.load(db, context), context);
    const text = JSON.stringify(log.sections);
    expect(text).toContain("The CEO approved the 2026 programme");
    expect(text).toContain(`effective on ${today} by Chief Executive Officer (P-001): Approved in January`);
  });

  it("gives a certification body's minor nonconformity 90 days, and readiness reports it once that deadline has passed", async () => {
    const { db } = getStore();
    const raised = addDays(today, -100);
    await db.transaction(async (tx) => {
      await addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body lead auditor", plannedStart: raised, plannedEnd: raised }, cli);
      await startAudit(tx, ws, "AUD-003", { on: raised }, cli);
    });
    const finding = await db.transaction((tx) => addFinding(tx, ws, { auditId: "AUD-003", kind: "minor_nonconformity", requirement: "A.8.15", description: "Logs of the payment service are kept 30 days", raisedOn: raised }, cli));
    expect(finding.dueDate).toBe(addDays(raised, 90));
    await db.transaction((tx) => addCorrectiveAction(tx, ws, { findingId: finding.id, correction: "Retention raised to 1 year", rootCause: "Default retention kept", action: "A check on log retention", owner: "P-004", dueDate: addDays(today, -5) }, cli));
    const late = findingsOf(await assessReadiness(db, ws), "S1-nonconformities-actioned");
    expect(late.map((f) => f.entity.id)).toEqual([finding.id]);
    expect(late[0]?.message).toMatch(new RegExp(`^Nonconformity ${finding.id} raised by the certification body \\(stage2 audit AUD-003\\) was to be resolved by \\d{4}-\\d{2}-\\d{2} and is still open$`));
    expect((await correctiveActionsLog(db, ws, { overdue: true, today })).map((a) => a.findingId)).toEqual([finding.id]);
  });

  it("proposes audits that close the programme's gaps and writes them with an independent auditor", async () => {
    const { db } = getStore();
    const before = await auditProgramme(db, ws, { today });
    expect(before.programme.cycle.from).toBe(year);
    expect(before.programme.uncoveredControls.length).toBeGreaterThan(80);
    expect(before.programme.controls.find((c) => c.controlId === "5.15")?.coveredBy.map((c) => c.auditId)).toEqual(["AUD-001", "AUD-002"]);
    const created = await db.transaction((tx) => createProposedAudits(tx, ws, before.proposals, cli));
    expect(created.length).toBe(before.proposals.length);
    expect(created.every((a) => a.auditorPerson === "P-006" && a.status === "planned")).toBe(true);
    const after = await auditProgramme(db, ws, { today });
    expect(after.programme.uncoveredControls).toEqual([]);
    expect(after.proposals.flatMap((p) => p.controls)).toEqual([]);
  });

  it("keeps one workspace's audits out of another's", async () => {
    const { db } = getStore();
    const other = await createTestWorkspace(db);
    await expect(getAudit(db, { ...other, companyName: "Other", template: "blank" }, "AUD-002")).rejects.toThrow("No audit AUD-002 in this workspace");
  });
});
