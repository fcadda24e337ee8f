// The evidence table's columns: what each shows and sorts by. The id opens the record's side panel.
import type { Evidence } from "../../api/schemas.js";
import { hrefOf } from "../../app/router.js";
import type { Column } from "../../components/VirtualTable.js";

/** Where a record came from, in a few words: "upload by P-001", "aws-snapshot 1234… eu-west-1 iam". */
export function sourceSummary(source: Evidence["source"]): string {
  const parts = ["kind", "uploader", "account", "region", "service", "operation"].map((key) => source[key]).filter((v): v is string => typeof v === "string" && v !== "");
  return parts.join(" · ") || "—";
}

export function evidenceColumns(workspace: string): Column<Evidence>[] {
  return [
    {
      key: "id",
      label: "ID",
      width: "6rem",
      sortValue: (e) => e.id,
      render: (e) => (
        <a href={hrefOf({ page: "section", workspace, section: "evidence", item: e.id })} title={`Open ${e.id}`}>
          {e.id}
        </a>
      ),
    },
    { key: "title", label: "Evidence", sortValue: (e) => e.title, render: (e) => <span title={e.title ?? undefined}>{e.title ?? <span className="muted">untitled</span>}</span> },
    { key: "kind", label: "Kind", width: "9rem", sortValue: (e) => e.kind, render: (e) => e.kind },
    { key: "controls", label: "Controls", width: "10rem", sortValue: (e) => e.controlIds.join(" ") || null, render: (e) => <span title={e.controlIds.join(", ")}>{e.controlIds.join(", ") || "—"}</span> },
    { key: "source", label: "Source", width: "13rem", render: (e) => <span title={sourceSummary(e.source)}>{sourceSummary(e.source)}</span> },
    { key: "collected", label: "Collected", width: "9.5rem", sortValue: (e) => e.collectedAt, render: (e) => e.collectedAt.slice(0, 16).replace("T", " ") },
  ];
}
