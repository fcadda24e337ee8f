// Reading ec2Query requests: numbered list fields ("VpcId.1", "Filter.1.Value.2"), filters over a
// resource's filterable attributes, and EC2's MaxResults/NextToken pages.
import { paginate } from "../../paginate.js";
import type { Page } from "../../paginate.js";
import { SimError } from "../../service.js";

type Params = Record<string, unknown>;

/** The values of a numbered list field: "VpcId.1", "VpcId.2", … in order. */
export function listParam(params: Params, name: string): string[] {
  const values: [number, string][] = [];
  for (const [key, value] of Object.entries(params)) {
    const index = new RegExp(`^${name}\\.(\\d+)$`).exec(key)?.[1];
    if (index && typeof value === "string") values.push([Number(index), value]);
  }
  return values.sort(([a], [b]) => a - b).map(([, v]) => v);
}

export interface Filter {
  name: string;
  values: string[];
}

export function filtersOf(params: Params): Filter[] {
  const filters: Filter[] = [];
  for (const [key, value] of Object.entries(params)) {
    const index = /^Filter\.(\d+)\.Name$/.exec(key)?.[1];
    if (index && typeof value === "string") filters.push({ name: value, values: listParam(params, `Filter\\.${index}\\.Value`) });
  }
  return filters;
}

/** Keeps the items every filter matches; `attributes` names each filterable attribute's values for an item. */
export function applyFilters<T>(items: readonly T[], params: Params, attributes: (item: T) => Record<string, string[]>): T[] {
  const filters = filtersOf(params);
  return items.filter((item) => {
    const known = attributes(item);
    return filters.every((f) => {
      const values = known[f.name];
      if (!values) throw new SimError("InvalidParameterValue", `The filter '${f.name}' is invalid (the simulator filters on ${Object.keys(known).join(", ")})`, 400);
      return f.values.some((wanted) => values.includes(wanted));
    });
  });
}

/** EC2's paging: everything in one page without MaxResults; MaxResults between `min` and 1000. */
export function ec2Page<T>(items: readonly T[], params: Params, min = 5): Page<T> {
  const max = params.MaxResults;
  if (typeof max === "string" && (Number(max) < min || Number(max) > 1000))
    throw new SimError("InvalidParameterValue", `Value ( ${max} ) for parameter maxResults is invalid. Parameter must be between ${min} and 1000.`, 400);
  return paginate(items, params.NextToken, max, Math.max(items.length, 1), { maxSize: 1000, invalidCode: "InvalidPaginationToken" });
}

/** Keeps the items whose id is among the ids asked (all when none asked); an unknown id is EC2's `<Resource>.NotFound`. */
export function byIds<T extends { id: string }>(items: readonly T[], ids: readonly string[], notFoundCode: string, what: string): T[] {
  if (ids.length === 0) return [...items];
  for (const id of ids) if (!items.some((i) => i.id === id)) throw new SimError(notFoundCode, `The ${what} '${id}' does not exist`, 400);
  return items.filter((i) => ids.includes(i.id));
}
