// Reading a stored review's inputs and decisions for people: prepared inputs by their 9.3.2
// reference and summary, anything else (a record written by hand) by its own labels.
import { z } from "zod";
import type { JsonObject, JsonValue } from "../../store/schema/json.js";

export interface InputLine {
  /** "9.3.2 a) Status of actions from previous management reviews", or a hand-written record's key. */
  label: string;
  text: string;
  /** The numbered trends under 9.3.2 d). */
  items: { label: string; text: string }[];
}

const preparedInput = z.object({ ref: z.string(), title: z.string(), summary: z.string() });
const preparedPerformance = preparedInput.extend({ items: z.record(z.string(), preparedInput) });

const byKey = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

/** An object's entries in a stable order (the database does not keep the order they were written in). */
export const sortedEntries = (object: JsonObject): [string, JsonValue][] => Object.entries(object).sort(([a], [b]) => byKey(a, b));

/** A JSON value on one line: lists joined with "; ", nested objects as "key: value" pairs. */
export function valueText(value: JsonValue): string {
  if (value === null) return "—";
  if (Array.isArray(value)) return value.map(valueText).join("; ");
  if (typeof value === "object") return sortedEntries(value).map(([key, v]) => `${key}: ${valueText(v)}`).join("; ");
  return String(value);
}

/** The inputs a review considered, one line each, in the order of 9.3.2; `prepared` (how they were made) is left out. */
export function reviewInputLines(inputs: JsonObject): InputLine[] {
  return sortedEntries(inputs)
    .filter(([key]) => key !== "prepared")
    .map(([key, value]) => {
      const performance = preparedPerformance.safeParse(value);
      if (performance.success) {
        const items = Object.entries(performance.data.items)
          .sort(([a], [b]) => byKey(a, b))
          .map(([, item]) => ({ label: `${item.ref} ${item.title}`, text: item.summary }));
        return { label: `${performance.data.ref} ${performance.data.title}`, text: items.length ? "" : performance.data.summary, items };
      }
      const prepared = preparedInput.safeParse(value);
      if (prepared.success) return { label: `${prepared.data.ref} ${prepared.data.title}`, text: prepared.data.summary, items: [] };
      return { label: key, text: valueText(value), items: [] };
    });
}

/** The decisions of a review: numbered ones ("1", "2", as `isms review hold` records them) as a list, others by label. */
export function reviewDecisionLines(decisions: JsonObject): string[] {
  return sortedEntries(decisions).map(([key, value]) => (/^\d+$/.test(key) ? valueText(value) : `${key}: ${valueText(value)}`));
}

const preparedMeta = z.object({ on: z.string(), since: z.string().nullable(), previousReview: z.string().nullable(), chair: z.string().nullable() });

/** How a review's inputs were prepared, when `isms review prepare` prepared them. */
export function preparationOf(inputs: JsonObject): z.infer<typeof preparedMeta> | null {
  const parsed = preparedMeta.safeParse(inputs.prepared);
  return parsed.success ? parsed.data : null;
}
