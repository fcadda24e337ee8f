// What moves with the clock: how fresh the evidence is (controls in the SoA by their newest evidence,
// the newest record of each kind) and the activities past their due day.
import type { Dashboard } from "../../api/schemas.js";

const day = (iso: string) => iso.slice(0, 10);

export function EvidenceFreshness({ freshness, asOf }: { freshness: Dashboard["evidenceFreshness"]; asOf: string }) {
  const { fresh, stale, none } = freshness.controls;
  return (
    <section className="card" aria-labelledby="freshness-title" data-testid="evidence-freshness">
      <h2 id="freshness-title">Evidence freshness</h2>
      <p className="tiles">
        <span className="tile good">
          <strong>{fresh}</strong> controls with fresh evidence
        </span>
        <span className="tile warn">
          <strong>{stale}</strong> with only stale evidence
        </span>
        <span className="tile bad">
          <strong>{none}</strong> with none
        </span>
      </p>
      {freshness.kinds.length === 0 ? (
        <p className="muted">No evidence collected yet: run isms collect aws, or attach files with isms evidence add.</p>
      ) : (
        <div className="table-wrap">
          <table className="grid compact">
            <thead>
              <tr>
                <th scope="col">Kind of evidence</th>
                <th scope="col">Newest</th>
                <th scope="col">Collected</th>
                <th scope="col">Fresh until</th>
                <th scope="col">As of {day(asOf)}</th>
              </tr>
            </thead>
            <tbody>
              {freshness.kinds.map((k) => (
                <tr key={k.kind}>
                  <td>{k.kind}</td>
                  <td>{k.newestId}</td>
                  <td>{day(k.collectedAt)}</td>
                  <td>{day(k.freshUntil)}</td>
                  <td>{k.fresh ? <span className="pill good">fresh</span> : <span className="pill bad">stale</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function OverdueActivities({ activities }: { activities: Dashboard["overdueActivities"] }) {
  return (
    <section className="card" aria-labelledby="overdue-title" data-testid="overdue-activities">
      <h2 id="overdue-title">
        Overdue activities <span className="muted small">{activities.total > activities.oldest.length ? `the ${activities.oldest.length} longest overdue of ${activities.total}` : activities.total}</span>
      </h2>
      {activities.total === 0 ? (
        <p className="muted">Nothing is overdue.</p>
      ) : (
        <div className="table-wrap">
          <table className="grid compact">
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col">Kind</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col" className="right">Days overdue</th>
                <th scope="col">Basis</th>
              </tr>
            </thead>
            <tbody>
              {activities.oldest.map((a) => (
                <tr key={a.id}>
                  <td>
                    <span className="muted">{a.id}</span> {a.title}
                  </td>
                  <td>{a.kind}</td>
                  <td>{a.owner ?? <span className="muted">none</span>}</td>
                  <td>{a.due}</td>
                  <td className="right">{a.daysOverdue}</td>
                  <td>{a.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
