// From populations to the auditor's request list: draw each kind with its rule and size, and turn each
// drawn item into a request that is "provided" when the data already answers it, else "open".
import { drawSample } from "./draw.js";
import { sampleKindSpec, sampleKinds, type KindSummary, type Population, type RequestDraft, type SampleCandidate, type SampleSizes } from "./model.js";

export interface SamplePlan {
  kinds: KindSummary[];
  /** In the order of the kinds (users, days, restores, joiners, leavers), each kind's items oldest first. */
  requests: RequestDraft[];
}

function requestFor(population: Population, candidate: Omit<SampleCandidate, "key" | "on">): RequestDraft {
  const spec = sampleKindSpec(population.kind);
  return {
    topic: spec.topic,
    question: spec.question,
    item: candidate.item,
    controlIds: [...spec.controlIds],
    status: candidate.answered ? "provided" : "open",
    evidenceIds: [...candidate.evidenceIds],
    records: candidate.records.map((r) => ({ ...r })),
    note: candidate.note,
  };
}

/**
 * Draws every kind whose size is above 0. A population no larger than its size is taken whole; an empty
 * one gives one request for the population itself (the auditor then asks for the list), so nothing the
 * auditor would ask for goes unasked.
 */
export function planAuditSample(populations: readonly Population[], sizes: SampleSizes, seed: string): SamplePlan {
  const kinds: KindSummary[] = [];
  const requests: RequestDraft[] = [];
  for (const kind of sampleKinds) {
    const asked = sizes[kind];
    const population = populations.find((p) => p.kind === kind);
    if (asked === 0 || !population) continue;
    const spec = sampleKindSpec(kind);
    const draw = drawSample(population.candidates, asked, { seed, stream: kind, rule: spec.rule });
    kinds.push({ kind, title: spec.title, asked, population: draw.population, drawn: draw.drawn.length, whole: draw.whole, from: population.from });
    if (draw.population === 0) requests.push(requestFor(population, population.whenEmpty));
    else requests.push(...draw.drawn.map((candidate) => requestFor(population, candidate)));
  }
  return { kinds, requests };
}

/** "25 of 140 IAM users", "3 of 3 joiners: the whole population", "no backup restore tests to draw from". */
export function describeKind(k: KindSummary): string {
  if (k.population === 0) return `no ${k.title} to draw from (${k.from}); asked for the population instead`;
  const rule = sampleKindSpec(k.kind).rule === "latest" && !k.whole ? "the latest " : "";
  return `${rule}${k.drawn} of ${k.population} ${k.title}${k.whole ? `: the whole population (${k.asked} asked)` : ""}, from ${k.from}`;
}
