// Records of Training and Competence (7.2 d, 7.3; A.6.3), generated from the training registers: the
// courses on offer, what each person in scope completed and when it expires, and who is overdue.
import { eq } from "drizzle-orm";
import { addMonths, isoDay } from "../../../domain/risk/calendar.js";
import { awarenessCourseKind } from "../../../readiness/vocabulary.js";
import type { PdfBlock } from "../../../reports/pdf.js";
import { people, trainingCourses, trainingRecords } from "../../../store/schema/index.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface Course {
  id: string;
  title: string;
  kind: string;
  description: string | null;
  validityMonths: number | null;
}

interface Person {
  id: string;
  name: string;
  role: string | null;
}

interface TrainingRecord {
  id: string;
  courseId: string;
  personId: string;
  completedOn: string;
  expiresOn: string | null;
  evidenceRef: string | null;
}

interface TrainingData {
  /** The day people are judged in scope and records current. */
  asOf: string;
  courses: Course[];
  /** People in scope on `asOf`: no end date, or one after it. */
  people: Person[];
  /** The records of the people in scope. */
  records: TrainingRecord[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

/** The day a record stops counting: its own expiry, else its completion plus the course's validity, else never (null). */
function expiryOf(record: TrainingRecord, course: Course | undefined): string | null {
  if (record.expiresOn) return record.expiresOn;
  return course?.validityMonths ? addMonths(record.completedOn, course.validityMonths) : null;
}

interface Overdue {
  person: Person;
  course: Course | undefined;
  courseId: string;
  expiredOn: string;
}

/** Per person and course, the latest completion whose expiry lies before the day. */
function overdueTraining(data: TrainingData): Overdue[] {
  const courses = new Map(data.courses.map((c) => [c.id, c]));
  return data.people.flatMap((person) => {
    const latest = new Map<string, TrainingRecord>();
    for (const record of data.records.filter((r) => r.personId === person.id)) {
      const seen = latest.get(record.courseId);
      if (!seen || record.completedOn > seen.completedOn) latest.set(record.courseId, record);
    }
    return [...latest.values()].flatMap((record) => {
      const course = courses.get(record.courseId);
      const expiredOn = expiryOf(record, course);
      return expiredOn !== null && expiredOn < data.asOf ? [{ person, course, courseId: record.courseId, expiredOn }] : [];
    });
  });
}

/** People in scope with no record of any awareness course. */
function withoutAwareness(data: TrainingData): Person[] {
  const awareness = new Set(data.courses.filter((c) => c.kind === awarenessCourseKind).map((c) => c.id));
  const trained = new Set(data.records.filter((r) => awareness.has(r.courseId)).map((r) => r.personId));
  return data.people.filter((p) => !trained.has(p.id));
}

const personLabel = (p: Person): string => `${p.name} (${p.id})`;

export const trainingRecordsDocument = defineGeneratedDocument({
  id: "training-records",
  title: "Records of Training and Competence",
  kind: "record",
  clauses: ["7.2", "7.3"],
  controls: ["6.3"],

  async load(db, context): Promise<TrainingData> {
    const workspaceId = context.workspace.id;
    const asOf = isoDay(context.at);
    const [courseRows, personRows, recordRows] = await Promise.all([
      db.select().from(trainingCourses).where(eq(trainingCourses.workspaceId, workspaceId)),
      db.select().from(people).where(eq(people.workspaceId, workspaceId)),
      db.select().from(trainingRecords).where(eq(trainingRecords.workspaceId, workspaceId)),
    ]);
    const inScope = personRows.filter((p) => p.endDate === null || p.endDate > asOf);
    const ids = new Set(inScope.map((p) => p.id));
    return {
      asOf,
      courses: courseRows
        .map((c) => ({ id: c.id, title: c.title, kind: c.kind, description: c.description, validityMonths: c.validityMonths }))
        .sort((a, b) => compareIds(a.id, b.id)),
      people: inScope.map((p) => ({ id: p.id, name: p.name, role: p.role })).sort((a, b) => compareIds(a.id, b.id)),
      records: recordRows
        .filter((r) => ids.has(r.personId))
        .map((r) => ({ id: r.id, courseId: r.courseId, personId: r.personId, completedOn: r.completedOn, expiresOn: r.expiresOn, evidenceRef: r.evidenceRef }))
        .sort((a, b) => compareIds(a.id, b.id)),
    };
  },

  gaps(data) {
    const gaps: string[] = [];
    if (data.courses.length === 0) gaps.push("No training course is defined: add at least the awareness course everyone in scope takes (7.3).");
    if (data.records.length === 0) gaps.push("No training record is kept: record who completed which course, when, with its evidence (7.2 d).");
    const missing = withoutAwareness(data);
    if (missing.length > 0) gaps.push(`${missing.length} people in scope have no awareness training record: ${missing.map(personLabel).join(", ")}.`);
    return gaps;
  },

  render(data, context) {
    const courses = new Map(data.courses.map((c) => [c.id, c]));
    const courseLabel = (id: string): string => {
      const course = courses.get(id);
      return course ? `${course.title} (${id})` : id;
    };
    const courseRows = data.courses.map((c) => [`${c.title} (${c.id})`, c.kind, c.validityMonths ? `${c.validityMonths} months` : "does not expire", c.description ?? ""]);
    const personRows = data.people.flatMap((person) => {
      const records = data.records.filter((r) => r.personId === person.id).sort((a, b) => a.completedOn.localeCompare(b.completedOn) || compareIds(a.id, b.id));
      if (records.length === 0) return [[personLabel(person), "none recorded", "", "", ""]];
      return records.map((r) => [personLabel(person), courseLabel(r.courseId), r.completedOn, expiryOf(r, courses.get(r.courseId)) ?? "does not expire", r.evidenceRef ?? "—"]);
    });
    const overdue = overdueTraining(data);
    const missing = withoutAwareness(data);
    const followUp: PdfBlock[] = [];
    if (overdue.length > 0) {
      followUp.push(
        paragraph(`Overdue: the latest completion of the course expired before ${data.asOf}.`),
        list(overdue.map((o) => `${personLabel(o.person)}: ${courseLabel(o.courseId)}, expired ${o.expiredOn}`)),
      );
    }
    if (missing.length > 0) followUp.push(paragraph("Never completed an awareness course:"), list(missing.map(personLabel)));
    if (followUp.length === 0) followUp.push(paragraph(`On ${data.asOf} nobody in scope is overdue, and everyone has completed awareness training.`));

    return {
      title: "Records of Training and Competence",
      meta: [
        ["Organization", context.workspace.companyName],
        ["As of", data.asOf],
        ["People in scope", String(data.people.length)],
        ["ISO/IEC 27001:2022", "7.2, 7.3; A.6.3"],
      ],
      sections: [
        {
          heading: "1. Courses",
          blocks: data.courses.length
            ? [
                paragraph(`The training on offer. A course with a validity is repeated before the last completion expires; ${awarenessCourseKind} courses are for every person in scope.`),
                table(["Course", "Kind", "Validity", "Description"], courseRows),
              ]
            : [paragraph("No training course is defined yet.")],
        },
        {
          heading: "2. Training completed by person",
          blocks: [
            paragraph(
              `Everyone in scope on ${data.asOf} (no end date, or one after that day), with each course completed. ` +
                "A record's expiry is its own when recorded, else the completion date plus the course's validity.",
            ),
            table(["Person", "Course", "Completed", "Expires", "Evidence"], personRows),
          ],
        },
        { heading: "3. Overdue and missing training", blocks: followUp },
      ],
    };
  },
});
