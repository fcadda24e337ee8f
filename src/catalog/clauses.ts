// ISO/IEC 27001:2022 clauses 4 to 10, the documented information they make mandatory and the
// management review inputs of 9.3.2, parsed once from data/clauses-2022.json.
import { z } from "zod";
import { compareControlIds } from "./annex-a.js";
import { CatalogLookupError } from "./errors.js";
import clausesData from "./data/clauses-2022.json" with { type: "json" };

/** A clause id as the standard numbers it: "4", "6.1", "9.2.2". */
export const clauseIdSchema = z.string().regex(/^(?:[4-9]|10)(?:\.\d{1,2}){0,2}$/, "a clause id looks like 4.3 or 9.2.2");

export const clauseSchema = z
  .object({
    id: clauseIdSchema,
    title: z.string().min(1),
    /** 1 for a main clause ("6"), 2 for "6.1", 3 for "6.1.2". */
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** Whether the clause itself asks for documented information; null for a heading with sub-clauses. */
    requiresDocumentedInformation: z.boolean().nullable(),
    /** True for a clause with no counterpart in ISO/IEC 27001:2013 (6.3). */
    newIn2022: z.boolean(),
    /** One sentence in OpenISMS's words saying what the clause asks for; not the standard's text. */
    summary: z.string().min(1),
  })
  .readonly();
export type Clause = z.infer<typeof clauseSchema>;

export const mandatoryDocumentedInformationSchema = z
  .object({
    /** Where the standard asks for it, down to the list item: "6.1.3 d)". */
    ref: z.string().min(1),
    clause: clauseIdSchema,
    /** The level-2 clause it falls under (9.2.2 → 9.2); the same as `clause` for a level-2 clause. */
    parentClause: clauseIdSchema,
    /** Short name for a document register: "Statement of Applicability". */
    name: z.string().min(1),
    description: z.string().min(1),
    /** False for items commonly listed as mandatory but not worded as documented information (6.1.3 e), 7.5.1 b)). */
    explicit: z.boolean(),
  })
  .readonly();
export type MandatoryDocumentedInformation = z.infer<typeof mandatoryDocumentedInformationSchema>;

const reviewInputBase = z.object({ ref: z.string().min(1), input: z.string().min(1) });

export const managementReviewInputSchema = z
  .object({
    ...reviewInputBase.shape,
    /** True for 9.3.2 c), added in 2022. */
    newIn2022: z.boolean(),
    /** The numbered trends under 9.3.2 d); empty for the other inputs. */
    subItems: z.array(reviewInputBase.readonly()).readonly(),
  })
  .readonly();
export type ManagementReviewInput = z.infer<typeof managementReviewInputSchema>;

const clausesFileSchema = z.object({
  clauses: z.array(clauseSchema),
  mandatoryDocumentedInformation: z.array(mandatoryDocumentedInformationSchema),
  managementReviewInputs: z.array(managementReviewInputSchema),
});

const parsed = clausesFileSchema.parse(clausesData);

/** The 41 entries of clauses 4 to 10, headings included, in the standard's order (9.2 before 9.2.1, 9 before 10). */
export const clauses: readonly Clause[] = Object.freeze(parsed.clauses.slice().sort((a, b) => compareControlIds(a.id, b.id)));

/** The 16 items of documented information the clauses ask for, 14 of them explicitly. */
export const mandatoryDocumentedInformation: readonly MandatoryDocumentedInformation[] = Object.freeze(
  parsed.mandatoryDocumentedInformation,
);

/** What top management must consider in a management review: 9.3.2 a) to g), with d) 1) to 4). */
export const managementReviewInputs: readonly ManagementReviewInput[] = Object.freeze(parsed.managementReviewInputs);

const clausesById: ReadonlyMap<string, Clause> = new Map(clauses.map((c) => [c.id, c]));

// "9.2.2", "Clause 9.2.2", "cl. 9.2.2", "§9.2.2".
const clauseIdQuery = /^(?:clause\s*|cl\.?\s*|§\s*)?(\d{1,2}(?:\.\d{1,2}){0,2})$/i;

/** The clause with this id ("9.2.2", also written "Clause 9.2.2"), or undefined. */
export function findClause(id: string): Clause | undefined {
  const match = clauseIdQuery.exec(id.trim());
  return match?.[1] === undefined ? undefined : clausesById.get(match[1]);
}

/** Like `findClause`, but throws a CatalogLookupError naming the id when there is no such clause. */
export function getClause(id: string): Clause {
  const clause = findClause(id);
  if (!clause) {
    throw new CatalogLookupError({
      entity: "ISO/IEC 27001:2022 clause",
      query: id,
      listCommand: "isms catalog clauses",
    });
  }
  return clause;
}
