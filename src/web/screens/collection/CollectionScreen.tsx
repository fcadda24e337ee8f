// Automated collection (A.8.15, A.8.16 and the controls the AWS checks evidence): the runs that collected
// evidence from AWS, newest first, and one run's check results in a side panel.
import { useCallback } from "react";
import { fetchCollectionRuns } from "../../api/endpoints.js";
import { hrefOf, navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { RunPanel } from "./RunPanel.js";
import { problemText, summarizeRun } from "./run-summary.js";

export function CollectionScreen({ openRun }: { openRun: string | null }) {
  const { workspace } = useWorkspace();
  const runs = useResource(`collection runs ${workspace}`, () => fetchCollectionRuns(workspace));
  const close = useCallback(() => navigate({ page: "section", workspace, section: "collection" }), [workspace]);

  return (
    <main className="page" aria-labelledby="collection-title">
      <div className="page-head">
        <h1 id="collection-title">Collection runs</h1>
      </div>
      <WhenLoaded loaded={runs.loaded} what="the collection runs">
        {({ runs: list }) => (
          <div className="table-wrap">
            <table className="grid" aria-label="Collection runs">
              <thead>
                <tr>
                  <th scope="col" style={{ width: "6rem" }}>
                    Run
                  </th>
                  <th scope="col" style={{ width: "13rem" }}>
                    When
                  </th>
                  <th scope="col" className="right">
                    Accounts
                  </th>
                  <th scope="col" className="right">
                    Regions
                  </th>
                  <th scope="col" className="right">
                    Passed
                  </th>
                  <th scope="col" className="right">
                    Failed
                  </th>
                  <th scope="col">Problems</th>
                </tr>
              </thead>
              <tbody>
                {[...list].reverse().map((run) => {
                  const summary = summarizeRun(run);
                  return (
                    <tr key={run.id} className={run.id === openRun ? "selected" : undefined}>
                      <td>
                        <a href={hrefOf({ page: "section", workspace, section: "collection", item: run.id })}>{run.id}</a>
                      </td>
                      <td className="small">{run.startedAt.replace("T", " ").slice(0, 16)} UTC</td>
                      <td className="right">{summary.accounts}</td>
                      <td className="right">{summary.regions}</td>
                      <td className="right">{summary.passed}</td>
                      <td className={summary.failed === "0" ? "right" : "right bad-text"}>{summary.failed}</td>
                      <td className="small" title={run.problems.map(problemText).join("\n")}>
                        {run.problems.length === 0 ? "none" : `${run.problems.length}: ${problemText(run.problems[0] ?? {})}`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {list.length === 0 ? (
              <p className="muted" data-testid="collection-empty">
                No collection run yet: collect evidence from AWS with isms collect aws.
              </p>
            ) : null}
          </div>
        )}
      </WhenLoaded>
      {openRun ? <RunPanel key={openRun} workspace={workspace} runId={openRun} onClose={close} /> : null}
    </main>
  );
}
