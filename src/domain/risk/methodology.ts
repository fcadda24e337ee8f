// The risk assessment methodology as data (ISO/IEC 27001:2022 6.1.2 a–b): scales, scoring, bands and
// acceptance criteria, validated so that a methodology which cannot score every risk is refused.
import { z } from "zod";
import { InvalidInputError } from "../errors.js";

/** The four answers to a risk (6.1.3 a): reduce it, retain it, share it, or stop what causes it. */
export const riskDecisions = ["treat", "tolerate", "transfer", "terminate"] as const;
export const riskDecisionSchema = z.enum(riskDecisions);
export type RiskDecision = z.infer<typeof riskDecisionSchema>;

/** How risks are found: from assets, from threats, from scenarios, or a mix. */
export const identificationApproaches = ["asset", "threat", "scenario", "hybrid"] as const;

// Fewer than 3 levels cannot tell risks apart; more than 10 invites false precision.
export const minScaleLevels = 3;
export const maxScaleLevels = 10;

type Context = z.RefinementCtx;

function issue(ctx: Context, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

const slugId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, "use lowercase letters, digits, '-' and '_', starting with a letter (e.g. legal)");

export const scaleLevelSchema = z.object({
  value: z.number().int("a level's value is a whole number"),
  label: z.string().trim().min(1, "give the level a label (e.g. Rare)"),
  description: z.string().trim().min(1, "describe the level so two assessors would pick the same one"),
});
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;

/** A scale's levels: 3 to 10 of them, valued exactly 1, 2, ... n in order, labels distinct. */
const scaleLevels = z.array(scaleLevelSchema).superRefine((levels, ctx) => {
  const n = levels.length;
  if (n < minScaleLevels || n > maxScaleLevels) {
    const fix = n < minScaleLevels ? "add levels" : "merge levels";
    issue(ctx, [], `a scale has ${minScaleLevels} to ${maxScaleLevels} levels, this one has ${n}; ${fix}`);
  }
  levels.forEach((level, index) => {
    if (level.value !== index + 1) {
      const fix = `number the levels 1 to ${n} from lowest to highest`;
      issue(ctx, [index, "value"], `level ${index + 1} has value ${level.value}; ${fix}`);
    }
  });
  const seen = new Set<string>();
  levels.forEach((level, index) => {
    const key = level.label.toLowerCase();
    if (seen.has(key)) issue(ctx, [index, "label"], `the label '${level.label}' is used twice; give each level its own`);
    seen.add(key);
  });
});

export const impactCriterionSchema = z.object({
  id: slugId,
  label: z.string().trim().min(1, "give the criterion a label (e.g. Financial)"),
  description: z.string().trim().min(1).nullish(),
});
export type ImpactCriterion = z.infer<typeof impactCriterionSchema>;

export const scoringSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("product") }),
  z.object({
    method: z.literal("matrix"),
    /** matrix[likelihood - 1][impact - 1] is the score. */
    matrix: z.array(z.array(z.number().int("a score is a whole number").min(1, "a score is at least 1"))),
  }),
]);
export type Scoring = z.infer<typeof scoringSchema>;

export const riskBandSchema = z.object({
  id: slugId,
  label: z.string().trim().min(1, "give the band a label (e.g. High)"),
  min: z.number().int().min(1, "scores start at 1"),
  max: z.number().int(),
  decision: riskDecisionSchema,
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "write the colour as #rrggbb (e.g. #c62828)"),
  description: z.string().trim().min(1).nullish(),
});
export type RiskBand = z.infer<typeof riskBandSchema>;

const methodologyShape = z.object({
  identification: z.enum(identificationApproaches),
  identificationNotes: z.string().trim().min(1).nullish(),
  likelihood: z.object({ levels: scaleLevels }),
  impact: z.object({
    levels: scaleLevels,
    /** Empty: impact is rated on one scale. Otherwise each criterion is rated and the impact is the highest. */
    criteria: z.array(impactCriterionSchema),
  }),
  scoring: scoringSchema,
  bands: z.array(riskBandSchema).min(1, "define at least one band"),
  acceptance: z.object({
    /** A score at or below it is acceptable without treatment. */
    threshold: z.number().int("the threshold is a whole score").min(0, "the threshold is a score, 0 or more"),
    criteria: z.string().trim().min(1, "state the criteria for accepting risk in words (6.1.2 a 1)"),
  }),
  reviewFrequencyMonths: z
    .number()
    .int("give whole months")
    .min(1, "review at least every 1 month: give 1 or more")
    .max(36, "review at least every 36 months (certification cycles are three years)"),
});

type MethodologyShape = z.infer<typeof methodologyShape>;


function isWellFormedScale(levels: readonly ScaleLevel[]): boolean {
  return (
    levels.length >= minScaleLevels && levels.length <= maxScaleLevels && levels.every((level, index) => level.value === index + 1)
  );
}

/** The highest score the scoring can give: likelihood levels × impact levels, or the matrix's largest cell. */
export function maxScore(methodology: Pick<MethodologyShape, "likelihood" | "impact" | "scoring">): number {
  if (methodology.scoring.method === "product") {
    return methodology.likelihood.levels.length * methodology.impact.levels.length;
  }
  return Math.max(0, ...methodology.scoring.matrix.flat());
}

function checkCriteria(m: MethodologyShape, ctx: Context): void {
  const seen = new Set<string>();
  m.impact.criteria.forEach((criterion, index) => {
    if (seen.has(criterion.id)) {
      issue(ctx, ["impact", "criteria", index, "id"], `the criterion id '${criterion.id}' is used twice; ids must be unique`);
    }
    seen.add(criterion.id);
  });
}

