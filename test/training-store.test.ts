// People and training on both stores: an HR export imported over the aws-saas template, bad rows that
// write nothing, a leaver's ownerships, joiners' awareness, training records with their expiry, and
// who is overdue.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addEntry, getEntry } from "../src/app/entries.js";
import { listJoiners, listLeavers } from "../src/app/joiners-leavers.js";
import { importPeople } from "../src/app/people-import.js";
import { importTrainingRecords, listTrainingRecords, recordTraining, trainingOverdue } from "../src/app/training.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { auditLog, people, trainingRecords } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/people/${name}`, import.meta.url));
const hrExport = fixture("hr-export.csv");
const completions = fixture("training-completions.csv");
const actor = "test";
const today = "2025-06-30";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-people-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

async function newWorkspace(db: Db, template: "aws-saas" | "blank"): Promise<Workspace> {
  const slug = uniqueSlug("people");
  await initWorkspace(db, { name: "People", slug, template });
  return resolveWorkspace(db, slug);
}

async function counts(db: Db, ws: Workspace) {
  const [p] = await db.select({ n: count() }).from(people).where(eq(people.workspaceId, ws.id));
  const [r] = await db.select({ n: count() }).from(trainingRecords).where(eq(trainingRecords.workspaceId, ws.id));
  const [l] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.workspaceId, ws.id));
  return { people: p?.n, records: r?.n, logEntries: l?.n };
}

