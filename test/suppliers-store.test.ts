// The supplier register in the store: the real sample register imported (and again), a bad row refused
// whole, certifications filed and renewed, reviews with their result, and what falls due.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEntry, getEntry, listEntries } from "../src/app/entries.js";
import { importSuppliers, parseCertifications } from "../src/app/supplier-import.js";
import { addCertification, dueItemsOf, latestSupplierReview, recordSupplierReview, removeCertification, supplierDueItems, type Supplier } from "../src/app/suppliers.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import { InvalidInputError } from "../src/domain/errors.js";
import type { Db } from "../src/store/open.js";
import { auditLog, people, suppliers } from "../src/store/schema/index.js";
import { uniqueSlug } from "./helpers/fixtures.js";
import { describeEachStore } from "./helpers/stores.js";

const sampleRegister = fileURLToPath(new URL("./fixtures/cenedril/supplier-register.csv", import.meta.url));
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "isms-suppliers-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function workspace(db: Db, template: "blank" | "aws-saas"): Promise<Workspace> {
  const slug = uniqueSlug("suppliers");
  await initWorkspace(db, { name: "Suppliers", slug, template });
  return resolveWorkspace(db, slug);
}

async function counts(db: Db, ws: Workspace): Promise<{ suppliers: number; people: number }> {
  const [s] = await db.select({ n: count() }).from(suppliers).where(eq(suppliers.workspaceId, ws.id));
  const [p] = await db.select({ n: count() }).from(people).where(eq(people.workspaceId, ws.id));
  return { suppliers: s?.n ?? 0, people: p?.n ?? 0 };
}

function supplier(overrides: Partial<Supplier> = {}): Supplier {
  return {
    id: "SUP-001",
    name: "Acme Hosting",
    service: "Hosting",
    dataAccessed: null,
    criticality: "medium",
    location: null,
    owner: null,
    contractStart: null,
    contractEnd: null,
    dpa: true,
    certifications: [],
    lastReview: "2026-06-01",
    nextReview: "2028-06-01",
    ...overrides,
  };
}

describe("certification cells", () => {
  it("reads the sample's space-separated schemes as separate certifications, each in one spelling", () => {
    expect(parseCertifications("ISO 27001 SOC 2 C5")).toEqual([{ name: "ISO/IEC 27001" }, { name: "SOC 2" }, { name: "BSI C5" }]);
    expect(parseCertifications("N/A")).toEqual([]);
    expect(parseCertifications("Web PKI audit")).toEqual([{ name: "Web PKI audit" }]);
  });

  it("keeps a note with its scheme and reads a validity date written beside it", () => {
    expect(parseCertifications("ISO 27001 (vendor)")).toEqual([{ name: "ISO/IEC 27001 (vendor)" }]);
    expect(parseCertifications("SOC 2 Type 2 (until 2027-03-31); ISO 9001 expires 2028-01-31")).toEqual([
      { name: "SOC 2 Type II", validUntil: "2027-03-31" },
      { name: "ISO 9001", validUntil: "2028-01-31" },
    ]);
  });

  it("names an impossible validity date", () => {
    expect(parseCertifications("ISO 27001 until 2027-02-30")).toMatch(/"2027-02-30" is not a date/);
  });
});