/** The matrix has one row per likelihood level, one column per impact level, and never falls as either rises. */
function checkMatrix(m: MethodologyShape, ctx: Context): boolean {
  if (m.scoring.method !== "matrix") return true;
  const matrix = m.scoring.matrix;
  const rows = m.likelihood.levels.length;
  const columns = m.impact.levels.length;
  let ok = true;
  if (matrix.length !== rows) {
    const fix = "give one row per likelihood level, lowest first";
    issue(ctx, ["scoring", "matrix"], `the matrix has ${matrix.length} rows but there are ${rows} likelihood levels; ${fix}`);
    ok = false;
  }
  matrix.forEach((row, l) => {
    if (row.length !== columns) {
      const fix = "give one score per impact level, lowest first";
      issue(ctx, ["scoring", "matrix", l], `row ${l + 1} has ${row.length} scores but there are ${columns} impact levels; ${fix}`);
      ok = false;
    }
  });
  if (!ok) return false;
  matrix.forEach((row, l) => {
    row.forEach((score, i) => {
      const left = row[i - 1];
      const below = matrix[l - 1]?.[i];
      const path = ["scoring", "matrix", l, i];
      if (left !== undefined && score < left) {
        issue(ctx, path, `${score} is lower than ${left} to its left; a higher impact must not lower the score`);
      }
      if (below !== undefined && score < below) {
        issue(ctx, path, `${score} is lower than ${below} in the row before; a higher likelihood must not lower the score`);
      }
    });
  });
  return true;
}

const range = (min: number, max: number): string => (min === max ? `${min}` : `${min}–${max}`);
const span = (band: RiskBand): string => `'${band.id}' (${range(band.min, band.max)})`;

/** Bands are listed lowest first and cover 1..maxScore with no gap and no overlap. */
function checkBands(m: MethodologyShape, top: number, ctx: Context): void {
  const bands = m.bands;
  const seen = new Set<string>();
  bands.forEach((band, index) => {
    if (seen.has(band.id)) issue(ctx, ["bands", index, "id"], `the band id '${band.id}' is used twice; ids must be unique`);
    seen.add(band.id);
    if (band.max < band.min) {
      const fix = `set max to ${band.min} or more`;
      issue(ctx, ["bands", index, "max"], `band '${band.id}' ends (${band.max}) before it starts (${band.min}); ${fix}`);
    }
  });
  const outOfOrder = bands.findIndex((band, index) => index > 0 && band.min < (bands[index - 1]?.min ?? 0));
  if (outOfOrder > 0) {
    issue(ctx, ["bands", outOfOrder], "list the bands from the lowest scores to the highest");
    return;
  }
  let expected = 1;
  bands.forEach((band, index) => {
    const previous = bands[index - 1];
    if (band.min > expected) {
      const fix = previous ? `extend band '${previous.id}' to ${band.min - 1} or add one` : `start band '${band.id}' at 1 or add one`;
      issue(ctx, ["bands"], `${range(expected, band.min - 1)} is not covered; ${fix}`);
    } else if (band.min < expected && previous) {
      issue(ctx, ["bands", index, "min"], `band ${span(band)} overlaps ${span(previous)}; start it at ${expected}`);
    }
    expected = Math.max(expected, band.max + 1);
  });
  const last = bands[bands.length - 1];
  if (!last) return;
  if (expected <= top) {
    issue(ctx, ["bands"], `${range(expected, top)} is not covered; extend band '${last.id}' to ${top} or add one`);
  } else if (last.max > top) {
    const what = `band '${last.id}' ends at ${last.max} but the highest possible score is ${top}`;
    issue(ctx, ["bands", bands.length - 1, "max"], `${what}; end it at ${top}`);
  }
}

/** The threshold sits on a band's upper edge (or is 0), so a band is wholly acceptable or wholly not. */
function checkThreshold(m: MethodologyShape, top: number, ctx: Context): void {
  const threshold = m.acceptance.threshold;
  const path = ["acceptance", "threshold"];
  if (threshold >= top) {
    issue(ctx, path, `a threshold of ${threshold} accepts every risk (the highest score is ${top}); set it below ${top}`);
    return;
  }
  if (threshold === 0) return;
  const band = m.bands.find((b) => b.min <= threshold && threshold <= b.max);
  if (band && band.max !== threshold) {
    const edges = m.bands.map((b) => b.max).filter((edge) => edge < top);
    const fix = `set it to a band's upper edge (${edges.join(", ")}) so that each band is either acceptable or not`;
    issue(ctx, path, `${threshold} falls inside band ${span(band)}; ${fix}`);
  }
}

/** A methodology body as stored per workspace and version (the store keeps the version and approval). */
export const methodologySchema = methodologyShape.superRefine((m, ctx) => {
  checkCriteria(m, ctx);
  // Scores, bands and the threshold depend on the scales; judging them against a broken scale misleads.
  if (!isWellFormedScale(m.likelihood.levels) || !isWellFormedScale(m.impact.levels)) return;
  if (!checkMatrix(m, ctx)) return;
  const top = maxScore(m);
  checkBands(m, top, ctx);
  checkThreshold(m, top, ctx);
});
export type Methodology = z.infer<typeof methodologySchema>;

/** "bands[2].max" from ["bands", 2, "max"]. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return out === "" ? name : `${out}.${name}`;
  }, "");
}

/** Parses a methodology, or throws an InvalidInputError listing every problem with its path and fix. */
export function parseMethodology(input: unknown, source = "risk methodology"): Methodology {
  const result = methodologySchema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(
    source,
    result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  );
}
