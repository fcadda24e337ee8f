// The supplier register (A.5.19–A.5.22) beyond its plain fields: certifications on file, security
// reviews, and what falls due — reviews, expiring certificates, ending contracts, personal data without a DPA.
import { and, desc, eq } from "drizzle-orm";
import { IsmsError } from "../domain/errors.js";
import { addMonths, isoDay } from "../domain/risk/calendar.js";
import type { Db, Tx } from "../store/open.js";
import { auditLog, suppliers } from "../store/schema/index.js";
import type { SupplierCertification } from "../store/schema/json.js";
import { appendAuditLog } from "./audit-log.js";
import { readDay } from "./risk-import-fields.js";
import type { Workspace } from "./workspaces.js";

export const supplierCriticalities = ["critical", "high", "medium", "low"] as const;
export type Supplier = Omit<typeof suppliers.$inferSelect, "workspaceId">;

/** Months from one review to the next: yearly for critical and high suppliers, every two years for the others. */
export const reviewIntervalMonths = (criticality: string | null): number => (criticality === "critical" || criticality === "high" ? 12 : 24);

// Standards ISO publishes jointly with IEC, so "ISO 27001" and "ISO/IEC 27001" name the same certificate.
const jointIsoIec = /^(?:27\d{3}|20000|17021|17025|17065|42001|15408)/;

/** One spelling per scheme: "ISO 27001" → "ISO/IEC 27001", "SOC 2 Type 2" → "SOC 2 Type II", "C5" → "BSI C5". */
export function certificationName(text: string): string {
  const name = text.trim().replace(/\s+/g, " ");
  const iso = /^ISO(?:\s*\/\s*IEC)?\s*(\d{4,5}(?:-\d+)?)(:\d{4})?$/i.exec(name);
  if (iso?.[1]) return `${jointIsoIec.test(iso[1]) ? "ISO/IEC" : "ISO"} ${iso[1]}${iso[2] ?? ""}`;
  const soc = /^SOC\s*([123])(?:\s+Type\s*(II|I|2|1))?$/i.exec(name);
  if (soc?.[1]) return `SOC ${soc[1]}${soc[2] ? ` Type ${/^(2|ii)$/i.test(soc[2]) ? "II" : "I"}` : ""}`;
  if (/^(BSI\s*)?C5$/i.test(name)) return "BSI C5";
  const pci = /^PCI[\s-]*DSS\s*v?(\d(?:\.\d)?)?$/i.exec(name);
  if (pci) return `PCI DSS${pci[1] ? ` v${pci[1]}` : ""}`;
  return name;
}

export const sameCertification = (a: string, b: string): boolean => certificationName(a).toLowerCase() === certificationName(b).toLowerCase();

/** The supplier with this id or name (ignoring case). */
export async function findSupplier(db: Db, workspace: Workspace, idOrName: string): Promise<Supplier> {
  const rows = await db.select().from(suppliers).where(eq(suppliers.workspaceId, workspace.id));
  const key = idOrName.trim().toLowerCase();
  const found = rows.find((s) => s.id.toLowerCase() === key) ?? rows.find((s) => s.name.trim().toLowerCase() === key);
  if (!found) throw new IsmsError(`No supplier "${idOrName}" in this workspace`, "Name one by id or name from: isms suppliers list");
  const { workspaceId: _workspaceId, ...supplier } = found;
  return supplier;
}

function day(text: string, what: string): string {
  const parsed = readDay(text);
  if (typeof parsed !== "string") throw new IsmsError(`${what}: ${parsed.error}`);
  return parsed;
}

async function saveCertifications(tx: Tx, workspace: Workspace, supplier: Supplier, certifications: SupplierCertification[], action: string, actor: string): Promise<void> {
  await tx
    .update(suppliers)
    .set({ certifications })
    .where(and(eq(suppliers.workspaceId, workspace.id), eq(suppliers.id, supplier.id)));
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor,
    action,
    entityType: "suppliers",
    entityId: supplier.id,
    before: { certifications: supplier.certifications },
    after: { certifications },
  });
}

