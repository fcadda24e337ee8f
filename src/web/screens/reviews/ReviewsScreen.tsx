// Management reviews (9.3): every review with its day, status and open actions, one review at a time in a
// side panel, and (for administrators and editors) preparing the next one.
import { useCallback, useMemo, useState } from "react";
import { fetchPeople } from "../../api/endpoints.js";
import { fetchReviews } from "../../api/reviews-api.js";
import { allows } from "../../app/access.js";
import { hrefOf, navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import "../../styles/reviews.css";
import { PrepareReviewForm } from "./PrepareReviewForm.js";
import { ReviewPanel } from "./ReviewPanel.js";
import { namesOf } from "./names.js";

export function ReviewsScreen({ openReview }: { openReview: string | null }) {
  const { workspace, principal } = useWorkspace();
  const [preparing, setPreparing] = useState(false);
  const [version, setVersion] = useState(0);
  const records = useResource(`reviews ${workspace}`, async () => {
    const [reviews, people] = await Promise.all([fetchReviews(workspace), fetchPeople(workspace, 30)]);
    return { reviews: reviews.reviews, people: people.people };
  });
  const people = useMemo(() => (records.loaded.state === "ready" ? records.loaded.value.people : []), [records.loaded]);
  const names = useMemo(() => namesOf(people), [people]);
  const close = useCallback(() => navigate({ page: "section", workspace, section: "reviews" }), [workspace]);
  const changed = useCallback(() => {
    records.reload();
    setVersion((v) => v + 1);
  }, [records]);
  const mayPrepare = allows(principal, "create", "reviews");

  return (
    <main className="page reviews-page" aria-labelledby="reviews-title">
      <div className="page-head">
        <h1 id="reviews-title">Management reviews</h1>
        {mayPrepare && !preparing ? (
          <button type="button" onClick={() => setPreparing(true)}>
            Prepare a review
          </button>
        ) : null}
      </div>
      {preparing ? (
        <PrepareReviewForm
          workspace={workspace}
          people={people}
          onCancel={() => setPreparing(false)}
          onPrepared={(id) => {
            setPreparing(false);
            records.reload();
            navigate({ page: "section", workspace, section: "reviews", item: id });
          }}
        />
      ) : null}
      <WhenLoaded loaded={records.loaded} what="the management reviews">
        {({ reviews }) => (
          <div className="table-wrap">
            <table className="grid" aria-label="Management reviews">
              <thead>
                <tr>
                  <th scope="col" style={{ width: "8rem" }}>
                    ID
                  </th>
                  <th scope="col" style={{ width: "8rem" }}>
                    Date
                  </th>
                  <th scope="col" style={{ width: "7rem" }}>
                    Status
                  </th>
                  <th scope="col">Attendees</th>
                  <th scope="col" style={{ width: "8rem" }} className="right">
                    Open actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...reviews].reverse().map((r) => (
                  <tr key={r.id} className={r.id === openReview ? "selected" : undefined} data-review={r.id}>
                    <td>
                      <a href={hrefOf({ page: "section", workspace, section: "reviews", item: r.id })}>{r.id}</a>
                    </td>
                    <td>{r.heldOn}</td>
                    <td>
                      <span className={r.status === "held" ? "pill" : "pill review-planned"}>{r.status}</span>
                    </td>
                    <td className="small">{r.attendees.map(names).join(", ") || "—"}</td>
                    <td className="right">{r.openActions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {reviews.length === 0 ? (
              <p className="muted">No management review yet: {mayPrepare ? "prepare one with the button above" : "an editor or administrator prepares one"} (or isms review prepare), and its 9.3.2 inputs are gathered from the registers.</p>
            ) : null}
          </div>
        )}
      </WhenLoaded>
      {openReview ? <ReviewPanel key={openReview} workspace={workspace} reviewId={openReview} people={people} version={version} onChanged={changed} onClose={close} /> : null}
    </main>
  );
}