describeEachStore("people and training", (getStore) => {
  let ws: Workspace;
  beforeAll(async () => {
    const { db } = getStore();
    ws = await newWorkspace(db, "aws-saas");
    await importPeople(db, ws, hrExport, { map: "Employee ID=id", actor, today });
    await importTrainingRecords(db, ws, completions, { actor, today });
  });

  it("imports an HR export: rows with a known id update that person, the others are added, extra columns ignored", async () => {
    const { db } = getStore();
    expect(await getEntry(db, ws, "people", "P-003")).toMatchObject({ name: "Noah Patel", email: "noah.patel@example.com", startDate: "2022-09-12", endDate: "2025-05-31", ismsRoles: ["risk-owner", "control-owner"] });
    expect(await getEntry(db, ws, "people", "P-009")).toMatchObject({ name: "Priya Nair", role: "Internal Auditor (contractor)", ismsRoles: ["internal-auditor"] });

    const again = await importPeople(db, ws, hrExport, { actor, today });
    expect(again).toMatchObject({ added: [], updated: [], unchanged: 5, ignoredColumns: ["Employee ID", "Department"] });
  });

  it("reports a bad row by its number and column and writes nothing from the file", async () => {
    const { db } = getStore();
    const before = await counts(db, ws);
    const file = await csv("bad-people.csv", ["Name,Email,Start Date", "Ada Lovelace,ada@example.com,2025-01-02", "Bob Stone,bob@example.com,2025-13-01"]);

    await expect(importPeople(db, ws, file, { actor, today })).rejects.toThrow(/row 3, column "Start Date": "2025-13-01" is not a date/);
    expect(await counts(db, ws)).toEqual(before);
  });

  it("refuses a row whose email is another person's than its id says", async () => {
    const { db } = getStore();
    const file = await csv("conflict.csv", ["ID,Name,Email", "P-004,Platform Lead,mia.chen@example.com"]);
    await expect(importPeople(db, ws, file, { actor, today })).rejects.toThrow(/row 2, column "Email": mia.chen@example.com is the email of P-002 Mia Chen/);
  });

  it("lists a leaver with the risks and other things they still own", async () => {
    const { db } = getStore();
    const leavers = await listLeavers(db, ws, { since: "2025-05-01", until: today });
    expect(leavers.map((l) => l.id)).toEqual(["P-003"]);
    const owns = leavers[0]?.owns ?? [];
    expect(owns).toContainEqual({ register: "risks", id: "R-006", title: "Standing administrator access that outlives its purpose", as: "owner" });
    expect(new Set(owns.map((o) => o.register))).toEqual(new Set(["risks", "treatment_actions", "control_implementations", "documents", "assets", "suppliers", "objectives"]));
    expect(await listLeavers(db, ws, { since: "2025-06-01", until: today })).toEqual([]);
  });

  it("lists joiners with whether their awareness training is recorded", async () => {
    const { db } = getStore();
    const joiners = await listJoiners(db, ws, { since: "2025-01-01", until: today });
    expect(joiners.map((j) => [j.id, j.name, j.awareness.state])).toEqual([
      ["P-007", "Lena Vogel", "current"],
      ["P-008", "Omar Haddad", "missing"],
    ]);
  });

  it("records a completion that counts for the course's validity, once however often it is entered", async () => {
    const { db } = getStore();
    const input = { person: "omar.haddad@example.com", course: "Information security awareness", completedOn: "2025-05-31", evidenceRef: "LMS-1005" };
    const first = await db.transaction((tx) => recordTraining(tx, ws, input, { actor, today }));
    expect(first.record).toMatchObject({ personId: "P-008", courseId: "TC-001", expiresOn: "2026-05-31", evidenceRef: "LMS-1005" });
    const second = await db.transaction((tx) => recordTraining(tx, ws, input, { actor, today }));
    expect(second).toEqual({ record: first.record, already: true });

    await db.transaction((tx) => addEntry(tx, ws, "training_courses", { title: "Induction", kind: "awareness", validityMonths: null }, { actor, idPrefix: "TC" }));
    const induction = await db.transaction((tx) => recordTraining(tx, ws, { person: "P-008", course: "induction", completedOn: "2025-04-14" }, { actor, today }));
    expect(induction.record.expiresOn).toBeNull();
  });

  it("refuses a completion in the future or of an unknown course", async () => {
    const { db } = getStore();
    await expect(db.transaction((tx) => recordTraining(tx, ws, { person: "P-001", course: "TC-001", completedOn: "2025-07-01" }, { actor, today }))).rejects.toThrow(/2025-07-01 is after today/);
    await expect(db.transaction((tx) => recordTraining(tx, ws, { person: "P-001", course: "Phishing 101", completedOn: "2025-06-01" }, { actor, today }))).rejects.toThrow(/no course "Phishing 101"/);
  });

  it("lists expired awareness and ISMS role holders without role training as overdue", async () => {
    const { db } = getStore();
    const gaps = await trainingOverdue(db, ws, { asOf: "2025-03-20", withinDays: 30 });
    const summary = gaps.map((g) => `${g.personId} ${g.need} ${g.state}`);
    expect(summary).toContain("P-002 awareness expired");
    expect(summary).toContain("P-009 role missing");
    expect(summary).toContain("P-001 awareness missing");
    expect(summary).not.toContain("P-007 awareness missing");
    expect(summary.some((s) => s.startsWith("P-008"))).toBe(false);
    expect(gaps.find((g) => g.personId === "P-002" && g.need === "awareness")?.latest).toMatchObject({ completedOn: "2024-03-10", expiresOn: "2025-03-10" });
  });

  it("imports training records once and refuses a file naming an unknown person without writing any of it", async () => {
    const { db } = getStore();
    expect((await listTrainingRecords(db, ws, { personId: "P-002" })).map((r) => [r.courseId, r.completedOn, r.evidenceRef])).toEqual([["TC-001", "2024-03-10", "LMS-1001"]]);
    const again = await importTrainingRecords(db, ws, completions, { actor, today });
    expect(again).toMatchObject({ added: [], alreadyRecorded: 4 });

    const before = await counts(db, ws);
    const file = await csv("bad-training.csv", ["Email,Course,Completed", "mia.chen@example.com,TC-002,2025-06-01", "nobody@example.com,TC-001,2025-06-01"]);
    await expect(importTrainingRecords(db, ws, file, { actor, today })).rejects.toThrow(/row 3, column "Email": no person "nobody@example.com"/);
    expect(await counts(db, ws)).toEqual(before);
  });

  it("with --replace, gives people the file does not list a leaving date", async () => {
    const { db } = getStore();
    const blank = await newWorkspace(db, "blank");
    await importPeople(db, blank, hrExport, { actor, today: "2025-01-01" });
    const file = await csv("current-staff.csv", ["Name,Email", "Mia Chen,mia.chen@example.com", "Lena Vogel,lena.vogel@example.com"]);

    const result = await importPeople(db, blank, file, { replace: true, actor, today });

    expect(result.left.map((p) => p.name)).toEqual(["Omar Haddad", "Priya Nair"]);
    expect((await listLeavers(db, blank, { since: today, until: today })).map((p) => p.name)).toEqual(["Omar Haddad", "Priya Nair"]);
  });
});
