// 9.3.2 a), b), c) and e) from the data: the earlier reviews' actions, the changes in issues and in
// interested parties since the last review, and what interested parties and the certification body said.
import { netChanges } from "./changes.js";
import type { RegisterChange, ReviewData } from "./data.js";
import { finishedReviewActionStatuses, type PreparedInput } from "./model.js";
import { closedFindingStatuses } from "./performance.js";
import { counted, idList, withIds } from "./wording.js";

type Input = Omit<PreparedInput, "ref" | "title">;

/** a) The actions of the last review, and older reviews' actions still not finished. */
export function previousActionsInput(data: ReviewData): Input {
  const latest = data.previousReviews.at(-1);
  if (!latest) return { summary: "This is the first management review: there are no earlier actions to report on.", figures: { previousReview: null, total: 0 } };
  const actions = data.previousReviews.flatMap((review) =>
    review.actions.filter((a) => review.id === latest.id || !finishedReviewActionStatuses.includes(a.status)).map((a) => ({ ...a, review: review.id })),
  );
  const overdue = actions.filter((a) => !finishedReviewActionStatuses.includes(a.status) && a.dueDate !== null && a.dueDate < data.on);
  const done = actions.filter((a) => a.status === "done").length;
  const cancelled = actions.filter((a) => a.status === "cancelled").length;
  const open = actions.length - done - cancelled;
  const figures = {
    previousReview: latest.id,
    total: actions.length,
    done,
    open,
    cancelled,
    overdue: overdue.map((a) => a.id),
    actions: actions.map((a) => ({ id: a.id, review: a.review, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status })),
  };
  if (actions.length === 0) return { summary: `The last review (${latest.id}, ${latest.heldOn}) decided no actions, and none from earlier reviews is open.`, figures };
  const parts = [`${done} done`, `${open} open${overdue.length ? `, ${overdue.length} of them overdue (${idList(overdue.map((a) => a.id))})` : ""}`];
  if (cancelled) parts.push(`${cancelled} cancelled`);
  return { summary: `${counted(actions.length, "action")} from earlier reviews (the last: ${latest.id}, ${latest.heldOn}): ${parts.join("; ")}.`, figures };
}

interface Entry {
  id: string;
}

/** b) and c): what changed in a register since the last review; the whole register at the first. */
function registerInput<T extends Entry>(
  data: ReviewData,
  rows: readonly T[],
  changes: readonly RegisterChange[],
  noun: { one: string; many: string },
  describe: (rows: readonly T[]) => string,
  show: (row: T) => Record<string, string | boolean>,
): Input {
  const since = data.previous?.heldOn ?? null;
  const onRecord = `${counted(rows.length, noun.one, noun.many)} on record${rows.length ? ` (${describe(rows)})` : ""}`;
  if (since === null) {
    return { summary: `First management review: all ${onRecord}, considered as they stand.`, figures: { since, count: rows.length, entries: rows.map(show) } };
  }
  const net = netChanges(changes);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shown = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [show(row)] : [];
    });
  const figures = { since, count: rows.length, added: shown(net.added), changed: shown(net.changed), removed: net.removed };
  const moved = net.added.length + net.changed.length + net.removed.length;
  const what = moved
    ? `${net.added.length} added${withIds(net.added)}, ${net.changed.length} changed${withIds(net.changed)}, ${net.removed.length} removed${withIds(net.removed)}`
    : `no ${noun.one} added, changed or removed`;
  return { summary: `Since the last review on ${since}: ${what}; ${onRecord}.`, figures };
}

/** b) Changes in external and internal issues (4.1). */
export function issuesInput(data: ReviewData): Input {
  const kinds = (rows: ReviewData["contextIssues"]) => {
    const external = rows.filter((r) => r.kind === "external").length;
    return `${external} external, ${rows.length - external} internal`;
  };
  return registerInput(data, data.contextIssues, data.contextIssueChanges, { one: "issue", many: "issues" }, kinds, (r) => ({ id: r.id, kind: r.kind, description: r.description }));
}

/** c) Changes in the needs and expectations of interested parties (4.2). */
export function interestedPartiesInput(data: ReviewData): Input {
  const addressed = (rows: ReviewData["interestedParties"]) => `${rows.filter((r) => r.addressedByIsms).length} addressed by the ISMS`;
  const show = (r: ReviewData["interestedParties"][number]) => ({ id: r.id, name: r.name, requirements: r.requirements, addressedByIsms: r.addressedByIsms });
  return registerInput(data, data.interestedParties, data.interestedPartyChanges, { one: "interested party", many: "interested parties" }, addressed, show);
}

/** e) Feedback from interested parties: requirements the ISMS does not address; the certification body's findings. */
export function interestedPartyFeedbackInput(data: ReviewData): Input {
  const unaddressed = data.interestedParties.filter((p) => !p.addressedByIsms);
  const external = new Set(data.audits.filter((a) => a.external).map((a) => a.id));
  const externalFindings = data.findings.filter((f) => external.has(f.auditId));
  const openFindings = externalFindings.filter((f) => !closedFindingStatuses.includes(f.status));
  const parties = data.interestedParties.length
    ? `${data.interestedParties.length - unaddressed.length} of ${counted(data.interestedParties.length, "interested party", "interested parties")} have requirements the ISMS addresses` +
      (unaddressed.length ? `; not yet addressed: ${unaddressed.map((p) => `${p.name} (${p.id})`).join(", ")}` : "")
    : "No interested party is on record";
  const auditor = externalFindings.length
    ? `the certification body raised ${counted(externalFindings.length, "finding")}, ${openFindings.length} still open${withIds(openFindings.map((f) => f.id))}`
    : "the certification body has raised no finding";
  return {
    summary: `${parties}; ${auditor}.`,
    figures: {
      interestedParties: data.interestedParties.length,
      notAddressed: unaddressed.map((p) => ({ id: p.id, name: p.name, requirements: p.requirements })),
      externalFindings: externalFindings.map((f) => ({ id: f.id, audit: f.auditId, kind: f.kind, requirement: f.requirement, status: f.status })),
      externalFindingsOpen: openFindings.length,
    },
  };
}
