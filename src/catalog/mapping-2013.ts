// The ISO/IEC 27001:2013 Annex A controls (114) and how they map to the 2022 controls, per
// ISO/IEC 27002:2022 Annex B, parsed once from data/mapping-2013-2022.json. Used to migrate 2013 SoAs.
import { z } from "zod";
import { compareControlIds, controlIdSchema, getControl } from "./annex-a.js";
import type { AnnexAControl } from "./annex-a.js";
import { CatalogLookupError } from "./errors.js";
import mappingData from "./data/mapping-2013-2022.json" with { type: "json" };

/** A 2013 control id: clause, objective and control number ("12.4.1"), without the "A." prefix. */
export const control2013IdSchema = z.string().regex(/^(?:[5-9]|1[0-8])\.\d\.\d{1,2}$/, "a 2013 control id looks like 12.4.1");

export const control2013Schema = z.object({ id: control2013IdSchema, title: z.string().min(1) }).readonly();
export type Control2013 = z.infer<typeof control2013Schema>;

const mappingFileSchema = z.object({
  controls2013: z.array(control2013Schema),
  mapping2022To2013: z.record(controlIdSchema, z.array(control2013IdSchema)),
});

const parsed = mappingFileSchema.parse(mappingData);

/** The 114 controls of ISO/IEC 27001:2013 Annex A, in the standard's order (A.5.1.1 to A.18.2.3). */
export const controls2013: readonly Control2013[] = Object.freeze(
  parsed.controls2013.slice().sort((a, b) => compareControlIds(a.id, b.id)),
);

const controls2013ById: ReadonlyMap<string, Control2013> = new Map(controls2013.map((c) => [c.id, c]));

function predecessorsOf(id2022: string): readonly Control2013[] {
  return (parsed.mapping2022To2013[id2022] ?? []).map((id) => get2013Control(id));
}

function successorsOf(id2013: string): readonly AnnexAControl[] {
  return Object.entries(parsed.mapping2022To2013)
    .filter(([, ids2013]) => ids2013.includes(id2013))
    .map(([id2022]) => getControl(id2022))
    .sort((a, b) => compareControlIds(a.id, b.id));
}

// "12.4.1", "A.12.4.1", "a 12.4.1".
const control2013IdQuery = /^(?:a\s*\.?\s*)?(\d{1,2}\.\d{1,2}\.\d{1,2})$/i;

/** The 2013 control with this id ("12.4.1" or "A.12.4.1"), or undefined. */
export function find2013Control(id2013: string): Control2013 | undefined {
  const match = control2013IdQuery.exec(id2013.trim());
  return match?.[1] === undefined ? undefined : controls2013ById.get(match[1]);
}

/** Like `find2013Control`, but throws a CatalogLookupError naming the id when there is no such control. */
export function get2013Control(id2013: string): Control2013 {
  const control = find2013Control(id2013);
  if (!control) {
    throw new CatalogLookupError({
      entity: "ISO/IEC 27001:2013 Annex A control",
      query: id2013,
      listCommand: "isms catalog controls --edition 2013",
    });
  }
  return control;
}

/** The 2022 controls that replace a 2013 control; "18.2.3" gives two (5.36 and 8.8). Throws for an unknown id. */
export function mapFrom2013(id2013: string): readonly AnnexAControl[] {
  return successorsOf(get2013Control(id2013).id);
}

/** The 2013 controls a 2022 control replaces; empty for the 11 controls new in 2022. Throws for an unknown id. */
export function mapTo2013(id2022: string): readonly Control2013[] {
  return predecessorsOf(getControl(id2022).id);
}

/** The 2022 controls that merge more than one 2013 control (24 of them, 5.1 to 8.32), with what they merge. */
export const mergedControls2022: readonly { readonly control: AnnexAControl; readonly merges: readonly Control2013[] }[] =
  Object.keys(parsed.mapping2022To2013)
    .map((id2022) => ({ control: getControl(id2022), merges: predecessorsOf(id2022) }))
    .filter((entry) => entry.merges.length > 1)
    .sort((a, b) => compareControlIds(a.control.id, b.control.id));
