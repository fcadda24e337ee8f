// Page slicing for list operations: opaque tokens that encode the next offset, as AWS's are opaque.
import { SimError } from "./service.js";

export interface Page<T> {
  items: T[];
  /** The token for the next page, or undefined on the last page. */
  next: string | undefined;
}

export function encodeToken(offset: number): string {
  return Buffer.from(`sim:${offset}`).toString("base64");
}

function decodeToken(token: string, invalidCode: string): number {
  const match = /^sim:(\d+)$/.exec(Buffer.from(token, "base64").toString("utf8"));
  if (!match?.[1]) throw new SimError(invalidCode, `Invalid pagination token: ${token}`, 400);
  return Number(match[1]);
}

/** Slices `items` from the offset in `token`; `limit` falls back to `pageSize` and is capped at `maxSize`. */
export function paginate<T>(
  items: readonly T[],
  token: unknown,
  limit: unknown,
  pageSize: number,
  options: { maxSize?: number; invalidCode?: string } = {},
): Page<T> {
  const offset = typeof token === "string" && token !== "" ? decodeToken(token, options.invalidCode ?? "InvalidNextTokenException") : 0;
  const asked = typeof limit === "number" ? limit : typeof limit === "string" && limit !== "" ? Number(limit) : pageSize;
  const size = Math.max(1, Math.min(asked, options.maxSize ?? Number.MAX_SAFE_INTEGER));
  const slice = items.slice(offset, offset + size);
  return { items: slice, next: offset + size < items.length ? encodeToken(offset + size) : undefined };
}

/** A JSON list page: the token and limit fields are named as the API names them (NextToken/MaxResults, nextToken/limit…). */
export function jsonPage<T>(
  params: Record<string, unknown>,
  items: readonly T[],
  fields: { token?: string; limit?: string; size: number; max?: number; invalidCode?: string },
): Page<T> {
  return paginate(items, params[fields.token ?? "NextToken"], params[fields.limit ?? "MaxResults"], fields.size, {
    maxSize: fields.max ?? fields.size,
    invalidCode: fields.invalidCode ?? "InvalidNextTokenException",
  });
}
