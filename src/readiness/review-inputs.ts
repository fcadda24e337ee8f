// Which 9.3.2 inputs a management review record covers, read from its `inputs` object: keys name the
// inputs by letter ("a" … "g", also written "c)" or "9.3.2 c)"), values say what was considered.
/** The 9.3.2 input a key of `management_reviews.inputs` names: "c", "c)", "9.3.2 c)" → "9.3.2 c)". */
export function reviewInputRef(key: string): string | null {
  const letter = /^(?:9\.3\.2\s*)?([a-g])\)?$/i.exec(key.trim())?.[1];
  return letter ? `9.3.2 ${letter.toLowerCase()})` : null;
}

function isRecorded(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** The 9.3.2 inputs a review's `inputs` record: its keys are the inputs' letters, its values what was considered. */
export function coveredReviewInputs(inputs: Readonly<Record<string, unknown>>): string[] {
  const refs = Object.entries(inputs)
    .filter(([, value]) => isRecorded(value))
    .map(([key]) => reviewInputRef(key))
    .filter((ref) => ref !== null);
  return [...new Set(refs)].sort();
}
