// One supplier in the side panel: its facts, latest security review, what falls due, certifications and
// history; for those whose role may change it, the edit form, certifications to file or remove, a review
// to record, and removing the supplier.
import { useState } from "react";
import { fetchSupplier, removeSupplier, type Supplier, type SupplierDetail } from "../../api/suppliers-api.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf, useResource } from "../../app/use-resource.js";
import { History } from "../../components/History.js";
import { DoneNote, ErrorNote, WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { DueMark } from "./supplier-columns.js";
import type { SupplierPeople } from "./supplier-people.js";
import { SupplierCertifications } from "./SupplierCertifications.js";
import { SupplierForm } from "./SupplierForm.js";
import { SupplierReviewForm } from "./SupplierReviewForm.js";

/** The Annex A controls the register serves: an auditor's audit must cover one. */
const supplierControls = ["5.19", "5.20", "5.21", "5.22"];

interface Props {
  workspace: string;
  supplierId: string;
  people: SupplierPeople;
  onClose: () => void;
  /** After any change: the register reloads its rows and due items. */
  onChanged: () => void;
}

function contractText(s: Supplier): string {
  if (!s.contractStart && !s.contractEnd) return "no dates on file";
  if (!s.contractEnd) return `from ${s.contractStart ?? "—"}, rolling`;
  return `${s.contractStart ?? "—"} to ${s.contractEnd}`;
}

function Facts({ detail, people }: { detail: SupplierDetail; people: SupplierPeople }) {
  const s = detail.supplier;
  return (
    <dl className="facts">
      <dt>Service</dt>
      <dd>{s.service}</dd>
      <dt>Criticality</dt>
      <dd>{s.criticality ?? <span className="muted">not rated</span>}</dd>
      <dt>Data accessed</dt>
      <dd>{s.dataAccessed ?? "—"}</dd>
      <dt>Location</dt>
      <dd>{s.location ?? "—"}</dd>
      <dt>Owner</dt>
      <dd>{people.nameOf(s.owner) || <span className="muted">none</span>}</dd>
      <dt>Contract</dt>
      <dd>{contractText(s)}</dd>
      <dt>DPA signed</dt>
      <dd>{s.dpa ? "yes" : "no"}</dd>
      <dt>Last review</dt>
      <dd>{s.lastReview ?? <span className="muted">never</span>}</dd>
      <dt>Next review</dt>
      <dd data-testid="next-review">
        {s.nextReview ?? <span className="muted">not planned</span>} <DueMark items={detail.due.filter((d) => d.kind === "review")} />
      </dd>
    </dl>
  );
}

function LatestReview({ detail }: { detail: SupplierDetail }) {
  const review = detail.latestReview;
  return (
    <section aria-label="Latest review">
      <h3>Latest security review</h3>
      {review ? (
        <p data-testid="latest-review">
          {review.on}: {review.result ?? <span className="muted">no result given</span>}
          <span className="small muted"> · recorded by {review.by.replace(/^account:/, "")}; next {review.next}</span>
        </p>
      ) : (
        <p className="muted">No review recorded.</p>
      )}
      {detail.due.length > 0 ? (
        <ul className="plain small" aria-label="Due for this supplier">
          {detail.due.map((d) => (
            <li key={`${d.kind} ${d.what}`} className={d.overdue ? "bad-text" : undefined}>
              {d.due}: {d.what}
              {d.overdue ? " (overdue)" : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function RemoveSupplier({ workspace, supplier, onRemoved }: { workspace: string; supplier: Supplier; onRemoved: () => void }) {
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    removeSupplier(workspace, supplier.id)
      .then(onRemoved)
      .catch((e: unknown) => setError(messageOf(e)));
  return (
    <div className="form-actions">
      {asked ? (
        <>
          <span>Remove {supplier.name} from the register?</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            Yes, remove
          </button>
          <button type="button" onClick={() => setAsked(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="quiet" onClick={() => setAsked(true)}>
          Remove supplier…
        </button>
      )}
      <ErrorNote message={error} />
    </div>
  );
}

export function SupplierPanel({ workspace, supplierId, people, onClose, onChanged }: Props) {
  const { principal } = useWorkspace();
  const detail = useResource(`supplier ${workspace} ${supplierId}`, () => fetchSupplier(workspace, supplierId));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const supplier = detail.loaded.state === "ready" ? detail.loaded.value.supplier : null;
  const changed = (message: string) => {
    setNotice(message);
    detail.reload();
    onChanged();
  };

  return (
    <SidePanel title={supplier ? `${supplier.id} · ${supplier.name}` : supplierId} label={`Supplier ${supplierId}`} onClose={onClose}>
      <WhenLoaded loaded={detail.loaded} what={supplierId}>
        {(d) => {
          const resource = { id: d.supplier.id, owner: d.supplier.owner, controlIds: supplierControls };
          const mayChange = allows(principal, "update", "suppliers", resource);
          return (
            <>
              <DoneNote message={notice} />
              {editing ? (
                <SupplierForm
                  workspace={workspace}
                  people={people.list}
                  supplier={d.supplier}
                  onSaved={(saved) => {
                    setEditing(false);
                    changed(`Saved ${saved.id}.`);
                  }}
                  onCancel={() => setEditing(false)}
                />
              ) : (
                <>
                  <Facts detail={d} people={people} />
                  {mayChange ? (
                    <div className="form-actions">
                      <button type="button" onClick={() => setEditing(true)}>
                        Edit
                      </button>
                    </div>
                  ) : null}
                </>
              )}
              <LatestReview detail={d} />
              {mayChange ? <SupplierReviewForm workspace={workspace} supplier={d.supplier} onRecorded={(_s, message) => changed(message)} /> : null}
              <SupplierCertifications workspace={workspace} supplier={d.supplier} asOf={d.asOf} mayChange={mayChange} onChanged={(_s, message) => changed(message)} />
              {allows(principal, "read", "audit-log") ? <History workspace={workspace} entity={`suppliers:${d.supplier.id}`} version={JSON.stringify(d.supplier)} /> : null}
              {allows(principal, "delete", "suppliers", resource) ? (
                <RemoveSupplier
                  workspace={workspace}
                  supplier={d.supplier}
                  onRemoved={() => {
                    onChanged();
                    onClose();
                  }}
                />
              ) : null}
            </>
          );
        }}
      </WhenLoaded>
    </SidePanel>
  );
}