describe("what falls due", () => {
  const asOf = "2027-01-10";

  it("lists overdue and coming reviews, expiring and expired certificates and ending contracts, in order of the day", () => {
    const rows = [
      supplier({ id: "SUP-001", name: "Overdue", nextReview: "2026-12-01" }),
      supplier({ id: "SUP-002", name: "Soon", nextReview: "2027-01-30", certifications: [{ name: "SOC 2 Type II", validUntil: "2027-01-20" }, { name: "ISO/IEC 27001", validUntil: "2026-12-31" }] }),
      supplier({ id: "SUP-003", name: "Ending", contractEnd: "2027-02-01" }),
      supplier({ id: "SUP-004", name: "Far", nextReview: "2027-06-01", contractEnd: "2029-01-01", certifications: [{ name: "ISO/IEC 27001", validUntil: "2028-01-01" }] }),
    ];

    const items = dueItemsOf(rows, asOf, 30);

    expect(items.map((i) => [i.due, i.supplierId, i.kind, i.what])).toEqual([
      ["2026-12-01", "SUP-001", "review", "security review overdue"],
      ["2026-12-31", "SUP-002", "certification", "ISO/IEC 27001 expired"],
      ["2027-01-20", "SUP-002", "certification", "SOC 2 Type II expires"],
      ["2027-01-30", "SUP-002", "review", "security review due"],
      ["2027-02-01", "SUP-003", "contract", "contract ends"],
    ]);
    expect(dueItemsOf(rows, asOf, 200).some((i) => i.supplierId === "SUP-004" && i.kind === "review")).toBe(true);
  });

  it("names a critical supplier with personal data but no DPA, and critical or high suppliers never reviewed", () => {
    const rows = [
      supplier({ id: "SUP-001", criticality: "critical", dpa: false, dataAccessed: "Customer contact details" }),
      supplier({ id: "SUP-002", criticality: "critical", dpa: false, dataAccessed: "Public keys only" }),
      supplier({ id: "SUP-003", criticality: "high", lastReview: null, nextReview: null }),
      supplier({ id: "SUP-004", criticality: "low", lastReview: null, nextReview: null }),
    ];

    const items = dueItemsOf(rows, asOf, 30);

    expect(items.map((i) => [i.supplierId, i.kind, i.due])).toEqual([
      ["SUP-001", "dpa", asOf],
      ["SUP-003", "review", asOf],
    ]);
    expect(items[0]?.what).toContain("Customer contact details");
  });

  it("counts the next review from the last one when none is set: a year for critical, two years for low", () => {
    const rows = [
      supplier({ id: "SUP-001", criticality: "critical", lastReview: "2025-12-20", nextReview: null }),
      supplier({ id: "SUP-002", criticality: "low", lastReview: "2025-12-20", nextReview: null }),
    ];
    expect(dueItemsOf(rows, asOf, 0).map((i) => [i.supplierId, i.due])).toEqual([["SUP-001", "2026-12-20"]]);
  });
});

