// `isms export` / `isms import`: the whole workspace as readable YAML, one file per register, in a
// stable order so that a git diff shows what changed; import validates every file before it writes.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { parseDocument, stringify } from "yaml";
import { z } from "zod";
import { InvalidInputError, IsmsError } from "../domain/errors.js";
import { newWorkspace } from "../domain/workspace.js";
import type { Db, Tx } from "../store/open.js";
import { workspaces } from "../store/schema/index.js";
import { createWorkspace, findWorkspace } from "../store/workspaces.js";
import { appendAuditLog } from "./audit-log.js";
import { compareIds, fromFileValue, registers, toFileValue, type Register } from "./registers.js";
import type { Workspace } from "./workspaces.js";

export const workspaceFileFormat = "openisms-workspace/1";
const workspaceFile = "workspace.yaml";

const workspaceHeader = newWorkspace.extend({ format: z.literal(workspaceFileFormat) }).strict();
type WorkspaceHeader = z.infer<typeof workspaceHeader>;

/** A validated export folder: the workspace header and every register's rows, ready to insert. */
export interface WorkspaceBundle {
  header: WorkspaceHeader;
  rows: Map<string, Record<string, unknown>[]>;
}

function yamlText(value: unknown, comment: string): string {
  return `# ${comment}\n${stringify(value, { lineWidth: 0, minContentWidth: 0 })}`;
}

export async function exportWorkspace(db: Db, workspace: Workspace, dir: string): Promise<{ files: string[]; rows: number }> {
  await mkdir(dir, { recursive: true });
  const header: WorkspaceHeader = {
    format: workspaceFileFormat,
    slug: workspace.slug,
    name: workspace.name,
    companyName: workspace.companyName,
    template: newWorkspace.shape.template.parse(workspace.template),
  };
  const files = [workspaceFile];
  await writeFile(join(dir, workspaceFile), yamlText(header, "OpenISMS workspace; restore with: isms import --dir <this folder>"));
  let total = 0;
  for (const register of registers) {
    const stored: Record<string, unknown>[] = await db.select().from(register.table).where(eq(register.workspaceColumn, workspace.id));
    const rows = stored
      .map((row) => {
        const out: Record<string, unknown> = {};
        for (const [key] of register.columns) {
          const value = toFileValue(row[key]);
          if (value !== null && value !== undefined) out[key] = value;
        }
        return out;
      })
      .sort((a, b) => compareIds(String(a.id), String(b.id)));
    total += rows.length;
    const file = `${register.name}.yaml`;
    files.push(file);
    await writeFile(join(dir, file), yamlText(rows, `${register.name}: ${rows.length} ${rows.length === 1 ? "entry" : "entries"}`));
  }
  return { files, rows: total };
}

type Issue = { path: string; message: string };

function parseYamlFile(file: string, text: string, issues: Issue[]): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  const [error] = doc.errors;
  if (error) {
    const line = error.linePos?.[0];
    issues.push({ path: line ? `line ${line.line}, column ${line.col}` : "", message: `${error.message.split("\n")[0]} (${file} is not valid YAML)` });
    return undefined;
  }
  return doc.toJS();
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}

/** Reads and validates an export folder. Collects every problem (file, path, reason) before failing. */
/** A file entry with its instants turned back into dates, ready for the register's schema. */
function toStoreValues(register: Register, entry: unknown): unknown {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return entry;
  const columns = new Map(register.columns);
  return Object.fromEntries(Object.entries(entry).map(([key, value]: [string, unknown]) => {
    const column = columns.get(key);
    return [key, column ? fromFileValue(column, value) : value];
  }));
}

/** Applies `fill` to every string in a parsed YAML value (templates fill in the company's name). */
function fillStrings(value: unknown, fill: (text: string) => string): unknown {
  if (typeof value === "string") return fill(value);
  if (Array.isArray(value)) return value.map((v: unknown) => fillStrings(v, fill));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]: [string, unknown]) => [k, fillStrings(v, fill)]));
  }
  return value;
}

