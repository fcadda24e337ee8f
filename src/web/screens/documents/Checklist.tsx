// The documents ISO/IEC 27001 requires (4.3, 5.2, 6.1.2 … 10.2), each with its state, the documents that
// meet it and what keeps it from being audit-ready; then the other documents under control.
import type { ChecklistEntry, DocumentList } from "../../api/schemas.js";
import { hrefOf } from "../../app/router.js";
import { statusClass } from "./document-columns.js";

function Entries({ entries, workspace, label }: { entries: ChecklistEntry[]; workspace: string; label: string }) {
  return (
    <table className="grid" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" style={{ width: "14rem" }}>
            Requirement
          </th>
          <th scope="col" style={{ width: "8rem" }}>
            Clause
          </th>
          <th scope="col" style={{ width: "7.5rem" }}>
            State
          </th>
          <th scope="col" style={{ width: "11rem" }}>
            Documents
          </th>
          <th scope="col">Missing</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid={`checklist-${e.id}`}>
            <td>{e.name}</td>
            <td className="muted small">{e.refs.join(", ")}</td>
            <td>
              <span className={e.missing.length > 0 && e.state !== "missing" ? "pill warn" : statusClass(e.state)}>{e.state.replace("_", " ")}</span>
            </td>
            <td>
              {e.documents.length === 0 ? (
                <span className="muted">—</span>
              ) : (
                e.documents.map((d) => (
                  <a key={d.id} className="tag" href={hrefOf({ page: "section", workspace, section: "documents", item: d.id })} title={`${d.title} (${d.status})`}>
                    {d.id}
                    {d.version ? ` v${d.version}` : ""}
                  </a>
                ))
              )}
            </td>
            <td className="small">
              {e.missing.length === 0 ? (
                <span className="good-text">nothing</span>
              ) : (
                <ul className="plain">
                  {e.missing.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Checklist({ list, workspace }: { list: DocumentList; workspace: string }) {
  const ready = list.required.filter((e) => e.missing.length === 0).length;
  return (
    <div className="table-wrap tall">
      <p className="muted small" data-testid="checklist-summary">
        {ready} of {list.required.length} mandatory documents have nothing missing (as of {list.asOf.slice(0, 10)}).
      </p>
      <Entries entries={list.required} workspace={workspace} label="Mandatory documents" />
      {list.other.length > 0 ? (
        <>
          <h2 className="section-title">Other documents</h2>
          <Entries entries={list.other} workspace={workspace} label="Other documents" />
        </>
      ) : null}
    </div>
  );
}