/** How each face names the input fields in its errors: the CLI's flags by default, an API body's fields. */
export interface SupplierFieldNames {
  validUntil: string;
  on: string;
  next: string;
}
const flagNames: SupplierFieldNames = { validUntil: "--valid-until", on: "--on", next: "--next" };

/**
 * Files a certification for a supplier (A.5.22: the assurance it gives). One of the same name already on
 * file is replaced, as a renewed certificate replaces the old one; `renewed` says so.
 */
export async function addCertification(
  tx: Tx,
  workspace: Workspace,
  idOrName: string,
  input: { name: string; validUntil?: string | undefined; reportRef?: string | undefined },
  context: { actor: string; fields?: SupplierFieldNames },
): Promise<{ supplier: Supplier; certification: SupplierCertification; renewed: boolean }> {
  const fields = context.fields ?? flagNames;
  const supplier = await findSupplier(tx, workspace, idOrName);
  const name = certificationName(input.name);
  if (!name) throw new IsmsError("The certification needs a name", 'Give it with --name, e.g. --name "ISO/IEC 27001"');
  const certification: SupplierCertification = { name };
  if (input.validUntil) certification.validUntil = day(input.validUntil, fields.validUntil);
  if (input.reportRef?.trim()) certification.reportRef = input.reportRef.trim();
  const renewed = supplier.certifications.some((c) => sameCertification(c.name, name));
  const certifications = renewed ? supplier.certifications.map((c) => (sameCertification(c.name, name) ? certification : c)) : [...supplier.certifications, certification];
  await saveCertifications(tx, workspace, supplier, certifications, "suppliers.certification.add", context.actor);
  return { supplier: { ...supplier, certifications }, certification, renewed };
}

export async function removeCertification(tx: Tx, workspace: Workspace, idOrName: string, name: string, context: { actor: string }): Promise<Supplier> {
  const supplier = await findSupplier(tx, workspace, idOrName);
  const certifications = supplier.certifications.filter((c) => !sameCertification(c.name, name));
  if (certifications.length === supplier.certifications.length) {
    const onFile = supplier.certifications.map((c) => c.name).join(", ") || "none";
    throw new IsmsError(`${supplier.id} has no certification "${name}" on file`, `On file: ${onFile}`);
  }
  await saveCertifications(tx, workspace, supplier, certifications, "suppliers.certification.remove", context.actor);
  return { ...supplier, certifications };
}

export interface SupplierReview {
  supplierId: string;
  on: string;
  result: string | null;
  next: string;
}

/**
 * Records a security review of a supplier (A.5.22): its last review becomes `on` and its next one `next`,
 * by default a review interval later; the audit log keeps the result.
 */
export async function recordSupplierReview(
  tx: Tx,
  workspace: Workspace,
  idOrName: string,
  input: { result: string | null; on: string; next?: string | undefined },
  context: { actor: string; today?: string; source?: string; fields?: SupplierFieldNames },
): Promise<SupplierReview> {
  const fields = context.fields ?? flagNames;
  const supplier = await findSupplier(tx, workspace, idOrName);
  const on = day(input.on, fields.on);
  const today = context.today ?? isoDay(new Date());
  if (on > today) throw new IsmsError(`${fields.on}: ${on} is in the future`, "Record a review once it has taken place");
  const next = input.next ? day(input.next, fields.next) : addMonths(on, reviewIntervalMonths(supplier.criticality));
  if (next <= on) throw new IsmsError(`${fields.next}: ${next} is not after the review on ${on}`, "Give a later date for the next review");
  const result = input.result?.trim() || null;
  await tx
    .update(suppliers)
    .set({ lastReview: on, nextReview: next })
    .where(and(eq(suppliers.workspaceId, workspace.id), eq(suppliers.id, supplier.id)));
  await appendAuditLog(tx, {
    workspaceId: workspace.id,
    actor: context.actor,
    action: "suppliers.review",
    entityType: "suppliers",
    entityId: supplier.id,
    before: { lastReview: supplier.lastReview, nextReview: supplier.nextReview },
    after: { lastReview: on, nextReview: next, result, ...(context.source ? { source: context.source } : {}) },
  });
  return { supplierId: supplier.id, on, result, next };
}

