// Names for the person ids a review holds (attendees, chair, action owners): "Tess Top (P-001)"; a name
// recorded as written (an outside adviser) stays as it is.
import type { Person } from "../../api/register-schemas.js";

export function namesOf(people: readonly Person[]): (idOrName: string | null) => string {
  const byId = new Map(people.map((p) => [p.id, p.name]));
  return (idOrName) => {
    if (idOrName === null) return "—";
    const name = byId.get(idOrName);
    return name ? `${name} (${idOrName})` : idOrName;
  };
}
