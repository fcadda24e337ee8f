// The risk register (6.1.2, 8.2): every risk in a sortable, filterable table beside the inherent and
// residual heat maps, one risk at a time in a side panel, and the risk treatment plan (6.1.3 e, 8.3).
import { useCallback, useMemo, useState } from "react";
import { riskStatuses } from "../../../domain/risk/risk.js";
import { fetchHeatmap, fetchRisks } from "../../api/endpoints.js";
import { riskRowSchema, type Risk, type RiskRow } from "../../api/schemas.js";
import { counted } from "../../app/counted.js";
import { usePeople } from "../../app/people.js";
import { navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { Heatmap, type CellChoice } from "../../components/Heatmap.js";
import { WhenLoaded } from "../../components/Notes.js";
import { VirtualTable } from "../../components/VirtualTable.js";
import { RiskPanel } from "./RiskPanel.js";
import { riskColumns } from "./risk-columns.js";
import { TreatmentPlanView } from "./TreatmentPlanView.js";

type Tab = "register" | "plan";

/** Whether the risk matches every word of the filter box, in its id, title, category, owner or controls. */
function matchesText(risk: RiskRow, words: string[], ownerName: string): boolean {
  const text = [risk.id, risk.title, risk.category ?? "", ownerName, risk.controlIds.join(" ")].join(" ").toLowerCase();
  return words.every((w) => text.includes(w));
}

export function RisksScreen({ openRisk }: { openRisk: string | null }) {
  const { workspace } = useWorkspace();
  const people = usePeople(workspace);
  const risks = useResource(`risks ${workspace}`, () => fetchRisks(workspace));
  const heatmaps = useResource(`heatmaps ${workspace}`, async () => {
    const [inherent, residual] = await Promise.all([fetchHeatmap(workspace, "inherent"), fetchHeatmap(workspace, "residual")]);
    return { inherent, residual };
  });
  const [tab, setTab] = useState<Tab>("register");
  const [filter, setFilter] = useState("");
  const [status, setStatus] = useState("");
  const [cell, setCell] = useState<CellChoice | null>(null);
  const [planVersion, setPlanVersion] = useState(0);

  const all = risks.loaded.state === "ready" ? risks.loaded.value.risks : [];
  // The chosen cell's risks as the heat map places them now (it is loaded again after every change).
  const inCell = useMemo(() => {
    if (!cell || heatmaps.loaded.state !== "ready") return null;
    const found = heatmaps.loaded.value[cell.kind].cells.find((c) => c.likelihood === cell.likelihood && c.impact === cell.impact);
    return new Set(found?.riskIds ?? []);
  }, [cell, heatmaps.loaded]);
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
    return all.filter((r) => (!status || r.status === status) && (!inCell || inCell.has(r.id)) && matchesText(r, words, people.nameOf(r.owner)));
  }, [all, filter, status, inCell, people]);
  const bands = heatmaps.loaded.state === "ready" ? heatmaps.loaded.value.inherent.bands : [];
  const columns = useMemo(() => riskColumns(workspace, bands, people), [workspace, bands, people]);

  const close = useCallback(() => navigate({ page: "section", workspace, section: "risks" }), [workspace]);
  const changed = useCallback(
    (risk: Risk) => {
      // The changed risk's row: its fields the list shows.
      const row: RiskRow = riskRowSchema.parse(risk);
      risks.update((list) => ({ ...list, risks: list.risks.map((r) => (r.id === risk.id ? row : r)) }));
      heatmaps.reload();
      setPlanVersion((v) => v + 1);
    },
    [risks, heatmaps],
  );

  return (
    <main className="page risks-page" aria-labelledby="risks-title">
      <div className="page-head">
        <h1 id="risks-title">Risks</h1>
        <div className="tabs" role="tablist" aria-label="Risk views">
          <button type="button" role="tab" aria-selected={tab === "register"} onClick={() => setTab("register")}>
            Register
          </button>
          <button type="button" role="tab" aria-selected={tab === "plan"} onClick={() => setTab("plan")}>
            Treatment plan
          </button>
        </div>
      </div>
      {tab === "plan" ? (
        <TreatmentPlanView key={planVersion} workspace={workspace} bands={bands} people={people} />
      ) : (
        <div className="split">
          <section className="split-main" aria-label="Risk register">
            <div className="toolbar">
              <input type="search" placeholder="Filter: id, title, owner, category, control" aria-label="Filter risks" value={filter} onChange={(e) => setFilter(e.target.value)} />
              <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">Any status</option>
                {riskStatuses.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              {cell ? (
                <button type="button" className="chip" onClick={() => setCell(null)} aria-label="Clear the heat map cell filter">
                  {cell.kind} L{cell.likelihood} × I{cell.impact} ✕
                </button>
              ) : null}
              <span className="muted count" data-testid="risk-count">
                {counted(shown.length, "risk", all.length)}
              </span>
            </div>
            <WhenLoaded loaded={risks.loaded} what="the risk register">
              {() => (
                <VirtualTable
                  rows={shown}
                  columns={columns}
                  rowKey={(r) => r.id}
                  label="Risk register"
                  selectedKey={openRisk}
                  initialSort={{ key: "id", descending: false }}
                  empty={<p className="muted">No risk matches the filters.</p>}
                />
              )}
            </WhenLoaded>
          </section>
          <aside className="split-side" aria-label="Heat maps">
            <WhenLoaded loaded={heatmaps.loaded} what="the heat maps">
              {(h) => (
                <>
                  <Heatmap heatmap={h.inherent} title="Inherent risk" onChoose={setCell} chosen={cell} />
                  <Heatmap heatmap={h.residual} title="Residual risk" onChoose={setCell} chosen={cell} />
                </>
              )}
            </WhenLoaded>
          </aside>
        </div>
      )}
      {openRisk ? (
        <RiskPanel
          key={openRisk}
          workspace={workspace}
          riskId={openRisk}
          levels={heatmaps.loaded.state === "ready" ? heatmaps.loaded.value.inherent : null}
          people={people}
          onClose={close}
          onChanged={changed}
        />
      ) : null}
    </main>
  );
}
