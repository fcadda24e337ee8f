// The certifications on file for a supplier (A.5.22): each with its expiry, and for those who may change
// the supplier, a button to take one off file and a form to file one (a renewal replaces the same name).
import { useState, type FormEvent } from "react";
import { fileCertification, withdrawCertification, type Supplier } from "../../api/suppliers-api.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";
import { CertificationText } from "./supplier-columns.js";

interface Props {
  workspace: string;
  supplier: Supplier;
  asOf: string;
  mayChange: boolean;
  onChanged: (supplier: Supplier, message: string) => void;
}

export function SupplierCertifications({ workspace, supplier, asOf, mayChange, onChanged }: Props) {
  const [name, setName] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [reportRef, setReportRef] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (work: Promise<{ supplier: Supplier; message: string }>, after?: () => void) => {
    setBusy(true);
    setError(null);
    work
      .then(({ supplier: saved, message }) => {
        after?.();
        onChanged(saved, message);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  const file = (event: FormEvent) => {
    event.preventDefault();
    const input = { name: name.trim(), ...(validUntil ? { validUntil } : {}), ...(reportRef.trim() ? { reportRef: reportRef.trim() } : {}) };
    run(
      fileCertification(workspace, supplier.id, input).then((a) => ({ supplier: a.supplier, message: `${a.renewed ? "Renewed" : "Filed"} ${a.certification.name} for ${supplier.id}.` })),
      () => {
        setName("");
        setValidUntil("");
        setReportRef("");
      },
    );
  };

  return (
    <section aria-label="Certifications">
      <h3>Certifications</h3>
      {supplier.certifications.length === 0 ? (
        <p className="muted">None on file.{mayChange ? " File the supplier's ISO/IEC 27001 certificate or SOC 2 report below." : ""}</p>
      ) : (
        <ul className="plain">
          {supplier.certifications.map((c) => (
            <li key={c.name} className="cert-row">
              <CertificationText certification={c} asOf={asOf} />
              {c.reportRef ? <span className="small muted"> · {c.reportRef}</span> : null}
              {mayChange ? (
                <button type="button" className="quiet small" disabled={busy} aria-label={`Remove ${c.name}`} onClick={() => run(withdrawCertification(workspace, supplier.id, c.name).then((a) => ({ supplier: a.supplier, message: `Removed ${c.name} from ${supplier.id}.` })))}>
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayChange ? (
        <form className="edit-form" aria-label="File a certification" onSubmit={file}>
          <fieldset>
            <legend>File a certification</legend>
            <label className="field inline">
              <span className="field-label">Name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder="ISO/IEC 27001" required />
            </label>
            <label className="field inline">
              <span className="field-label">Valid until</span>
              <input type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
            </label>
            <label className="field inline">
              <span className="field-label">Report kept at</span>
              <input value={reportRef} onChange={(e) => setReportRef(e.target.value)} placeholder="Vendor trust portal" />
            </label>
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              File certification
            </button>
          </div>
        </form>
      ) : null}
      <ErrorNote message={error} />
    </section>
  );
}
