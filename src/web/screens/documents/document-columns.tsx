// The document register's columns: what each shows and sorts by. The id opens the document's side panel.
import type { DocumentRow } from "../../api/schemas.js";
import type { People } from "../../app/people.js";
import { hrefOf } from "../../app/router.js";
import type { Column } from "../../components/VirtualTable.js";

/** The pill class of a document or version status: in force is good, waiting is a warning. */
export const statusClass = (status: string): string =>
  status === "published" || status === "generated" ? "pill good" : status === "missing" || status === "no version" ? "pill bad" : status === "superseded" ? "pill" : "pill warn";

export function documentColumns(workspace: string, people: People): Column<DocumentRow>[] {
  return [
    {
      key: "id",
      label: "ID",
      width: "12.5rem",
      sortValue: (d) => d.id,
      render: (d) => (
        <a href={hrefOf({ page: "section", workspace, section: "documents", item: d.id })} title={`Open ${d.id}`}>
          {d.id}
        </a>
      ),
    },
    { key: "title", label: "Document", sortValue: (d) => d.title, render: (d) => <span title={d.title}>{d.title}</span> },
    { key: "kind", label: "Kind", width: "9rem", sortValue: (d) => d.kind, render: (d) => d.kind },
    { key: "owner", label: "Owner", width: "12rem", sortValue: (d) => people.nameOf(d.owner) || null, render: (d) => <span title={people.nameOf(d.owner)}>{people.nameOf(d.owner) || "—"}</span> },
    { key: "status", label: "Status", width: "7.5rem", sortValue: (d) => d.status, render: (d) => <span className={statusClass(d.status)}>{d.status.replace("_", " ")}</span> },
    { key: "inForce", label: "In force", width: "5rem", sortValue: (d) => d.versionInForce, render: (d) => (d.versionInForce ? `v${d.versionInForce}` : <span className="muted">—</span>) },
    { key: "review", label: "Next review", width: "7rem", sortValue: (d) => d.nextReview, render: (d) => d.nextReview ?? <span className="muted">—</span> },
  ];
}
