// The documents of a package: the SoA (XLSX and PDF) and every mandatory and topic-specific document
// as PDF — the version in force of an authored document, or a generated one rendered from the data
// as of the package's time.
import type { PackageEntryInput } from "../../reports/package/types.js";
import type { Db } from "../../store/open.js";
import { documentBytes, renderDocument } from "../documents/render.js";
import { documentChecklist, requiredDocuments, type ChecklistEntry } from "../documents/mandatory.js";
import { findGeneratedDocument } from "../documents/generated/index.js";
import { findDocument, versionInForce } from "../documents/records.js";
import { renderSoa, soaExportModel } from "../soa-export.js";
import type { Workspace } from "../workspaces.js";
import { slugOf } from "../../domain/workspace.js";

/** A document of the package as the index lists it. */
export interface PackagedDocument {
  id: string;
  title: string;
  path: string;
  version?: string;
  status?: string;
}

/** One document of the package: what the index lists now, the bytes rendered only when it is written. */
export interface DocumentJob {
  document: PackagedDocument;
  entry: () => Promise<PackageEntryInput>;
}

export interface DocumentPart {
  jobs: DocumentJob[];
  /** Required documents that exist nowhere (the package says so rather than leave a silent gap). */
  missing: string[];
}

const pdf = "application/pdf";
const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The package's documents as of `at`. Each is rendered when its entry is asked for, so the package
 * never holds more than one rendered document at a time.
 */
export async function planPackageDocuments(db: Db, workspace: Workspace, at: Date): Promise<DocumentPart> {
  const jobs: DocumentJob[] = [];
  const missing: string[] = [];
  const collectedAt = at.toISOString();

  const soa = await soaExportModel(db, workspace, { asOf: at, generatedAt: at });
  const soaVersion = soa.version ? `${soa.version.version}` : undefined;
  const soaStatus = soa.isPublishedVersion ? "published" : "draft (changed since the last published version)";
  for (const [format, mediaType] of [["xlsx", xlsx], ["pdf", pdf]] as const) {
    const path = `documents/00-statement-of-applicability.${format}`;
    jobs.push({
      document: { id: "SOA", title: `Statement of Applicability (${format.toUpperCase()})`, path, ...(soaVersion ? { version: soaVersion } : {}), status: soaStatus },
      entry: async () => ({ path, mediaType, source: { kind: "generated", generator: `statement of applicability (${format})` }, collectedAt, content: await renderSoa(soa, format) }),
    });
  }

  const checklist = await documentChecklist(db, workspace, at);
  const numbered = [...checklist.required.map((entry, i) => ({ entry, folder: "documents", n: i + 1 })), ...checklist.other.map((entry, i) => ({ entry, folder: "documents/policies", n: i + 1 }))];
  for (const { entry, folder, n } of numbered) {
    if (entry.id === "statement-of-applicability") continue;
    const id = await documentIdOf(db, workspace, entry);
    if (id === undefined) {
      missing.push(`${entry.name} (${entry.refs.join(", ")})`);
      continue;
    }
    const doc = await findDocument(db, workspace, id);
    const inForce = doc ? versionInForce(doc) : undefined;
    const shown = inForce ?? (doc?.generator ? undefined : doc?.versions.at(-1));
    const path = `${folder}/${String(n).padStart(2, "0")}-${slugOf(id, 40)}.pdf`;
    const title = doc?.title ?? findGeneratedDocument(id)?.title ?? id;
    jobs.push({
      document: { id, title, path, ...(shown ? { version: shown.version, status: shown.status } : { status: "generated" }) },
      entry: async () => {
        const rendered = await renderDocument(db, workspace, id, { at, ...(inForce ? { version: inForce.version } : {}) });
        const version = rendered.version ?? undefined;
        return {
          path,
          mediaType: pdf,
          source: { kind: "generated", generator: `document ${rendered.id}${version ? ` v${version}` : " (from the data)"}` },
          collectedAt: (rendered.version ? rendered.createdAt : at).toISOString(),
          content: await documentBytes(rendered, "pdf"),
        };
      },
    });
  }
  return { jobs, missing };
}

/**
 * The document that meets a checklist entry: of the documents it lists, one with a version in force
 * (else the first); for a generated requirement without one in force, the generator itself.
 */
async function documentIdOf(db: Db, workspace: Workspace, entry: ChecklistEntry): Promise<string | undefined> {
  const listed = await Promise.all(entry.documents.map((d) => findDocument(db, workspace, d.id)));
  const inForce = listed.find((d) => d !== undefined && versionInForce(d) !== undefined);
  if (inForce) return inForce.id;
  const requirement = requiredDocuments.find((r) => r.id === entry.id);
  if (requirement && "generated" in requirement.meetBy) return requirement.meetBy.generated;
  return entry.documents[0]?.id;
}
