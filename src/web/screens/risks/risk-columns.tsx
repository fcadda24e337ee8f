// The risk register's columns: what each shows and sorts by. The id opens the risk's side panel.
import type { Heatmap, RiskRow } from "../../api/schemas.js";
import type { People } from "../../app/people.js";
import { hrefOf } from "../../app/router.js";
import { ScoreBand } from "../../components/Band.js";
import type { Column } from "../../components/VirtualTable.js";

export function riskColumns(workspace: string, bands: Heatmap["bands"], people: People): Column<RiskRow>[] {
  return [
    {
      key: "id",
      label: "ID",
      width: "5.5rem",
      sortValue: (r) => r.id,
      render: (r) => (
        <a href={hrefOf({ page: "section", workspace, section: "risks", item: r.id })} title={`Open ${r.id}`}>
          {r.id}
        </a>
      ),
    },
    { key: "title", label: "Risk", sortValue: (r) => r.title, render: (r) => <span title={r.title}>{r.title}</span> },
    { key: "owner", label: "Owner", width: "11rem", sortValue: (r) => people.nameOf(r.owner) || null, render: (r) => <span title={people.nameOf(r.owner)}>{people.nameOf(r.owner) || "—"}</span> },
    { key: "likelihood", label: "L", width: "3rem", align: "right", sortValue: (r) => r.likelihood, render: (r) => r.likelihood ?? "—" },
    { key: "impact", label: "I", width: "3rem", align: "right", sortValue: (r) => r.impact, render: (r) => r.impact ?? "—" },
    { key: "inherent", label: "Inherent", width: "7.5rem", sortValue: (r) => r.inherentScore, render: (r) => <ScoreBand score={r.inherentScore} band={r.inherentBand} bands={bands} /> },
    { key: "decision", label: "Decision", width: "6.5rem", sortValue: (r) => r.decision, render: (r) => r.decision ?? <span className="muted">—</span> },
    { key: "residual", label: "Residual", width: "7.5rem", sortValue: (r) => r.residualScore, render: (r) => <ScoreBand score={r.residualScore} band={r.residualBand} bands={bands} /> },
    { key: "status", label: "Status", width: "6rem", sortValue: (r) => r.status, render: (r) => <span className={`pill status-${r.status}`}>{r.status}</span> },
  ];
}
