// Small pieces of the review inputs' sentences: counts with their noun, and short lists of ids.

/** "1 issue", "3 issues", "no issue"; `plural` for nouns that do not just take an s. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  if (n === 0) return `no ${singular}`;
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Up to `max` ids joined with commas, then "and N more". */
export function idList(ids: readonly string[], max = 5): string {
  const shown = ids.slice(0, max).join(", ");
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

/** " (A, B)" after a count, or nothing when there are no ids. */
export function withIds(ids: readonly string[], max = 5): string {
  return ids.length ? ` (${idList(ids, max)})` : "";
}
