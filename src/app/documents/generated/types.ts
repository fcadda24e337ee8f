// The contract of a generated document: a document that is really a register or a report, rendered
// from the workspace's data whenever it is asked for, so that it cannot drift from the data.
import type { Db } from "../../../store/open.js";
import type { PdfDocumentModel } from "../../../reports/pdf.js";
import type { Workspace } from "../../workspaces.js";

export interface GeneratedDocumentContext {
  workspace: Workspace;
  /** The moment the data is read; documents that judge dates ("overdue") judge them on this day. */
  at: Date;
}

export interface GeneratedDocument<Data = unknown> {
  /** Stable id, also its document id when a version is kept under control: "training-records". */
  id: string;
  title: string;
  /** Its kind in the document register: "risk-treatment-plan", "register", "report", "record". */
  kind: string;
  /** Clauses of ISO/IEC 27001 it serves ("9.2.2") and Annex A controls ("5.31"). */
  clauses: readonly string[];
  controls: readonly string[];
  /**
   * Reads what the document shows, as plain JSON-able data (no Date objects: ISO strings). The data
   * alone determines the rendering, so its hash is the document's data stamp: the same data, the same
   * stamp; any change in the data, a new stamp.
   */
  load(db: Db, context: GeneratedDocumentContext): Promise<Data>;
  /** What is missing from the data for the document to do its job ("no internal audit recorded"); [] when complete. */
  gaps(data: Data): string[];
  /** The document itself. Must be a pure function of the data and the context. */
  render(data: Data, context: GeneratedDocumentContext): PdfDocumentModel;
}

/** Defines a generated document with its data type inferred from `load`. */
export function defineGeneratedDocument<Data>(definition: GeneratedDocument<Data>): GeneratedDocument<Data> {
  return definition;
}