/** The newest review the audit log holds for a supplier, with its result; null when none was recorded. */
export async function latestSupplierReview(db: Db, workspace: Workspace, supplierId: string): Promise<(SupplierReview & { by: string }) | null> {
  const [entry] = await db
    .select({ actor: auditLog.actor, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.entityType, "suppliers"), eq(auditLog.entityId, supplierId), eq(auditLog.action, "suppliers.review")))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const after = entry?.after;
  if (!entry || typeof after !== "object" || after === null) return null;
  const field = (key: string): string | null => {
    const value: unknown = Reflect.get(after, key);
    return typeof value === "string" ? value : null;
  };
  return { supplierId, on: field("lastReview") ?? "", result: field("result"), next: field("nextReview") ?? "", by: entry.actor };
}

// ---- What falls due ---------------------------------------------------------------------------

export interface SupplierDueItem {
  supplierId: string;
  name: string;
  kind: "review" | "certification" | "contract" | "dpa";
  what: string;
  /** The day it falls (or fell) due; earlier than the day asked about means overdue. */
  due: string;
}

// Words in "data accessed" that mean personal data (GDPR Art. 28 wants a processing agreement then).
const personalData =
  /\b(?:personal|pii|customers?|clients?|employees?|staff|payroll|hr|identit(?:y|ies)|e-?mails?|address(?:es)?|names?|users?|patients?|health|contacts?|payments?|cardholder)\b/i;

/** Whether a supplier's "data accessed" names personal data. */
export const accessesPersonalData = (dataAccessed: string | null): boolean => dataAccessed !== null && personalData.test(dataAccessed);

function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/**
 * What falls due by `asOf` + `withinDays` (and everything overdue): reviews, certifications expiring or
 * expired, contracts ending, and critical suppliers with personal data but no DPA — in order of the day.
 */
export function dueItemsOf(rows: readonly Supplier[], asOf: string, withinDays: number): SupplierDueItem[] {
  const horizon = addDays(asOf, withinDays);
  const items: SupplierDueItem[] = [];
  for (const s of rows) {
    const item = (kind: SupplierDueItem["kind"], what: string, due: string) => items.push({ supplierId: s.id, name: s.name, kind, what, due });
    const nextReview = s.nextReview ?? (s.lastReview ? addMonths(s.lastReview, reviewIntervalMonths(s.criticality)) : null);
    if (nextReview && nextReview <= horizon) item("review", nextReview < asOf ? "security review overdue" : "security review due", nextReview);
    if (!nextReview && (s.criticality === "critical" || s.criticality === "high")) item("review", `${s.criticality} supplier never reviewed`, asOf);
    for (const c of s.certifications) {
      if (c.validUntil && c.validUntil <= horizon) item("certification", `${c.name} ${c.validUntil < asOf ? "expired" : "expires"}`, c.validUntil);
    }
    if (s.contractEnd && s.contractEnd <= horizon) item("contract", s.contractEnd < asOf ? "contract ended" : "contract ends", s.contractEnd);
    if (s.criticality === "critical" && !s.dpa && accessesPersonalData(s.dataAccessed)) {
      item("dpa", `no data processing agreement, though it accesses ${s.dataAccessed ?? "personal data"}`, asOf);
    }
  }
  return items.sort((a, b) => a.due.localeCompare(b.due) || a.supplierId.localeCompare(b.supplierId, "en", { numeric: true }));
}

/** The workspace's supplier items falling due by `asOf` + `withinDays`, for `isms suppliers due` and the calendar. */
/** The supplier register. */
export async function listSuppliers(db: Db, workspace: Workspace): Promise<Supplier[]> {
  const rows = await db.select().from(suppliers).where(eq(suppliers.workspaceId, workspace.id));
  return rows.map(({ workspaceId: _workspaceId, ...s }) => s);
}

export async function supplierDueItems(db: Db, workspace: Workspace, asOf: string, withinDays: number): Promise<SupplierDueItem[]> {
  return dueItemsOf(await listSuppliers(db, workspace), asOf, withinDays);
}
