// Evidence (7.5.3, 9.1): the records collected from AWS and attached by people, filtered by control, kind
// and day, one at a time in a side panel; and the auditor's evidence requests.
import { useCallback, useMemo, useState, type FormEvent } from "react";
import { fetchEvidence, type EvidenceFilters } from "../../api/endpoints.js";
import { counted } from "../../app/counted.js";
import { navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { VirtualTable } from "../../components/VirtualTable.js";
import { evidenceColumns } from "./evidence-columns.js";
import { EvidencePanel } from "./EvidencePanel.js";
import { RequestsView } from "./RequestsView.js";

type Tab = "records" | "requests";

function FilterForm({ onApply }: { onApply: (filters: EvidenceFilters) => void }) {
  const [control, setControl] = useState("");
  const [kind, setKind] = useState("");
  const [since, setSince] = useState("");
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onApply({ control: control.trim(), kind: kind.trim(), since });
  };
  return (
    <form className="toolbar" aria-label="Filter evidence" onSubmit={apply}>
      <input aria-label="Control" placeholder="Control: A.8.13 or 8.13" value={control} onChange={(e) => setControl(e.target.value)} />
      <input aria-label="Kind" placeholder="Kind: upload, aws-snapshot…" value={kind} onChange={(e) => setKind(e.target.value)} />
      <label className="small">
        Since <input type="date" aria-label="Collected since" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}

export function EvidenceScreen({ openEvidence }: { openEvidence: string | null }) {
  const { workspace } = useWorkspace();
  const [tab, setTab] = useState<Tab>("records");
  const [filters, setFilters] = useState<EvidenceFilters>({});
  const evidence = useResource(`evidence ${workspace} ${JSON.stringify(filters)}`, () => fetchEvidence(workspace, filters));
  const columns = useMemo(() => evidenceColumns(workspace), [workspace]);
  const close = useCallback(() => navigate({ page: "section", workspace, section: "evidence" }), [workspace]);
  const rows = evidence.loaded.state === "ready" ? evidence.loaded.value.evidence : [];

  return (
    <main className="page soa-page" aria-labelledby="evidence-title">
      <div className="page-head">
        <h1 id="evidence-title">Evidence</h1>
        <div className="tabs" role="tablist" aria-label="Evidence views">
          <button type="button" role="tab" aria-selected={tab === "records"} onClick={() => setTab("records")}>
            Records
          </button>
          <button type="button" role="tab" aria-selected={tab === "requests"} onClick={() => setTab("requests")}>
            Requests
          </button>
        </div>
      </div>
      {tab === "requests" ? (
        <RequestsView workspace={workspace} />
      ) : (
        <>
          <FilterForm onApply={setFilters} />
          <p className="muted small count" data-testid="evidence-count">
            {counted(rows.length, "record")}
          </p>
          <WhenLoaded loaded={evidence.loaded} what="the evidence">
            {() => (
              <VirtualTable
                rows={rows}
                columns={columns}
                rowKey={(e) => e.id}
                label="Evidence"
                selectedKey={openEvidence}
                initialSort={{ key: "collected", descending: true }}
                empty={<p className="muted">No evidence matches the filters.</p>}
              />
            )}
          </WhenLoaded>
        </>
      )}
      {openEvidence ? <EvidencePanel key={openEvidence} workspace={workspace} evidenceId={openEvidence} onClose={close} /> : null}
    </main>
  );
}
