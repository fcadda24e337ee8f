// Changes to a register since the last management review, read from its audit-log entries: each
// entry's net change over the period (added then edited is added; added then removed is nothing).
import type { RegisterChange } from "./data.js";

export interface NetChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The net change of each entry over `changes` (in the order they happened). */
export function netChanges(changes: readonly RegisterChange[]): NetChanges {
  const first = new Map<string, RegisterChange["action"]>();
  const last = new Map<string, RegisterChange["action"]>();
  for (const change of changes) {
    if (!first.has(change.entityId)) first.set(change.entityId, change.action);
    last.set(change.entityId, change.action);
  }
  const net: NetChanges = { added: [], changed: [], removed: [] };
  for (const [id, firstAction] of first) {
    const lastAction = last.get(id);
    if (firstAction === "add") {
      if (lastAction !== "remove") net.added.push(id);
    } else if (lastAction === "remove") net.removed.push(id);
    else net.changed.push(id);
  }
  for (const list of [net.added, net.changed, net.removed]) list.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return net;
}
