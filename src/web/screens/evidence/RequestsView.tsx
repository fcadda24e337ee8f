// The auditor's evidence requests (A.5.28, 9.2): each with its status and what was provided; an auditor
// raises one here (topic, question, the item sampled, the controls it concerns).
import { useState, type FormEvent } from "react";
import { fetchEvidenceRequests, raiseEvidenceRequest } from "../../api/endpoints.js";
import type { EvidenceRequest } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import { counted } from "../../app/counted.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf, useResource } from "../../app/use-resource.js";
import { ErrorNote, WhenLoaded } from "../../components/Notes.js";

const statusClass = (status: string) => (status === "accepted" ? "pill good" : status === "provided" ? "pill" : "pill warn");

function RaiseForm({ workspace, onRaised }: { workspace: string; onRaised: (request: EvidenceRequest) => void }) {
  const empty = { topic: "", question: "", item: "", controls: "" };
  const [values, setValues] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof typeof empty, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const raise = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const controls = values.controls.split(/[\s,]+/).filter((c) => c !== "");
      const answer = await raiseEvidenceRequest(workspace, { topic: values.topic, question: values.question, item: values.item, controls });
      setValues(empty);
      onRaised(answer.request);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="edit-form card" aria-label="Raise a request" onSubmit={(e) => void raise(e)}>
      <fieldset>
        <legend>Raise a request</legend>
        <label className="field inline">
          <span className="field-label">Topic</span>
          <input value={values.topic} onChange={(e) => set("topic", e.target.value)} placeholder="access-reviews" />
        </label>
        <label className="field inline">
          <span className="field-label">Question</span>
          <textarea rows={2} value={values.question} onChange={(e) => set("question", e.target.value)} placeholder="Show the last quarterly access review of the production account" />
        </label>
        <label className="field inline">
          <span className="field-label">Item</span>
          <input value={values.item} onChange={(e) => set("item", e.target.value)} placeholder="Q1 2026 access review" />
        </label>
        <label className="field inline">
          <span className="field-label">Controls</span>
          <input value={values.controls} onChange={(e) => set("controls", e.target.value)} placeholder="5.18, 8.5" />
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Raise the request
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}

export function RequestsView({ workspace }: { workspace: string }) {
  const { principal } = useWorkspace();
  const requests = useResource(`evidence requests ${workspace}`, () => fetchEvidenceRequests(workspace));
  const mayRaise = allows(principal, "create", "evidence-requests");
  return (
    <div className="table-wrap tall">
      {mayRaise ? <RaiseForm workspace={workspace} onRaised={(raised) => requests.update((list) => ({ requests: [...list.requests, raised] }))} /> : null}
      <WhenLoaded loaded={requests.loaded} what="the evidence requests">
        {({ requests: list }) => (
          <>
            <p className="muted small" data-testid="request-count">
              {counted(list.length, "request")}, {list.filter((r) => r.status === "open").length} open
            </p>
            <table className="grid" aria-label="Evidence requests">
              <thead>
                <tr>
                  <th scope="col" style={{ width: "7rem" }}>
                    ID
                  </th>
                  <th scope="col">Request</th>
                  <th scope="col" style={{ width: "8rem" }}>
                    Controls
                  </th>
                  <th scope="col" style={{ width: "6rem" }}>
                    Status
                  </th>
                  <th scope="col" style={{ width: "7rem" }}>
                    Requested
                  </th>
                  <th scope="col" style={{ width: "11rem" }}>
                    Provided
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td>{r.id}</td>
                    <td>
                      <strong>{r.topic}</strong>: {r.question}
                      <div className="muted small">item: {r.item}</div>
                    </td>
                    <td className="small">{r.controlIds.join(", ") || "—"}</td>
                    <td>
                      <span className={statusClass(r.status)}>{r.status}</span>
                    </td>
                    <td className="small">{r.requestedOn.slice(0, 10)}</td>
                    <td className="small">{r.providedOn ? `${r.providedOn.slice(0, 10)}: ${r.evidenceIds.join(", ")}` : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.length === 0 ? <p className="muted">No evidence request yet.</p> : null}
          </>
        )}
      </WhenLoaded>
    </div>
  );
}