describeEachStore("supplier register", (getStore) => {
  describe("imported into a blank workspace", () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = await workspace(getStore().db, "blank");
    });

    it("imports the sample register: twelve suppliers, certifications parsed, reviews with their result, owners added as people", async () => {
      const { db } = getStore();

      const result = await importSuppliers(db, ws, sampleRegister, { actor: "test" });

      expect(result.added).toHaveLength(12);
      expect(result.added[0]).toBe("SUP-001");
      expect(result.reviewsRecorded).toHaveLength(12);
      expect(result.ignoredColumns).toEqual(["Category", "Status"]);
      expect(result.peopleAdded.map((p) => p.name)).toEqual(expect.arrayContaining(["IT Operations Lead", "ISO", "HR Lead", "CEO"]));
      const aws = await getEntry(db, ws, "suppliers", "SUP-001");
      expect(aws).toMatchObject({
        name: "Amazon Web Services",
        criticality: "critical",
        dpa: true,
        contractEnd: "2026-12-31",
        lastReview: "2026-01-15",
        nextReview: "2027-01-15",
        certifications: [{ name: "ISO/IEC 27001" }, { name: "SOC 2" }, { name: "BSI C5" }],
      });
      expect(await getEntry(db, ws, "suppliers", "SUP-006")).toMatchObject({ name: "CleanOffice GmbH", dpa: false, certifications: [] });
      expect(await getEntry(db, ws, "suppliers", "SUP-009")).toMatchObject({ contractEnd: null, criticality: "medium" });
      expect((await latestSupplierReview(db, ws, "SUP-004"))?.result).toBe("Satisfactory - one minor finding");
    });

    it("matches the suppliers by name when the register comes again: nothing added, and certificate dates filed since are kept", async () => {
      const { db } = getStore();
      await importSuppliers(db, ws, sampleRegister, { actor: "test" });
      await db.transaction((tx) => addCertification(tx, ws, "Amazon Web Services", { name: "ISO 27001", validUntil: "2028-11-30", reportRef: "AWS Artifact" }, { actor: "test" }));
      const before = await counts(db, ws);

      const again = await importSuppliers(db, ws, sampleRegister, { actor: "test" });

      expect(again.added).toEqual([]);
      expect(again.unchanged).toHaveLength(12);
      expect(again.reviewsRecorded).toEqual([]);
      expect(await counts(db, ws)).toEqual(before);
      const aws = await getEntry(db, ws, "suppliers", "SUP-001");
      expect(aws.certifications).toContainEqual({ name: "ISO/IEC 27001", validUntil: "2028-11-30", reportRef: "AWS Artifact" });
    });

    it("refuses a register with bad rows, naming each by row and column, and writes nothing", async () => {
      const { db } = getStore();
      const lines = (await readFile(sampleRegister, "utf8")).trim().split("\n");
      const bad = join(scratch, "bad-suppliers.csv");
      const broken = [
        lines[0],
        lines[1]?.replace("Amazon Web Services", "Amazon Web Services EMEA"),
        lines[2]?.replace(",Critical,", ",Severe,"),
        lines[3]?.replace(",2026-02-28,", ",28/02/2026,"),
        lines[4]?.replace("Vendor X Logistics", ""),
      ];
      await writeFile(bad, broken.join("\n"));
      const before = await counts(db, ws);

      const attempt = importSuppliers(db, ws, bad, { actor: "test" });

      await expect(attempt).rejects.toThrow(InvalidInputError);
      const error = await attempt.catch((e: unknown) => e);
      if (!(error instanceof InvalidInputError)) throw new Error("expected an InvalidInputError");
      expect(error.message).toContain('row 3, column "Criticality": "Severe" is not a criticality; use critical, high, medium, low');
      expect(error.issues.map((i) => i.path)).toEqual(['row 3, column "Criticality"', 'row 4, column "Contract End"', 'row 5, column "Supplier"']);
      expect(await counts(db, ws)).toEqual(before);
      expect((await listEntries(db, ws, "suppliers")).some((s) => s.name === "Amazon Web Services EMEA")).toBe(false);
    });
  });

  describe("on the aws-saas template", () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = await workspace(getStore().db, "aws-saas");
    });

    it("updates the template's AWS by name, keeps its SOC 2 Type II report, and numbers anew the sheet's ids other suppliers hold", async () => {
      const { db } = getStore();

      const result = await importSuppliers(db, ws, sampleRegister, { actor: "test" });

      expect(result.updated).toEqual(["SUP-001"]);
      expect(result.added).toHaveLength(11);
      const aws = await getEntry(db, ws, "suppliers", "SUP-001");
      expect(aws.certifications).toEqual([
        { name: "ISO/IEC 27001", validUntil: "2028-11-30", reportRef: "AWS Artifact, ISO/IEC 27001 certificate" },
        { name: "SOC 2 Type II", validUntil: "2027-05-31", reportRef: "AWS Artifact, SOC 2 Type II report (April to September period)" },
        { name: "BSI C5" },
      ]);
      expect(await getEntry(db, ws, "suppliers", "SUP-002")).toMatchObject({ name: "Workforce identity provider" });
      expect(await getEntry(db, ws, "suppliers", "SUP-004")).toMatchObject({ name: "Vendor X Logistics" });
      const microsoft = (await listEntries(db, ws, "suppliers")).find((s) => s.name === "Microsoft");
      expect(microsoft?.id).toBe("SUP-013");
      expect(result.warnings).toContain("row 3: SUP-002 is another supplier's id here, so Microsoft was added as SUP-013");
    });

    it("records a review: the next is a year on for a critical supplier and two for a low one, the result in the audit log", async () => {
      const { db } = getStore();
      const low = await db.transaction((tx) => addEntry(tx, ws, "suppliers", { name: "Window cleaning", service: "Cleaning", criticality: "low" }, { actor: "test", idPrefix: "SUP" }));

      const critical = await db.transaction((tx) => recordSupplierReview(tx, ws, "Amazon Web Services", { result: "Satisfactory; SOC 2 read, no exceptions", on: "2026-03-01" }, { actor: "test" }));
      const lowReview = await db.transaction((tx) => recordSupplierReview(tx, ws, String(low.id), { result: "Satisfactory", on: "2026-03-01" }, { actor: "test" }));

      expect(critical).toEqual({ supplierId: "SUP-001", on: "2026-03-01", next: "2027-03-01", result: "Satisfactory; SOC 2 read, no exceptions" });
      expect(lowReview.next).toBe("2028-03-01");
      expect(await getEntry(db, ws, "suppliers", "SUP-001")).toMatchObject({ lastReview: "2026-03-01", nextReview: "2027-03-01" });
      const entries = await db
        .select({ after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "suppliers.review"), eq(auditLog.entityId, "SUP-001")));
      expect(entries.at(-1)?.after).toMatchObject({ result: "Satisfactory; SOC 2 read, no exceptions", lastReview: "2026-03-01" });
      await expect(db.transaction((tx) => recordSupplierReview(tx, ws, "SUP-001", { result: "x", on: "2026-03-01", next: "2026-02-01" }, { actor: "test" }))).rejects.toThrow(
        "--next: 2026-02-01 is not after the review on 2026-03-01",
      );
      await expect(db.transaction((tx) => recordSupplierReview(tx, ws, "SUP-001", { result: "x", on: "2026-03-01" }, { actor: "test", today: "2026-02-01" }))).rejects.toThrow("--on: 2026-03-01 is in the future");
    });

    it("files a certification, renews one of the same name in place, and takes one off file", async () => {
      const { db } = getStore();

      const filed = await db.transaction((tx) => addCertification(tx, ws, "SUP-003", { name: "SOC 2 type 2", validUntil: "2027-04-30", reportRef: "Vendor portal" }, { actor: "test" }));
      const renewed = await db.transaction((tx) => addCertification(tx, ws, "SUP-003", { name: "SOC 2 Type II", validUntil: "2028-04-30" }, { actor: "test" }));

      expect(filed.renewed).toBe(false);
      expect(renewed.renewed).toBe(true);
      expect((await getEntry(db, ws, "suppliers", "SUP-003")).certifications).toEqual([{ name: "SOC 2 Type II", validUntil: "2028-04-30" }]);
      await db.transaction((tx) => removeCertification(tx, ws, "SUP-003", "soc 2 type ii", { actor: "test" }));
      expect((await getEntry(db, ws, "suppliers", "SUP-003")).certifications).toEqual([]);
      await expect(db.transaction((tx) => removeCertification(tx, ws, "SUP-003", "PCI DSS", { actor: "test" }))).rejects.toThrow('SUP-003 has no certification "PCI DSS" on file');
    });

    it("lists from the store what falls due, the template's AWS SOC 2 report among them as it nears its date", async () => {
      const { db } = getStore();

      const items = await supplierDueItems(db, ws, "2027-05-15", 30);

      expect(items).toContainEqual({ supplierId: "SUP-001", name: "Amazon Web Services", kind: "certification", what: "SOC 2 Type II expires", due: "2027-05-31" });
      expect(items.filter((i) => i.kind === "certification" && i.what.startsWith("ISO/IEC 27001"))).toEqual([]);
    });
  });
});
