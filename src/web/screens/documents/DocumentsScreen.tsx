// Documented information (7.5): the mandatory-documents checklist (each requirement's state and what it
// lacks) and the document register, one document at a time in a side panel.
import { useCallback, useMemo, useState } from "react";
import { fetchDocuments } from "../../api/endpoints.js";
import type { DocumentList, DocumentRow } from "../../api/schemas.js";
import { counted } from "../../app/counted.js";
import { usePeople } from "../../app/people.js";
import { navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { VirtualTable } from "../../components/VirtualTable.js";
import { Checklist } from "./Checklist.js";
import { documentColumns } from "./document-columns.js";
import { DocumentPanel } from "./DocumentPanel.js";

type Tab = "checklist" | "register";

function matches(doc: DocumentRow, words: string[], ownerName: string): boolean {
  const text = [doc.id, doc.title, doc.kind, doc.status, ownerName, doc.controls.join(" "), doc.clauses.join(" ")].join(" ").toLowerCase();
  return words.every((w) => text.includes(w));
}

export function DocumentsScreen({ openDocument }: { openDocument: string | null }) {
  const { workspace } = useWorkspace();
  const people = usePeople(workspace);
  const documents = useResource(`documents ${workspace}`, () => fetchDocuments(workspace));
  const [tab, setTab] = useState<Tab>("checklist");
  const [filter, setFilter] = useState("");
  const all = documents.loaded.state === "ready" ? documents.loaded.value.documents : [];
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
    return all.filter((d) => matches(d, words, people.nameOf(d.owner)));
  }, [all, filter, people]);
  const columns = useMemo(() => documentColumns(workspace, people), [workspace, people]);
  const close = useCallback(() => navigate({ page: "section", workspace, section: "documents" }), [workspace]);
  const reload = documents.reload;

  return (
    <main className="page soa-page" aria-labelledby="documents-title">
      <div className="page-head">
        <h1 id="documents-title">Documents</h1>
        <div className="tabs" role="tablist" aria-label="Document views">
          <button type="button" role="tab" aria-selected={tab === "checklist"} onClick={() => setTab("checklist")}>
            Mandatory documents
          </button>
          <button type="button" role="tab" aria-selected={tab === "register"} onClick={() => setTab("register")}>
            Register
          </button>
        </div>
      </div>
      {tab === "checklist" ? (
        <WhenLoaded loaded={documents.loaded} what="the mandatory documents">
          {(list: DocumentList) => <Checklist list={list} workspace={workspace} />}
        </WhenLoaded>
      ) : (
        <>
          <div className="toolbar">
            <input type="search" placeholder="Filter: id, title, kind, status, owner, control" aria-label="Filter documents" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <span className="muted count" data-testid="document-count">
              {counted(shown.length, "document", all.length)}
            </span>
          </div>
          <WhenLoaded loaded={documents.loaded} what="the document register">
            {() => (
              <VirtualTable
                rows={shown}
                columns={columns}
                rowKey={(d) => d.id}
                label="Document register"
                selectedKey={openDocument}
                initialSort={{ key: "id", descending: false }}
                empty={<p className="muted">No document matches the filter.</p>}
              />
            )}
          </WhenLoaded>
        </>
      )}
      {openDocument ? <DocumentPanel key={openDocument} workspace={workspace} documentId={openDocument} people={people} onClose={close} onChanged={reload} /> : null}
    </main>
  );
}
