// `isms suppliers …`: the supplier register (A.5.19–A.5.22) — entries, import from CSV/XLSX, the
// certifications on file, security reviews, and what falls due.
import type { Command } from "commander";
import { importSuppliers, type SupplierImportResult } from "../app/supplier-import.js";
import { addCertification, findSupplier, latestSupplierReview, recordSupplierReview, removeCertification, supplierCriticalities, supplierDueItems } from "../app/suppliers.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { readDay } from "../app/risk-import-fields.js";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { isoDay } from "../domain/risk/calendar.js";
import type { SupplierCertification } from "../store/schema/json.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { registerRegisterCommands } from "./register-commands.js";
import { UsageError, withExamples } from "./usage.js";

const actor = "cli";
const dateFields = ["contractStart", "contractEnd", "lastReview", "nextReview"] as const;
const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A flag's day, or a usage error naming the flag. */
function dayOption(flag: string, text: string): string {
  const day = readDay(text);
  if (typeof day !== "string") throw new UsageError(`${flag}: ${day.error}`);
  return day;
}

const describeCertification = (c: SupplierCertification) =>
  `${c.name}${c.validUntil ? `, valid until ${c.validUntil}` : ", no validity date on file"}${c.reportRef ? ` (${c.reportRef})` : ""}`;

function registerShow(group: Command): void {
  const show = group.commands.find((c) => c.name() === "show");
  // The register's own show prints certifications as raw values; this one lists them and the last review's result.
  show?.action(async (idOrName: string, _o: unknown, cmd: Command) => {
    await withIsms(cmd, async (isms, output) => {
      const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
      const supplier = await findSupplier(isms.db, ws, idOrName);
      const review = await latestSupplierReview(isms.db, ws, supplier.id);
      output.data({ ...supplier, latestReview: review }, () => {
        const { certifications, ...fields } = supplier;
        const line = (label: string, value: string) => `${label.padEnd(20)} ${value}`;
        return [
          ...Object.entries(fields).map(([k, v]) => line(k, v === null ? "" : String(v))),
          ...(certifications.length ? certifications.map((c, i) => line(i === 0 ? "certifications" : "", describeCertification(c))) : [line("certifications", "none on file")]),
          line("last review result", review ? `${review.result ?? "(none given)"} (${review.on}, recorded by ${review.by})` : "no review recorded"),
        ].join("\n");
      });
    });
  });
}

/** Dates given to add and edit are checked before anything is opened, so "Rolling" is a usage error, not a database one. */
function checkDates(group: Command): void {
  for (const command of group.commands.filter((c) => c.name() === "add" || c.name() === "edit")) {
    command.hook("preAction", (_self, action) => {
      const options: Record<string, unknown> = action.opts();
      for (const field of dateFields) {
        const value = options[field];
        if (typeof value === "string" && value !== "") dayOption(`--${kebab(field)}`, value);
      }
    });
  }
}

function describeImport(result: SupplierImportResult): string {
  const lines = [
    `Imported ${result.added.length + result.updated.length + result.unchanged.length} suppliers from ${result.source}: ` +
      `${result.added.length} added, ${result.updated.length} updated, ${result.unchanged.length} unchanged; ${result.reviewsRecorded.length} reviews recorded.`,
  ];
  if (result.peopleAdded.length) lines.push(`Added ${result.peopleAdded.length} owners to the people register: ${result.peopleAdded.map((p) => `${p.id} ${p.name}`).join(", ")}.`);
  if (result.ignoredColumns.length) lines.push(`Columns not kept: ${result.ignoredColumns.join(", ")}.`);
  if (result.warnings.length) lines.push("Warnings:", ...result.warnings.map((w) => `  ${w}`));
  return lines.join("\n");
}

