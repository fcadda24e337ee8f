// Prepares every input of 9.3.2 for a management review from the data: one summary sentence and the
// figures behind it per input, under the letters the readiness snapshot reads as covered.
import { managementReviewInputs, type ManagementReviewInput } from "../../catalog/clauses.js";
import { interestedPartiesInput, interestedPartyFeedbackInput, issuesInput, previousActionsInput } from "./context-inputs.js";
import type { ReviewData } from "./data.js";
import type { PreparedInput, PreparedReviewInputs } from "./model.js";
import { auditResultsInput, monitoringInput, nonconformitiesInput, objectivesInput } from "./performance.js";
import { improvementInput, riskInput } from "./risk-inputs.js";

type Summary = Omit<PreparedInput, "ref" | "title">;

function catalogInput(ref: string): ManagementReviewInput | ManagementReviewInput["subItems"][number] {
  const found = managementReviewInputs.flatMap((i) => [i, ...i.subItems]).find((i) => i.ref === ref);
  if (!found) throw new Error(`the catalog has no management review input ${ref}`);
  return found;
}

function titled(ref: string, { summary, figures }: Summary): PreparedInput {
  return { ref, title: catalogInput(ref).input, summary: summary.charAt(0).toUpperCase() + summary.slice(1), figures };
}

/** The 9.3.2 inputs of a review on `data.on`, prepared from the data; `chair` is who will chair it. */
export function prepareReviewInputs(data: ReviewData, chair: string | null = null): PreparedReviewInputs {
  const items = {
    "1": titled("9.3.2 d) 1)", nonconformitiesInput(data)),
    "2": titled("9.3.2 d) 2)", monitoringInput(data)),
    "3": titled("9.3.2 d) 3)", auditResultsInput(data)),
    "4": titled("9.3.2 d) 4)", objectivesInput(data)),
  };
  const performance = titled("9.3.2 d)", {
    summary: Object.values(items)
      .map((item) => `${item.ref.slice(-2)} ${item.summary}`)
      .join(" "),
    figures: {},
  });
  return {
    a: titled("9.3.2 a)", previousActionsInput(data)),
    b: titled("9.3.2 b)", issuesInput(data)),
    c: titled("9.3.2 c)", interestedPartiesInput(data)),
    d: { ...performance, items },
    e: titled("9.3.2 e)", interestedPartyFeedbackInput(data)),
    f: titled("9.3.2 f)", riskInput(data)),
    g: titled("9.3.2 g)", improvementInput(data)),
    prepared: { on: data.on, since: data.previous?.heldOn ?? null, previousReview: data.previous?.id ?? null, chair },
  };
}
