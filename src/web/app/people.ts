// Names for person ids (P-002 → "Head of Security"). The API has no people route yet, so the names are
// those the SoA gives its control owners; an id with no known name is shown as the id.
import { useMemo } from "react";
import { fetchSoa } from "../api/endpoints.js";
import { useResource } from "./use-resource.js";

export interface People {
  /** "Head of Security (P-002)", or the id alone. */
  nameOf: (id: string | null) => string;
  /** Every person known, by name. */
  list: { id: string; name: string }[];
}

export function usePeople(workspace: string): People {
  const soa = useResource(`people ${workspace}`, () => fetchSoa(workspace));
  return useMemo(() => {
    const names = new Map<string, string>();
    if (soa.loaded.state === "ready") for (const row of soa.loaded.value.controls) if (row.owner && row.ownerName) names.set(row.owner, row.ownerName);
    return {
      nameOf: (id) => (id === null ? "" : names.has(id) ? `${names.get(id)} (${id})` : id),
      list: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }, [soa.loaded]);
}
