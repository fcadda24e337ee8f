// One management review in the side panel: when and who, the decisions (9.3.3) and actions with their
// status, the 9.3.2 inputs as prepared, and its history; for administrators and editors, recording a
// planned review as held and following its actions up.
import { useState } from "react";
import { fetchReview, preparedNoteSchema } from "../../api/reviews-api.js";
import type { Person } from "../../api/register-schemas.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { History } from "../../components/History.js";
import { WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { HoldReviewForm } from "./HoldReviewForm.js";
import { ReviewActions } from "./ReviewActions.js";
import { ReviewInputs } from "./ReviewInputs.js";
import { namesOf } from "./names.js";

interface Props {
  workspace: string;
  reviewId: string;
  people: Person[];
  /** Changes when something changed the review, to load it again. */
  version: number;
  onChanged: () => void;
  onClose: () => void;
}

export function ReviewPanel({ workspace, reviewId, people, version, onChanged, onClose }: Props) {
  const { principal } = useWorkspace();
  const detail = useResource(`review ${workspace} ${reviewId} ${version}`, () => fetchReview(workspace, reviewId));
  const names = namesOf(people);
  const mayChange = allows(principal, "update", "reviews");
  const [warnings, setWarnings] = useState<string[] | null>(null);

  return (
    <SidePanel title={`Management review ${reviewId}`} label={`Review ${reviewId}`} onClose={onClose}>
      <WhenLoaded loaded={detail.loaded} what={`review ${reviewId}`}>
        {({ review }) => {
          const prepared = preparedNoteSchema.safeParse(review.inputs.prepared);
          const decisions = Object.entries(review.decisions).map(([key, text]) => [key, typeof text === "string" ? text : JSON.stringify(text)] as const);
          return (
            <>
              <dl className="facts">
                <dt>{review.status === "held" ? "Held on" : "Planned for"}</dt>
                <dd>{review.heldOn}</dd>
                <dt>Status</dt>
                <dd>
                  <span className={review.status === "held" ? "pill" : "pill review-planned"}>{review.status}</span>
                </dd>
                <dt>Chair</dt>
                <dd>{prepared.success ? names(prepared.data.chair) : "—"}</dd>
                <dt>Attendees</dt>
                <dd>{review.attendees.map(names).join(", ") || "—"}</dd>
                <dt>Minutes</dt>
                <dd>{review.minutesRef ?? "—"}</dd>
                {prepared.success ? (
                  <>
                    <dt>Inputs since</dt>
                    <dd>{prepared.data.previousReview ? `${prepared.data.previousReview} (${prepared.data.since ?? "…"})` : "the start: no review held before"}</dd>
                  </>
                ) : null}
              </dl>
              {review.status === "planned" && mayChange ? (
                <HoldReviewForm
                  workspace={workspace}
                  review={review}
                  people={people}
                  onHeld={(said) => {
                    setWarnings(said);
                    onChanged();
                  }}
                />
              ) : null}
              {warnings ? (
                <div className="note note-ok" role="status">
                  <p>Recorded as held.</p>
                  {warnings.map((w) => (
                    <p key={w}>Note: {w}.</p>
                  ))}
                </div>
              ) : null}
              <h3>Decisions</h3>
              {decisions.length ? (
                <ol className="review-decisions" aria-label="Decisions">
                  {decisions.map(([key, text]) => (
                    <li key={key}>{text}</li>
                  ))}
                </ol>
              ) : (
                <p className="muted">{review.status === "planned" ? "None yet: the decisions are recorded when the review is held." : "No decision recorded."}</p>
              )}
              <h3>Actions</h3>
              <ReviewActions workspace={workspace} review={review} names={names} mayChange={mayChange} onChanged={onChanged} />
              <h3>Inputs (9.3.2)</h3>
              <ReviewInputs inputs={review.inputs} />
              {allows(principal, "read", "audit-log") ? <History workspace={workspace} entity={`management_review:${review.id}`} version={JSON.stringify(review)} /> : null}
            </>
          );
        }}
      </WhenLoaded>
    </SidePanel>
  );
}
