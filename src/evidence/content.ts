// Turns what a collector or an upload hands over into evidence bytes: JSON made plain (dates as ISO
// strings, binary as base64) and serialized canonically, so identical content gives identical bytes.
export { canonicalJson } from "../domain/canonical-json.js";
import { IsmsError } from "../domain/errors.js";
import type { JsonValue } from "../store/schema/json.js";

/**
 * A plain JSON value from an API result: Dates become ISO strings, bytes base64, bigints decimal
 * strings; undefined members are dropped and non-finite numbers become null, as JSON.stringify does.
 */
export function toJsonValue(value: unknown, path = ""): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((item: unknown, index) => (item === undefined ? null : toJsonValue(item, `${path}[${index}]`)));
  if (typeof value === "object") {
    const result: { [key: string]: JsonValue } = {};
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) result[key] = toJsonValue(child, path ? `${path}.${key}` : key);
    }
    return result;
  }
  throw new IsmsError(`Evidence content at ${path || "the top"} is a ${typeof value}, which JSON cannot hold`, "Pass plain data: objects, arrays, strings, numbers, booleans, dates");
}
