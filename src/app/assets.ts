// The asset inventory (A.5.9): import from a spreadsheet. Owners are matched to people by id or
// name; an owner nobody has entered yet is added to the people register, and the report says so.
import { basename } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { InvalidInputError } from "../domain/errors.js";
import { readTable } from "../reports/tables.js";
import type { Db } from "../store/open.js";
import { assets, people } from "../store/schema/index.js";
import { appendAuditLog } from "./audit-log.js";
import { mapColumns, parseColumnMap, type FieldSpec } from "./column-mapping.js";
import { nextId, type Entry } from "./entries.js";
import { loadPersonDirectory } from "./people.js";
import type { Workspace } from "./workspaces.js";

export const assetFields: readonly FieldSpec[] = [
  { field: "id", aliases: ["asset id", "ref", "reference"] },
  { field: "name", aliases: ["asset name", "asset", "title"], required: true },
  { field: "kind", aliases: ["type", "asset type", "kind"] },
  { field: "owner", aliases: ["asset owner", "owner"] },
  { field: "classification", aliases: ["classification", "information classification", "sensitivity"] },
  { field: "location", aliases: ["location", "region", "site"] },
  { field: "description", aliases: ["description", "notes", "details"] },
  { field: "inScope", aliases: ["in scope", "scope", "isms scope"] },
  { field: "externalRef", aliases: ["arn", "resource", "resource id", "external ref"] },
];

/** One asset by id, or undefined when this workspace has none by that id. */
export async function findAsset(db: Db, workspace: Workspace, id: string): Promise<Entry | undefined> {
  const [row] = await db.select().from(assets).where(and(eq(assets.workspaceId, workspace.id), eq(assets.id, id)));
  if (!row) return undefined;
  const { workspaceId: _workspaceId, ...asset } = row;
  return asset;
}

const yes = new Set(["yes", "y", "true", "1", "in", "in scope", "x"]);
const no = new Set(["no", "n", "false", "0", "out", "out of scope", ""]);

const importedAsset = z.object({
  id: z.string().max(64).optional(),
  name: z.string().min(1, "is empty; every asset needs a name").max(300),
  kind: z.string().max(100).optional(),
  owner: z.string().max(200).optional(),
  classification: z.string().max(100).optional(),
  location: z.string().max(300).optional(),
  description: z.string().max(4000).optional(),
  inScope: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return true;
      const key = v.trim().toLowerCase();
      if (yes.has(key)) return true;
      if (no.has(key)) return false;
      ctx.addIssue({ code: "custom", message: `"${v}" is not yes or no` });
      return z.NEVER;
    }),
  externalRef: z.string().max(2048).optional(),
});

export interface AssetImportResult {
  source: string;
  added: string[];
  updated: string[];
  peopleAdded: { id: string; name: string }[];
  keptColumns: string[];
}

export async function importAssets(
  db: Db,
  workspace: Workspace,
  path: string,
  options: { map?: string | undefined; sheet?: string | undefined; actor: string },
): Promise<AssetImportResult> {
  const table = await readTable(path, { sheet: options.sheet });
  const mapping = mapColumns(table.source, table.header, assetFields, parseColumnMap(options.map, assetFields));
  const headingOf = new Map([...mapping.fields].map(([heading, field]) => [field, heading]));

  const issues: { path: string; message: string }[] = [];
  const parsed: { row: number; asset: z.infer<typeof importedAsset>; attributes: Record<string, string> }[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const values: Record<string, string> = {};
    for (const [heading, field] of mapping.fields) if (cells[heading] !== "" || field === "name") values[field] = cells[heading] ?? "";
    const result = importedAsset.safeParse(values);
    if (!result.success) {
      for (const i of result.error.issues) {
        const field = String(i.path[0] ?? "");
        issues.push({ path: `row ${row}, column "${headingOf.get(field) ?? field}"`, message: i.message });
      }
      continue;
    }
    if (result.data.id) {
      const first = seen.get(result.data.id);
      if (first) issues.push({ path: `row ${row}, column "${headingOf.get("id") ?? "id"}"`, message: `${result.data.id} is also on row ${first}` });
      seen.set(result.data.id, row);
    }
    const attributes: Record<string, string> = {};
    for (const heading of mapping.unmapped) if (cells[heading]) attributes[heading] = cells[heading];
    parsed.push({ row, asset: result.data, attributes });
  }
  if (issues.length) throw new InvalidInputError(table.source, issues);

  return db.transaction(async (tx) => {
    const directory = await loadPersonDirectory(tx, workspace);
    const peopleAdded: { id: string; name: string }[] = [];
    const personIds = new Set(directory.ids());
    const ownerId = async (name: string): Promise<string> => {
      const found = directory.find(name) ?? peopleAdded.find((p) => p.name.toLowerCase() === name.trim().toLowerCase())?.id;
      if (found) return found;
      const id = nextId("P", personIds);
      personIds.add(id);
      const person = { id, name: name.trim(), role: "Asset owner (added by asset import)" };
      await tx.insert(people).values({ ...person, workspaceId: workspace.id });
      peopleAdded.push({ id, name: person.name });
      return id;
    };
    const existing = new Set(
      (await tx.select({ id: assets.id }).from(assets).where(eq(assets.workspaceId, workspace.id))).map((a) => a.id),
    );
    const ids = new Set(existing);
    const added: string[] = [];
    const updated: string[] = [];
    for (const { asset, attributes } of parsed) {
      const id = asset.id ?? nextId("A", ids);
      ids.add(id);
      const row = {
        id,
        name: asset.name,
        kind: asset.kind ?? "other",
        owner: asset.owner ? await ownerId(asset.owner) : null,
        classification: asset.classification ?? null,
        location: asset.location ?? null,
        description: asset.description ?? null,
        inScope: asset.inScope,
        externalRef: asset.externalRef ?? null,
        attributes,
      };
      if (existing.has(id)) {
        await tx.update(assets).set(row).where(and(eq(assets.workspaceId, workspace.id), inArray(assets.id, [id])));
        updated.push(id);
      } else {
        await tx.insert(assets).values({ ...row, workspaceId: workspace.id });
        added.push(id);
      }
    }
    const result: AssetImportResult = { source: table.source, added, updated, peopleAdded, keptColumns: mapping.unmapped };
    await appendAuditLog(tx, { workspaceId: workspace.id, actor: options.actor, action: "assets.import", entityType: "assets", entityId: basename(path), before: null, after: result });
    return result;
  });
}