/** Every bad row on a line of its own, not only the first. */
function everyProblem(error: InvalidInputError): IsmsError {
  const lines = error.issues.map((i) => `  ${i.path ? `${i.path}: ` : ""}${i.message}`);
  const problems = `${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}`;
  return new IsmsError(`${error.source}: ${problems}, nothing was imported:\n${lines.join("\n")}`);
}

function registerImport(group: Command): void {
  const command = group
    .command("import <file>")
    .description("add or update suppliers from a CSV or XLSX register (matched by name); checks every row first and writes nothing if one is bad")
    .option("--map <pairs>", 'say which column holds which field: "Vendor=name,Tier=criticality"')
    .option("--sheet <name>", "the worksheet of an XLSX file (default: the first)")
    .addHelpText(
      "after",
      `
Fields for --map (usual headings are recognised without it):
  id, name, service, dataAccessed, criticality (${supplierCriticalities.join(", ")}), location, owner, contractStart,
  contractEnd ("Rolling" means none), dpa (yes/no), certifications ("ISO 27001 SOC 2 C5", "SOC 2 until 2027-03-31"),
  certificationsValidUntil, certificationsReportRef (one for all, or one per certification), lastReview,
  reviewResult, nextReview (default: 12 months after the last review for critical and high, else 24)
A new last review is recorded as a review, with the sheet's result.
`,
    )
    .action(async (file: string, options: { map?: string; sheet?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await importSuppliers(isms.db, ws, file, { ...options, actor }).catch((error: unknown) => {
          throw error instanceof InvalidInputError ? everyProblem(error) : error;
        });
        output.data(result, () => describeImport(result));
      });
    });
  withExamples(command, "isms suppliers import supplier-register.csv", 'isms suppliers import vendors.xlsx --sheet Vendors --map "Vendor=name,Tier=criticality"');
}

function registerCertifications(group: Command): void {
  const certs = group.command("certs").description("the certifications and reports on file for a supplier (A.5.22)");
  const add = certs
    .command("add <supplier>")
    .description("file a certification (a renewed one replaces the one of the same name)")
    .requiredOption("--name <name>", 'the scheme, e.g. "ISO/IEC 27001" or "SOC 2 Type II"')
    .option("--valid-until <date>", "the last day it is valid, YYYY-MM-DD")
    .option("--report <ref>", "where the certificate or report is kept")
    .action(async (supplier: string, options: { name: string; validUntil?: string; report?: string }, cmd: Command) => {
      const validUntil = options.validUntil === undefined ? undefined : dayOption("--valid-until", options.validUntil);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const filed = await isms.db.transaction((tx) => addCertification(tx, ws, supplier, { name: options.name, validUntil, reportRef: options.report }, { actor }));
        output.data(filed, () => `${filed.renewed ? "Renewed" : "Filed"} for ${filed.supplier.id}: ${describeCertification(filed.certification)}.`);
      });
    });
  withExamples(add, 'isms suppliers certs add SUP-001 --name "ISO/IEC 27001" --valid-until 2028-11-30 --report "AWS Artifact"');
  const remove = certs
    .command("remove <supplier>")
    .description("take a certification off file")
    .requiredOption("--name <name>", "the certification's name")
    .action(async (supplier: string, options: { name: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const saved = await isms.db.transaction((tx) => removeCertification(tx, ws, supplier, options.name, { actor }));
        output.data(saved, () => `Removed ${options.name} from ${saved.id}; on file: ${saved.certifications.map((c) => c.name).join(", ") || "none"}.`);
      });
    });
  withExamples(remove, 'isms suppliers certs remove SUP-001 --name "SOC 2 Type II"');
}

