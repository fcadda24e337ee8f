// The people a supplier's owner is chosen from and named by (P-002 → "Priya Patel (P-002)"), from the
// people register; when it cannot be read, owners are shown by their ids.
import { useMemo } from "react";
import { fetchPeople } from "../../api/endpoints.js";
import { useResource } from "../../app/use-resource.js";

export interface Person {
  id: string;
  name: string;
}

export interface SupplierPeople {
  list: Person[];
  nameOf: (id: string | null) => string;
}

export function useSupplierPeople(workspace: string): SupplierPeople {
  const people = useResource(`supplier people ${workspace}`, () => fetchPeople(workspace, 30));
  return useMemo(() => {
    const list = people.loaded.state === "ready" ? people.loaded.value.people.map((p) => ({ id: p.id, name: p.name })) : [];
    const names = new Map(list.map((p) => [p.id, p.name]));
    return { list, nameOf: (id) => (id === null ? "" : names.has(id) ? `${names.get(id)} (${id})` : id) };
  }, [people.loaded]);
}
