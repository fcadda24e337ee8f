// One collection run in the side panel: its check results, filtered by verdict.
import { useState } from "react";
import { fetchRunResults } from "../../api/endpoints.js";
import { checkStatuses, type CheckStatus } from "../../api/register-schemas.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { problemText } from "./run-summary.js";

const isCheckStatus = (text: string): text is CheckStatus => checkStatuses.some((s) => s === text);

export function RunPanel({ workspace, runId, onClose }: { workspace: string; runId: string; onClose: () => void }) {
  const [status, setStatus] = useState<CheckStatus | null>(null);
  const answer = useResource(`run ${workspace} ${runId} ${status ?? "all"}`, () => fetchRunResults(workspace, runId, status));

  return (
    <SidePanel title={`Collection run ${runId}`} label={`Collection run ${runId}`} onClose={onClose}>
      <div className="toolbar">
        <label>
          Status{" "}
          <select value={status ?? ""} onChange={(e) => setStatus(isCheckStatus(e.target.value) ? e.target.value : null)}>
            <option value="">all</option>
            {checkStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <WhenLoaded loaded={answer.loaded} what="the run's results">
        {({ run, results }) => (
          <>
            <dl className="facts">
              <dt>Started</dt>
              <dd>{run.startedAt}</dd>
              <dt>Finished</dt>
              <dd>{run.finishedAt}</dd>
              <dt>Caller</dt>
              <dd>{run.caller}</dd>
              <dt>Problems</dt>
              <dd>{run.problems.length === 0 ? "none" : run.problems.map((p, i) => <div key={i}>{problemText(p)}</div>)}</dd>
            </dl>
            <div className="table-wrap">
              <table className="grid" aria-label={`Results of ${run.id}`}>
                <thead>
                  <tr>
                    <th scope="col">Check</th>
                    <th scope="col">Status</th>
                    <th scope="col">Resource</th>
                    <th scope="col">Controls</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((r) => (
                    <tr key={r.id} title={r.detail}>
                      <td className="small">{r.checkId}</td>
                      <td>
                        <span className={r.status === "fail" ? "pill bad-text" : r.status === "pass" ? "pill good-text" : "pill"}>{r.status}</span>
                      </td>
                      <td className="small" style={{ wordBreak: "break-all" }}>
                        {r.resource}
                        <div className="muted">
                          {r.account} {r.region}
                        </div>
                      </td>
                      <td className="small">{r.controlIds.join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {results.length === 0 ? <p className="muted">No results{status ? ` with status ${status}` : ""}.</p> : null}
          </>
        )}
      </WhenLoaded>
    </SidePanel>
  );
}