function registerReview(group: Command): void {
  const command = group
    .command("review <supplier>")
    .description("record a security review of a supplier: its result, the day, and when the next is due (A.5.22)")
    .requiredOption("--result <text>", 'what the review found, e.g. "Satisfactory; SOC 2 report read, no exceptions"')
    .option("--on <date>", "the day of the review, YYYY-MM-DD (default: today)")
    .option("--next <date>", "the next review, YYYY-MM-DD (default: 12 months later for critical and high suppliers, else 24)")
    .action(async (supplier: string, options: { result: string; on?: string; next?: string }, cmd: Command) => {
      if (!options.result.trim()) throw new UsageError("--result: say what the review found");
      const on = options.on === undefined ? isoDay(new Date()) : dayOption("--on", options.on);
      const next = options.next === undefined ? undefined : dayOption("--next", options.next);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const review = await isms.db.transaction((tx) => recordSupplierReview(tx, ws, supplier, { result: options.result, on, next }, { actor }));
        output.data(review, () => `Recorded the review of ${review.supplierId} on ${review.on}; the next is due on ${review.next}.`);
      });
    });
  withExamples(command, 'isms suppliers review SUP-001 --result "Satisfactory; SOC 2 report read" --on 2026-01-15', 'isms suppliers review "Amazon Web Services" --result "Satisfactory" --next 2026-07-15');
}

function registerDue(group: Command): void {
  const command = group
    .command("due")
    .description("reviews due or overdue, certifications expiring or expired, contracts ending, critical suppliers with personal data but no DPA")
    .option("--within <days>", "how far ahead to look, in days", "30")
    .option("--as-of <date>", "the day to count from, YYYY-MM-DD (default: today)")
    .action(async (options: { within: string; asOf?: string }, cmd: Command) => {
      if (!/^\d+$/.test(options.within)) throw new UsageError(`--within: "${options.within}" is not a whole number of days`);
      const asOf = options.asOf === undefined ? isoDay(new Date()) : dayOption("--as-of", options.asOf);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const items = await supplierDueItems(isms.db, ws, asOf, Number(options.within));
        output.data(items, () =>
          items.length
            ? table(
                ["due", "", "supplier", "name", "what"],
                items.map((i) => [i.due, i.due < asOf ? "overdue" : "", i.supplierId, i.name, i.what]),
              )
            : `Nothing falls due by ${isoDay(new Date(Date.parse(`${asOf}T00:00:00Z`) + Number(options.within) * 86_400_000))}.`,
        );
      });
    });
  withExamples(command, "isms suppliers due", "isms suppliers due --within 90", "isms suppliers due --as-of 2027-01-01 --json");
}

export function registerSupplierCommands(program: Command): void {
  const group = registerRegisterCommands(program, "suppliers", {
    register: "suppliers",
    noun: "supplier",
    idPrefix: "SUP",
    path: "isms suppliers",
    description: "the supplier register: services, data accessed, criticality, contracts, DPAs, certifications and reviews (A.5.19–A.5.22)",
    fields: [
      { field: "name", description: "the supplier's name", requiredToAdd: true },
      { field: "service", description: "what they provide", requiredToAdd: true },
      { field: "dataAccessed", description: "the data they can access or process" },
      { field: "criticality", description: "how much the service depends on them", choices: supplierCriticalities },
      { field: "location", description: "where they process the data (country, region)" },
      { field: "owner", description: "who manages the relationship (a person's id or name)", kind: "person" },
      { field: "contractStart", description: "contract start, YYYY-MM-DD" },
      { field: "contractEnd", description: "contract end, YYYY-MM-DD (empty for a rolling contract)" },
      { field: "dpa", description: "a data processing agreement is signed", kind: "boolean" },
      { field: "lastReview", description: "last security review, YYYY-MM-DD (to record a review with its result: isms suppliers review)" },
      { field: "nextReview", description: "next security review, YYYY-MM-DD" },
    ],
    listColumns: ["name", "criticality", "service", "nextReview"],
    exampleAdd: 'isms suppliers add --name "Stripe" --service "Payments" --criticality high --data-accessed "Customer billing details" --dpa yes',
  });
  registerShow(group);
  checkDates(group);
  registerImport(group);
  registerCertifications(group);
  registerReview(group);
  registerDue(group);
}
