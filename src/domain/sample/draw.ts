// Drawing without replacement, reproducibly: each item gets a number from the seeded generator of the
// surveillance plan, seeded by the seed, the kind and the item's own key, and the lowest numbers are drawn.
//
// Keying the number to the item rather than to its position makes the draw independent of the order the
// data comes in, and adding an item to the population displaces at most one drawn item (only if its own
// number is lower). Every subset of the size is equally likely, as with a shuffle.
import { compareIds } from "../calendar/item.js";
import { hashSeed, mulberry32 } from "../cycle/sampling.js";

export interface Drawable {
  /** Unique within the population; the draw is keyed to it. */
  key: string;
  /** When the item happened (YYYY-MM-DD), for the "latest" rule and the order of the result. */
  on?: string | undefined;
}

export interface DrawOptions {
  seed: string;
  /** Separates the kinds' draws, so the same keys in two populations are drawn independently. */
  stream: string;
  /** random: by the seed; latest: the most recent `size` items, whatever the seed. */
  rule: "random" | "latest";
}

export interface Draw<T> {
  /** The drawn items, oldest first, then by key. */
  drawn: T[];
  /** How many distinct items there were to draw from. */
  population: number;
  /** Whether the population was no larger than the size, so all of it was taken. */
  whole: boolean;
}

/** The item's number in [0, 1) for this seed and stream. */
export function drawNumber(seed: string, stream: string, key: string): number {
  return mulberry32(hashSeed(`${seed}\u0000${stream}\u0000${key}`))();
}

const byTimeThenKey = (a: Drawable, b: Drawable) => (a.on ?? "").localeCompare(b.on ?? "") || compareIds(a.key, b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Draws `size` items (all of them when there are fewer); an item whose key repeats counts once (the last one given). */
export function drawSample<T extends Drawable>(population: readonly T[], size: number, options: DrawOptions): Draw<T> {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`a sample size is a whole number of at least 0, not ${size}`);
  const distinct = [...new Map(population.map((item) => [item.key, item])).values()];
  const whole = distinct.length <= size;
  let chosen: T[];
  if (whole) chosen = distinct;
  else if (options.rule === "latest") chosen = [...distinct].sort(byTimeThenKey).slice(-size);
  else {
    chosen = distinct
      .map((item) => ({ item, n: drawNumber(options.seed, options.stream, item.key) }))
      .sort((a, b) => a.n - b.n || byTimeThenKey(a.item, b.item))
      .slice(0, size)
      .map(({ item }) => item);
  }
  return { drawn: [...chosen].sort(byTimeThenKey), population: distinct.length, whole };
}