export async function readWorkspaceFiles(dir: string, fill: (text: string) => string = (t) => t): Promise<WorkspaceBundle> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new IsmsError(`Cannot read the folder ${dir}`, "Give the folder written by: isms export --dir <folder>");
  }
  const issues: Issue[] = [];
  const known = new Set([workspaceFile, ...registers.map((r) => `${r.name}.yaml`)]);
  for (const name of names.filter((n) => n.endsWith(".yaml") && !known.has(n)).sort()) {
    issues.push({ path: name, message: `unknown register file; expected one of ${[...known].join(", ")}` });
  }
  if (!names.includes(workspaceFile)) {
    throw new InvalidInputError(dir, [{ path: workspaceFile, message: "missing: this is not a folder written by isms export" }]);
  }
  const read = async (file: string) => readFile(join(dir, file), "utf8");

  const headerIssues: Issue[] = [];
  const headerValue = fillStrings(parseYamlFile(workspaceFile, await read(workspaceFile), headerIssues), fill);
  const header = workspaceHeader.safeParse(headerValue);
  if (!header.success) headerIssues.push(...header.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  issues.push(...headerIssues.map((i) => ({ path: `${workspaceFile}${i.path ? ` ${i.path}` : ""}`, message: i.message })));

  const rows = new Map<string, Record<string, unknown>[]>();
  for (const register of registers) {
    const file = `${register.name}.yaml`;
    if (!names.includes(file)) {
      rows.set(register.name, []);
      continue;
    }
    const fileIssues: Issue[] = [];
    const value = fillStrings(parseYamlFile(file, await read(file), fileIssues), fill);
    const list = value === null || value === undefined ? [] : value;
    if (!fileIssues.length && !Array.isArray(list)) fileIssues.push({ path: "", message: "expected a list of entries (lines starting with '- ')" });
    const parsed: Record<string, unknown>[] = [];
    const seen = new Set<string>();
    if (Array.isArray(list)) {
      list.forEach((entry: unknown, index) => {
        const result = register.row.safeParse(toStoreValues(register, entry));
        if (!result.success) {
          for (const i of result.error.issues) fileIssues.push({ path: formatPath([index, ...i.path]), message: i.message });
          return;
        }
        const id = String(result.data.id);
        if (seen.has(id)) fileIssues.push({ path: `[${index}].id`, message: `duplicate id "${id}"; ids must be unique in a register` });
        seen.add(id);
        parsed.push(result.data);
      });
    }
    issues.push(...fileIssues.map((i) => ({ path: `${file}${i.path ? ` ${i.path}` : ""}`, message: i.message })));
    rows.set(register.name, parsed);
  }
  if (issues.length || !header.success) throw new InvalidInputError(dir, issues);
  return { header: header.data, rows };
}

/** Inserts a bundle's rows into a workspace, parents first. A database refusal names the register. */
export async function insertRegisters(tx: Tx, workspaceId: string, bundle: WorkspaceBundle): Promise<number> {
  let total = 0;
  for (const register of registers) {
    const rows = bundle.rows.get(register.name) ?? [];
    if (!rows.length) continue;
    try {
      await tx.insert(register.table).values(rows.map((row) => ({ ...row, workspaceId })));
    } catch (error) {
      const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new InvalidInputError(`${register.name}.yaml`, [{ path: "", message: `the database refused it: ${detail}` }]);
    }
    total += rows.length;
  }
  return total;
}

export interface ImportResult {
  workspace: Omit<Workspace, "id">;
  replaced: boolean;
  rows: number;
}

export async function importWorkspace(db: Db, dir: string, options: { replace: boolean; actor?: string }): Promise<ImportResult> {
  const bundle = await readWorkspaceFiles(dir);
  const { format: _format, ...header } = bundle.header;
  const existing = await findWorkspace(db, header.slug);
  if (existing && !options.replace) {
    throw new IsmsError(`Workspace "${header.slug}" already exists`, "Add --replace to replace its contents with the folder's");
  }
  const rows = await db.transaction(async (tx) => {
    let workspaceId: string;
    if (existing) {
      for (const register of [...registers].reverse()) {
        await tx.delete(register.table).where(eq(register.workspaceColumn, existing.id));
      }
      await tx.update(workspaces).set({ name: header.name, companyName: header.companyName, template: header.template }).where(eq(workspaces.id, existing.id));
      workspaceId = existing.id;
    } else {
      workspaceId = (await createWorkspace(tx, header)).id;
    }
    const inserted = await insertRegisters(tx, workspaceId, bundle);
    await appendAuditLog(tx, {
      workspaceId,
      actor: options.actor ?? "cli",
      action: existing ? "workspace.replace" : "workspace.import",
      entityType: "workspace",
      entityId: header.slug,
      before: null,
      after: { source: "isms import", rows: inserted },
    });
    return inserted;
  });
  return { workspace: header, replaced: existing !== undefined, rows };
}
