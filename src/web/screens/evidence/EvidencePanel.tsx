// One evidence record in the side panel: what it is, the controls it serves, where it came from, when it
// was collected and the period it covers, its SHA-256, and a link to its content (checked on read).
import { evidenceContentHref, fetchOneEvidence } from "../../api/endpoints.js";
import { hrefOf } from "../../app/router.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";

const shown = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

export function EvidencePanel({ workspace, evidenceId, onClose }: { workspace: string; evidenceId: string; onClose: () => void }) {
  const record = useResource(`evidence ${workspace} ${evidenceId}`, () => fetchOneEvidence(workspace, evidenceId));
  const e = record.loaded.state === "ready" ? record.loaded.value.evidence : null;
  return (
    <SidePanel title={e ? `${e.id} · ${e.title ?? e.kind}` : evidenceId} label={`Evidence ${evidenceId}`} onClose={onClose}>
      <WhenLoaded loaded={record.loaded} what={evidenceId}>
        {({ evidence }) => (
          <>
            <dl className="facts">
              <dt>Kind</dt>
              <dd>{evidence.kind}</dd>
              <dt>Controls</dt>
              <dd>
                {evidence.controlIds.length === 0
                  ? "—"
                  : evidence.controlIds.map((id) => (
                      <a key={id} className="tag" href={hrefOf({ page: "section", workspace, section: "soa", item: id.replace(/^A\./, "") })}>
                        {id}
                      </a>
                    ))}
              </dd>
              <dt>Collected</dt>
              <dd data-testid="evidence-collected">{evidence.collectedAt}</dd>
              <dt>Period</dt>
              <dd>{evidence.periodStart || evidence.periodEnd ? `${evidence.periodStart ?? "…"} to ${evidence.periodEnd ?? "…"}` : <span className="muted">a point in time</span>}</dd>
              <dt>SHA-256</dt>
              <dd>
                <code className="small" data-testid="evidence-sha256" style={{ wordBreak: "break-all" }}>
                  {evidence.sha256}
                </code>
              </dd>
            </dl>
            <h3>Source</h3>
            <dl className="facts" aria-label="Source">
              {Object.entries(evidence.source).map(([key, value]) => (
                <div key={key} style={{ display: "contents" }}>
                  <dt>{key}</dt>
                  <dd>{shown(value)}</dd>
                </div>
              ))}
            </dl>
            <p>
              <a href={evidenceContentHref(workspace, evidence.id)} target="_blank" rel="noreferrer">
                Open the content
              </a>{" "}
              <span className="muted small">(its hash is checked as it is read)</span>
            </p>
          </>
        )}
      </WhenLoaded>
    </SidePanel>
  );
}
