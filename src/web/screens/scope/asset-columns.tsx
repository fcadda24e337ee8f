// The asset register's columns: what each shows and sorts by. The id opens the asset's side panel.
import type { Asset } from "../../api/scope-api.js";
import { hrefOf } from "../../app/router.js";
import type { Column } from "../../components/VirtualTable.js";

export function assetColumns(workspace: string, nameOf: (id: string | null) => string): Column<Asset>[] {
  return [
    {
      key: "id",
      label: "ID",
      width: "6.5rem",
      sortValue: (a) => a.id,
      render: (a) => (
        <a href={hrefOf({ page: "section", workspace, section: "scope", item: a.id })} title={`Open ${a.id}`}>
          {a.id}
        </a>
      ),
    },
    { key: "name", label: "Asset", sortValue: (a) => a.name, render: (a) => <span title={a.name}>{a.name}</span> },
    { key: "kind", label: "Kind", width: "9rem", sortValue: (a) => a.kind, render: (a) => a.kind },
    { key: "owner", label: "Owner", width: "11rem", sortValue: (a) => nameOf(a.owner) || null, render: (a) => <span title={nameOf(a.owner)}>{nameOf(a.owner) || "—"}</span> },
    { key: "classification", label: "Classification", width: "8.5rem", sortValue: (a) => a.classification, render: (a) => a.classification ?? <span className="muted">—</span> },
    { key: "inScope", label: "In scope", width: "5.5rem", sortValue: (a) => (a.inScope ? "yes" : "no"), render: (a) => (a.inScope ? "yes" : <span className="muted">no</span>) },
    { key: "location", label: "Location", width: "8rem", sortValue: (a) => a.location, render: (a) => <span title={a.location ?? ""}>{a.location ?? "—"}</span> },
  ];
}
