// Audits (9.2, 10.2): the internal audit programme and the certification body's audits, every finding with
// its corrective actions, and one audit at a time in a side panel, where those allowed change them.
import { useCallback, useState } from "react";
import { fetchAudits, fetchCorrectiveActions, fetchFindings } from "../../api/endpoints.js";
import { allows } from "../../app/access.js";
import { usePeople } from "../../app/people.js";
import { hrefOf, navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { DoneNote, WhenLoaded } from "../../components/Notes.js";
import { AuditPanel } from "./AuditPanel.js";
import { FindingsTable } from "./FindingsTable.js";
import { PlanAuditForm } from "./PlanAuditForm.js";

export function AuditsScreen({ openAudit }: { openAudit: string | null }) {
  const { workspace, principal } = useWorkspace();
  const mayPlan = allows(principal, "create", "audits");
  const [planning, setPlanning] = useState(false);
  const people = usePeople(workspace);
  const records = useResource(`audits ${workspace}`, async () => {
    const [audits, findings, actions] = await Promise.all([fetchAudits(workspace), fetchFindings(workspace), fetchCorrectiveActions(workspace)]);
    return { audits: audits.audits, findings: findings.findings, actions: actions.actions };
  });
  const close = useCallback(() => navigate({ page: "section", workspace, section: "audits" }), [workspace]);
  const [notice, setNotice] = useState<string | null>(null);
  const { reload } = records;
  const changed = useCallback(
    (message: string) => {
      setNotice(message);
      reload();
    },
    [reload],
  );

  return (
    <main className="page" aria-labelledby="audits-title">
      <div className="page-head">
        <h1 id="audits-title">Audits</h1>
        {mayPlan && !planning ? (
          <button type="button" className="primary" onClick={() => setPlanning(true)}>
            Plan an audit
          </button>
        ) : null}
      </div>
      {planning ? (
        <PlanAuditForm
          workspace={workspace}
          onPlanned={(message, audit) => {
            setPlanning(false);
            // Shown at once in the list and its panel, before the list comes back from the API.
            records.update((r) => ({ ...r, audits: [...r.audits, audit] }));
            changed(message);
            navigate({ page: "section", workspace, section: "audits", item: audit.id });
          }}
          onCancel={() => setPlanning(false)}
        />
      ) : null}
      <WhenLoaded loaded={records.loaded} what="the audits">
        {({ audits, findings, actions }) => (
          <>
            <DoneNote message={notice} />
            <div className="table-wrap">
              <table className="grid" aria-label="Audits">
                <thead>
                  <tr>
                    <th scope="col" style={{ width: "7rem" }}>
                      ID
                    </th>
                    <th scope="col">Audit</th>
                    <th scope="col" style={{ width: "8rem" }}>
                      Kind
                    </th>
                    <th scope="col" style={{ width: "12rem" }}>
                      Auditor
                    </th>
                    <th scope="col" style={{ width: "12rem" }}>
                      Planned
                    </th>
                    <th scope="col" style={{ width: "7rem" }}>
                      Status
                    </th>
                    <th scope="col" style={{ width: "6rem" }} className="right">
                      Findings
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {audits.map((a) => (
                    <tr key={a.id} className={a.id === openAudit ? "selected" : undefined}>
                      <td>
                        <a href={hrefOf({ page: "section", workspace, section: "audits", item: a.id })}>{a.id}</a>
                      </td>
                      <td>{a.title}</td>
                      <td>{a.kind}</td>
                      <td>{a.auditor ?? "—"}</td>
                      <td className="small">{a.plannedStart || a.plannedEnd ? `${a.plannedStart ?? "…"} to ${a.plannedEnd ?? "…"}` : "—"}</td>
                      <td>
                        <span className="pill">{a.status}</span>
                      </td>
                      <td className="right">{findings.filter((f) => f.auditId === a.id).length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {audits.length === 0 ? <p className="muted">{mayPlan ? "No audit yet: plan the first with “Plan an audit”." : "No audit yet."}</p> : null}
            </div>
            <h2 className="section-title">Findings and corrective actions</h2>
            <FindingsTable findings={findings} actions={actions} people={people} label="Findings" onChanged={changed} />
            {openAudit ? (
              <AuditPanel key={openAudit} audit={audits.find((a) => a.id === openAudit) ?? null} auditId={openAudit} findings={findings} actions={actions} people={people} onClose={close} onChanged={changed} />
            ) : null}
          </>
        )}
      </WhenLoaded>
    </main>
  );
}
