// People and training (7.2, 7.3; A.6.3): everyone in the people register with where they stand on
// awareness and role training, who is missing or overdue, and (for editors and administrators) forms
// to add a joiner, record a leaver and record a completed course.
import { useState } from "react";
import { fetchPeople, fetchTrainingOverdue } from "../../api/endpoints.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { DoneNote, WhenLoaded } from "../../components/Notes.js";
import { AddPersonForm, LeaverForm } from "./PersonForms.js";
import { RecordCompletionForm } from "./RecordCompletionForm.js";

/** Training expiring within these days counts as due. */
const withinDays = 30;

const stateLabel = (state: string | null) => state ?? "not needed";
const stateClass = (state: string | null) => (state === "expired" || state === "missing" ? "pill bad-text" : "pill");

export function PeopleScreen() {
  const { workspace, principal } = useWorkspace();
  const [notice, setNotice] = useState<string | null>(null);
  const register = useResource(`people ${workspace}`, async () => {
    const [people, overdue] = await Promise.all([fetchPeople(workspace, withinDays), fetchTrainingOverdue(workspace, withinDays)]);
    return { people: people.people, gaps: overdue.gaps };
  });
  const mayRecord = allows(principal, "create", "training");
  const mayAdd = allows(principal, "create", "people");
  const mayChange = allows(principal, "update", "people");
  const saved = (message: string) => {
    setNotice(message);
    register.reload();
  };

  return (
    <main className="page" aria-labelledby="people-title">
      <div className="page-head">
        <h1 id="people-title">People and training</h1>
      </div>
      <WhenLoaded loaded={register.loaded} what="the people">
        {({ people, gaps }) => (
          <>
            <div className="table-wrap">
              <table className="grid" aria-label="People">
                <thead>
                  <tr>
                    <th scope="col" style={{ width: "7rem" }}>
                      ID
                    </th>
                    <th scope="col">Name</th>
                    <th scope="col">ISMS roles</th>
                    <th scope="col" style={{ width: "6rem" }}>
                      In scope
                    </th>
                    <th scope="col" style={{ width: "8rem" }}>
                      Awareness
                    </th>
                    <th scope="col" style={{ width: "8rem" }}>
                      Role training
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => (
                    <tr key={p.id} data-person={p.id}>
                      <td>{p.id}</td>
                      <td>{p.name}</td>
                      <td className="small">{p.ismsRoles.join(", ") || "—"}</td>
                      <td>{p.inScope ? "yes" : "no"}</td>
                      <td>
                        <span className={stateClass(p.awareness)} data-testid={`awareness-${p.id}`}>
                          {stateLabel(p.awareness)}
                        </span>
                      </td>
                      <td>
                        <span className={stateClass(p.roleTraining)} data-testid={`role-training-${p.id}`}>
                          {stateLabel(p.roleTraining)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {people.length === 0 ? <p className="muted">No one in the people register yet: add them below, or import an HR export with isms people import.</p> : null}
            </div>
            <h2 className="section-title">Missing or overdue training</h2>
            <div className="table-wrap">
              <table className="grid" aria-label="Overdue training">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Needs</th>
                    <th scope="col">State</th>
                    <th scope="col">Last completed</th>
                  </tr>
                </thead>
                <tbody>
                  {gaps.map((g) => (
                    <tr key={`${g.personId} ${g.need}`}>
                      <td>
                        {g.personId} · {g.name}
                      </td>
                      <td>{g.need === "awareness" ? "awareness (7.3)" : `role training (7.2): ${g.roles.join(", ")}`}</td>
                      <td>
                        <span className={stateClass(g.state)}>{g.state}</span>
                      </td>
                      <td className="small">{g.latest ? `${g.latest.courseTitle} on ${g.latest.completedOn}${g.latest.expiresOn ? `, until ${g.latest.expiresOn}` : ""}` : "never"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {gaps.length === 0 ? <p className="muted">No one is missing training or due within {withinDays} days.</p> : null}
            </div>
            <DoneNote message={notice} />
            {mayRecord ? <RecordCompletionForm workspace={workspace} people={people} onRecorded={saved} /> : null}
            {mayChange ? <LeaverForm workspace={workspace} people={people} onSaved={saved} /> : null}
            {mayAdd ? <AddPersonForm workspace={workspace} onSaved={saved} /> : null}
          </>
        )}
      </WhenLoaded>
    </main>
  );
}
