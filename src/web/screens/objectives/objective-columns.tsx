// The objectives table's columns: what each shows and sorts by. The id opens the objective's side panel.
import type { ObjectiveRow } from "../../api/objectives-api.js";
import { hrefOf } from "../../app/router.js";
import type { Column } from "../../components/VirtualTable.js";
import { formatValue, metClass, metText, targetText, trendLabel } from "./objective-text.js";
import { Sparkline } from "./Sparkline.js";

const ownerOf = (o: ObjectiveRow) => (o.owner ? `${o.ownerName ?? o.owner}` : null);

export function objectiveColumns(workspace: string): Column<ObjectiveRow>[] {
  return [
    {
      key: "id",
      label: "ID",
      width: "6.5rem",
      sortValue: (o) => o.id,
      render: (o) => (
        <a href={hrefOf({ page: "section", workspace, section: "objectives", item: o.id })} title={`Open ${o.id}`}>
          {o.id}
        </a>
      ),
    },
    { key: "title", label: "Objective", sortValue: (o) => o.title, render: (o) => <span title={o.title}>{o.title}</span> },
    { key: "owner", label: "Owner", width: "10rem", sortValue: ownerOf, render: (o) => <span title={o.owner ?? undefined}>{ownerOf(o) ?? "—"}</span> },
    { key: "target", label: "Target", width: "8rem", sortValue: (o) => o.targetValue, render: (o) => <span title={o.target ?? undefined}>{targetText(o)}</span> },
    {
      key: "latest",
      label: "Latest",
      width: "6.5rem",
      align: "right",
      sortValue: (o) => o.latest?.value ?? null,
      render: (o) => (
        <span data-testid={`latest-${o.id}`} title={o.latest ? `measured on ${o.latest.measuredOn}` : undefined}>
          {o.latest ? formatValue(o.latest.value, o.unit) : "—"}
        </span>
      ),
    },
    {
      key: "met",
      label: "On target?",
      width: "8.5rem",
      sortValue: (o) => (o.met === null ? null : o.met ? 1 : 0),
      render: (o) => (
        <span className={metClass(o.met)} data-testid={`met-${o.id}`}>
          {metText(o.met, o.latest !== null)}
        </span>
      ),
    },
    { key: "trend", label: "Trend", width: "7rem", render: (o) => <Sparkline values={o.values} targetValue={o.targetValue} met={o.met} label={trendLabel(o)} /> },
    { key: "due", label: "Due", width: "6.5rem", sortValue: (o) => o.dueDate, render: (o) => o.dueDate ?? <span className="muted">—</span> },
    { key: "status", label: "Status", width: "7rem", sortValue: (o) => o.status, render: (o) => <span className={`pill status-${o.status}`}>{o.status}</span> },
  ];
}
