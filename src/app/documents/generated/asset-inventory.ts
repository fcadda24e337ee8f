// Inventory of Information and Other Associated Assets (A.5.9, A.5.10, A.5.12), generated from the
// assets register: every asset grouped by kind, with its owner, classification and whether it is in scope.
import { eq } from "drizzle-orm";
import type { PdfBlock } from "../../../reports/pdf.js";
import { assets, people } from "../../../store/schema/index.js";
import { compareIds } from "../../registers.js";
import { defineGeneratedDocument } from "./types.js";

interface Asset {
  id: string;
  kind: string;
  name: string;
  owner: string | null;
  classification: string | null;
  inScope: boolean;
  description: string | null;
  location: string | null;
  /** The discovered resource's identity (an ARN), or null. */
  externalRef: string | null;
  /** Further columns an imported inventory carried, keys in order. */
  attributes: [string, string][];
}

interface AssetInventoryData {
  people: { id: string; name: string }[];
  assets: Asset[];
}

const paragraph = (text: string): PdfBlock => ({ kind: "paragraph", text });
const table = (header: string[], rows: string[][]): PdfBlock => ({ kind: "table", header, rows });
const list = (items: string[]): PdfBlock => ({ kind: "list", items });

const withoutOwner = (data: AssetInventoryData): Asset[] => data.assets.filter((a) => a.inScope && !a.owner);

/** The asset kinds in name order, each with its assets in id order. */
function byKind(data: AssetInventoryData): [string, Asset[]][] {
  const groups = new Map<string, Asset[]>();
  for (const asset of data.assets) groups.set(asset.kind, [...(groups.get(asset.kind) ?? []), asset]);
  return [...groups.entries()].sort(([a], [b]) => compareIds(a, b));
}

export const assetInventoryDocument = defineGeneratedDocument({
  id: "asset-inventory",
  title: "Inventory of Information and Other Associated Assets",
  kind: "register",
  clauses: ["4.3", "6.1.2"],
  controls: ["5.9", "5.10", "5.12"],

  async load(db, context): Promise<AssetInventoryData> {
    const workspaceId = context.workspace.id;
    const [assetRows, personRows] = await Promise.all([
      db.select().from(assets).where(eq(assets.workspaceId, workspaceId)),
      db.select({ id: people.id, name: people.name }).from(people).where(eq(people.workspaceId, workspaceId)),
    ]);
    return {
      people: personRows.sort((a, b) => compareIds(a.id, b.id)),
      assets: assetRows
        .map((a) => ({
          id: a.id,
          kind: a.kind,
          name: a.name,
          owner: a.owner,
          classification: a.classification,
          inScope: a.inScope,
          description: a.description,
          location: a.location,
          externalRef: a.externalRef,
          attributes: Object.entries(a.attributes).sort(([x], [y]) => compareIds(x, y)),
        }))
        .sort((a, b) => compareIds(a.id, b.id)),
    };
  },

  gaps(data) {
    if (data.assets.length === 0) return ["The inventory holds no asset: record the information and the assets that hold or process it (A.5.9)."];
    return withoutOwner(data).map((a) => `Asset ${a.id} (${a.name}) is in scope and has no owner (A.5.9).`);
  },

  render(data, context) {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const owner = (id: string | null): string => (id ? `${names.get(id) ?? id} (${id})` : "⚠ none");
    const groups = byKind(data);
    const inScope = data.assets.filter((a) => a.inScope).length;
    const missing = withoutOwner(data);

    const summary: PdfBlock[] = data.assets.length
      ? [
          paragraph(
            `${data.assets.length} assets are recorded, ${inScope} of them in the scope of the ISMS. ` +
              "Each has the owner accountable for it and the classification that sets how it is handled (A.5.10, A.5.12).",
          ),
          table(
            ["Kind", "Assets", "In scope", "In scope without owner"],
            groups.map(([kind, group]) => [kind, String(group.length), String(group.filter((a) => a.inScope).length), String(group.filter((a) => a.inScope && !a.owner).length)]),
          ),
        ]
      : [paragraph("No asset has been recorded yet.")];
    if (missing.length) summary.push(paragraph("⚠ In scope with no owner:"), list(missing.map((a) => `${a.name} (${a.id})`)));

    const kindSections = groups.map(([kind, group], i) => {
      const details = (a: Asset): string =>
        [a.description, a.location ? `Location: ${a.location}` : null, a.externalRef ? `Reference: ${a.externalRef}` : null, ...a.attributes.map(([k, v]) => `${k}: ${v}`)]
          .filter((part) => part)
          .join(". ");
      return {
        heading: `${i + 2}. ${kind}`,
        blocks: [
          table(
            ["Asset", "Owner", "Classification", "In scope", "Details"],
            group.map((a) => [`${a.name} (${a.id})`, owner(a.owner), a.classification ?? "not classified", a.inScope ? "yes" : "no", details(a)]),
          ),
        ],
      };
    });

    return {
      title: "Inventory of Information and Other Associated Assets",
      meta: [
        ["Organization", context.workspace.companyName],
        ["Assets", String(data.assets.length)],
        ["ISO/IEC 27001:2022", "4.3, 6.1.2; A.5.9, A.5.10, A.5.12"],
      ],
      sections: [{ heading: "1. Summary", blocks: summary }, ...kindSections],
    };
  },
});
