// The risk treatment plan (6.1.3 e, 8.3): every open risk above the acceptance threshold or to be
// treated, worst first, with its decision, actions, the owner's approval and what is still missing.
import { fetchTreatmentPlan } from "../../api/endpoints.js";
import type { Heatmap } from "../../api/schemas.js";
import type { People } from "../../app/people.js";
import { hrefOf } from "../../app/router.js";
import { useResource } from "../../app/use-resource.js";
import { ScoreBand } from "../../components/Band.js";
import { WhenLoaded } from "../../components/Notes.js";

export function TreatmentPlanView({ workspace, bands, people }: { workspace: string; bands: Heatmap["bands"]; people: People }) {
  const plan = useResource(`plan ${workspace}`, () => fetchTreatmentPlan(workspace));
  return (
    <WhenLoaded loaded={plan.loaded} what="the risk treatment plan">
      {(p) => (
        <section aria-label="Risk treatment plan" className="plan">
          <p className="muted">
            {p.risks.length} risks above the acceptance threshold ({p.acceptanceThreshold}) or to be treated, worst first.
          </p>
          <div className="table-wrap tall">
            <table className="grid" data-testid="treatment-plan">
              <thead>
                <tr>
                  <th scope="col" style={{ width: "5.5rem" }}>Risk</th>
                  <th scope="col">Title and actions</th>
                  <th scope="col" style={{ width: "7.5rem" }}>Inherent</th>
                  <th scope="col" style={{ width: "6.5rem" }}>Decision</th>
                  <th scope="col" style={{ width: "5rem" }} className="right">Done</th>
                  <th scope="col" style={{ width: "7.5rem" }}>Residual</th>
                  <th scope="col" style={{ width: "8rem" }}>Owner approval</th>
                </tr>
              </thead>
              <tbody>
                {p.risks.map(({ risk, actions, actionsDone, planApproved, residualAccepted, missing }) => (
                  <tr key={risk.id}>
                    <td>
                      <a href={hrefOf({ page: "section", workspace, section: "risks", item: risk.id })}>{risk.id}</a>
                    </td>
                    <td className="wrap">
                      {risk.title}
                      {missing ? (
                        <div>
                          <span className="pill bad">missing: {missing}</span>
                        </div>
                      ) : null}
                      {actions.length > 0 ? (
                        <ul className="plain small">
                          {actions.map((a) => (
                            <li key={a.id}>
                              <span className="muted">{a.id}</span> {a.title} <span className={`pill action-${a.status}`}>{a.status.replace("_", " ")}</span>{" "}
                              <span className="muted">
                                {people.nameOf(a.owner) || "no owner"}
                                {a.dueDate ? `, due ${a.dueDate}` : ""}
                              </span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td>
                      <ScoreBand score={risk.inherentScore} band={risk.inherentBand} bands={bands} />
                    </td>
                    <td>{risk.decision ?? <span className="muted">—</span>}</td>
                    <td className="right">
                      {actionsDone}/{actions.length}
                    </td>
                    <td>
                      <ScoreBand score={risk.residualScore} band={risk.residualBand} bands={bands} />
                    </td>
                    <td className="small">
                      {planApproved ? "plan approved" : <span className="muted">plan not approved</span>}
                      <br />
                      {residualAccepted ? "residual accepted" : <span className="muted">residual not accepted</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </WhenLoaded>
  );
}
