// Reading a trail's event selectors (GetEventSelectors), classic or advanced, for which management
// events it records: read (ReadOnly), write, or both.
import { z } from "zod";
import { readPages } from "../snapshot.js";
import type { Snapshot } from "../snapshot.js";

const classic = z.object({ ReadWriteType: z.string().optional(), IncludeManagementEvents: z.boolean().optional() });
const fieldSelector = z.object({ Field: z.string(), Equals: z.array(z.string()).optional(), NotEquals: z.array(z.string()).optional() });
const selectorsPage = z.object({
  EventSelectors: z.array(classic).optional(),
  AdvancedEventSelectors: z.array(z.object({ FieldSelectors: z.array(fieldSelector).default([]) })).optional(),
});

type Coverage = { read: boolean; write: boolean };

/** What one advanced selector records of management events: none unless eventCategory equals Management; readOnly narrows it. */
function advancedCoverage(fields: readonly z.infer<typeof fieldSelector>[]): Coverage {
  const category = fields.find((f) => f.Field === "eventCategory");
  if (!category?.Equals?.includes("Management")) return { read: false, write: false };
  const readOnly = fields.find((f) => f.Field === "readOnly");
  const only = readOnly?.Equals ?? (readOnly?.NotEquals?.length === 1 ? readOnly.NotEquals.map((v) => (v === "true" ? "false" : "true")) : undefined);
  if (!only) return { read: true, write: true };
  return { read: only.includes("true"), write: only.includes("false") };
}

/** Whether the trail's selectors, taken together, record read and write management events. */
export function managementEventCoverage(snapshot: Snapshot): Coverage {
  const coverage: Coverage = { read: false, write: false };
  const add = (c: Coverage): void => {
    coverage.read ||= c.read;
    coverage.write ||= c.write;
  };
  for (const page of readPages(snapshot, selectorsPage)) {
    for (const s of page.EventSelectors ?? []) {
      if (s.IncludeManagementEvents === false) continue;
      const type = s.ReadWriteType ?? "All";
      add({ read: type === "All" || type === "ReadOnly", write: type === "All" || type === "WriteOnly" });
    }
    for (const s of page.AdvancedEventSelectors ?? []) add(advancedCoverage(s.FieldSelectors));
  }
  return coverage;
}
