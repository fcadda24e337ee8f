// One controlled document in the side panel (7.5.2, 7.5.3): owner, approver, scope of controls, its
// versions with their status, the PDF and DOCX downloads, and the next lifecycle step for those whose
// role may take it (submit a draft; approve what is in review; publish what is approved).
import { useState } from "react";
import { documentExportHref, fetchDocument, moveDocument } from "../../api/endpoints.js";
import type { DocumentDetail, DocumentRow } from "../../api/schemas.js";
import { allows } from "../../app/access.js";
import type { People } from "../../app/people.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf, useResource } from "../../app/use-resource.js";
import { ErrorNote, WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { statusClass } from "./document-columns.js";

interface Props {
  workspace: string;
  documentId: string;
  people: People;
  onClose: () => void;
  onChanged: () => void;
}

type Step = "submit" | "approve" | "publish";

/** The step the newest version waits for, by its status. */
const nextStep: Record<string, Step | undefined> = { draft: "submit", in_review: "approve", approved: "publish" };
const stepLabels: Record<Step, string> = { submit: "Submit for review", approve: "Approve", publish: "Publish" };

function Facts({ doc, people }: { doc: DocumentRow; people: People }) {
  return (
    <dl className="facts">
      <dt>Status</dt>
      <dd data-testid="document-status">
        <span className={statusClass(doc.status)}>{doc.status.replace("_", " ")}</span>
      </dd>
      <dt>In force</dt>
      <dd>{doc.versionInForce ? `v${doc.versionInForce}` : <span className="muted">no version yet</span>}</dd>
      <dt>Kind</dt>
      <dd>{doc.kind}</dd>
      <dt>Owner</dt>
      <dd>{people.nameOf(doc.owner) || <span className="muted">none</span>}</dd>
      <dt>Approver</dt>
      <dd>{people.nameOf(doc.approver) || <span className="muted">none named</span>}</dd>
      <dt>Classification</dt>
      <dd>{doc.classification ?? "—"}</dd>
      <dt>Clauses</dt>
      <dd>{doc.clauses.join(", ") || "—"}</dd>
      <dt>Controls</dt>
      <dd>{doc.controls.join(", ") || "—"}</dd>
      <dt>Next review</dt>
      <dd>{doc.nextReview ?? "—"}</dd>
    </dl>
  );
}

function Versions({ detail, workspace, people }: { detail: DocumentDetail; workspace: string; people: People }) {
  return (
    <section aria-label="Versions">
      <h3>Versions</h3>
      <table className="grid" aria-label="Versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Author</th>
            <th scope="col">Approved</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {[...detail.versions].reverse().map((v) => (
            <tr key={v.version}>
              <td title={v.changeSummary ?? undefined}>v{v.version}</td>
              <td>
                <span className={statusClass(v.status)}>{v.status.replace("_", " ")}</span>
              </td>
              <td className="small">{people.nameOf(v.author) || "—"}</td>
              <td className="small" title={v.sha256 ? `SHA-256 ${v.sha256}` : undefined}>
                {v.approvedBy ? `${people.nameOf(v.approvedBy)}, ${(v.approvedAt ?? "").slice(0, 10)}` : <span className="muted">—</span>}
              </td>
              <td className="small">
                <a href={documentExportHref(workspace, detail.document.id, "pdf", v.version)} download>
                  PDF
                </a>{" "}
                <a href={documentExportHref(workspace, detail.document.id, "docx", v.version)} download>
                  DOCX
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Lifecycle({ detail, workspace, onMoved }: { detail: DocumentDetail; workspace: string; onMoved: () => void }) {
  const { principal } = useWorkspace();
  const [by, setBy] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const doc = detail.document;
  const newest = detail.versions.at(-1);
  const step = newest ? nextStep[newest.status] : undefined;
  const resource = { id: doc.id, owner: doc.owner, clauses: doc.clauses, controlIds: doc.controls };
  const permitted = step !== undefined && allows(principal, step === "submit" ? "update" : "approve", "documents", resource);
  if (!newest || !step || !permitted) return null;
  const move = async () => {
    setBusy(true);
    setError(null);
    try {
      await moveDocument(workspace, doc.id, step, step === "approve" ? by.trim() : undefined);
      setBy("");
      onMoved();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="edit-form"
      aria-label={`Lifecycle of ${doc.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void move();
      }}
    >
      {step === "approve" ? (
        <label className="field inline">
          <span className="field-label">Approved by</span>
          <input value={by} onChange={(e) => setBy(e.target.value)} placeholder={doc.approver ? `default: ${doc.approver}` : "a person's id, name or email"} />
        </label>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {stepLabels[step]} v{newest.version}
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}

export function DocumentPanel({ workspace, documentId, people, onClose, onChanged }: Props) {
  const detail = useResource(`document ${workspace} ${documentId}`, () => fetchDocument(workspace, documentId));
  const doc = detail.loaded.state === "ready" ? detail.loaded.value.document : null;
  return (
    <SidePanel title={doc ? `${doc.id} · ${doc.title}` : documentId} label={`Document ${documentId}`} onClose={onClose}>
      <WhenLoaded loaded={detail.loaded} what={documentId}>
        {(d) => (
          <>
            <Facts doc={d.document} people={people} />
            <Lifecycle
              detail={d}
              workspace={workspace}
              onMoved={() => {
                detail.reload();
                onChanged();
              }}
            />
            <Versions detail={d} workspace={workspace} people={people} />
          </>
        )}
      </WhenLoaded>
    </SidePanel>
  );
}
