// Counts in words: "1 control", "93 controls", "12 of 55 risks".

/** "1 risk", "2 risks"; `of` when the list is filtered: "2 of 55 risks". */
export function counted(shown: number, noun: string, of?: number): string {
  const total = of ?? shown;
  const word = total === 1 ? noun : `${noun}s`;
  return of === undefined || of === shown ? `${shown} ${word}` : `${shown} of ${of} ${word}`;
}
