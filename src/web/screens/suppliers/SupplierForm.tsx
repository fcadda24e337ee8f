// The fields of a supplier (A.5.19, A.5.20): adding one to the register, or changing one in its side
// panel, where only the fields the person changed are sent and an emptied field is cleared.
import { useState, type FormEvent } from "react";
import { addSupplier, changeSupplier, supplierCriticalities, type Supplier, type SupplierFields } from "../../api/suppliers-api.js";
import { messageOf } from "../../app/use-resource.js";
import { ErrorNote } from "../../components/Notes.js";
import type { Person } from "./supplier-people.js";

type Values = Record<"name" | "service" | "dataAccessed" | "criticality" | "location" | "owner" | "contractStart" | "contractEnd" | "nextReview", string> & { dpa: boolean };

const blank: Values = { name: "", service: "", dataAccessed: "", criticality: "", location: "", owner: "", contractStart: "", contractEnd: "", nextReview: "", dpa: false };

function valuesOf(s: Supplier): Values {
  return {
    name: s.name,
    service: s.service,
    dataAccessed: s.dataAccessed ?? "",
    criticality: s.criticality ?? "",
    location: s.location ?? "",
    owner: s.owner ?? "",
    contractStart: s.contractStart ?? "",
    contractEnd: s.contractEnd ?? "",
    nextReview: s.nextReview ?? "",
    dpa: s.dpa,
  };
}

const optionalKeys = ["dataAccessed", "criticality", "location", "owner", "contractStart", "contractEnd", "nextReview"] as const;

/** What the API is sent: for a change, only the fields that differ from `from` (empty → null). */
function fieldsOf(values: Values, from: Values | null): SupplierFields {
  const fields: SupplierFields = {};
  if (!from || values.name !== from.name) fields.name = values.name.trim();
  if (!from || values.service !== from.service) fields.service = values.service.trim();
  for (const key of optionalKeys) {
    const value = values[key].trim();
    if (from ? values[key] !== from[key] : value !== "") fields[key] = value === "" ? null : value;
  }
  if (!from ? values.dpa : values.dpa !== from.dpa) fields.dpa = values.dpa;
  return fields;
}

interface Props {
  workspace: string;
  people: Person[];
  /** The supplier to change; without it, the form adds one. */
  supplier?: Supplier;
  onSaved: (supplier: Supplier) => void;
  onCancel: () => void;
}

export function SupplierForm({ workspace, people, supplier, onSaved, onCancel }: Props) {
  const initial = supplier ? valuesOf(supplier) : blank;
  const [values, setValues] = useState<Values>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const owners = values.owner && !people.some((p) => p.id === values.owner) ? [...people, { id: values.owner, name: values.owner }] : people;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = fieldsOf(values, supplier ? initial : null);
    if (supplier && Object.keys(fields).length === 0) {
      setError("Nothing changed: change a field first, or cancel");
      return;
    }
    setBusy(true);
    setError(null);
    const saving = supplier ? changeSupplier(workspace, supplier.id, fields) : addSupplier(workspace, { ...fields, name: values.name.trim(), service: values.service.trim() });
    saving
      .then(({ supplier: saved }) => onSaved(saved))
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  const textField = (key: keyof Omit<Values, "dpa">, label: string, options: { type?: string; required?: boolean; placeholder?: string; focus?: boolean } = {}) => (
    <label className="field inline">
      <span className="field-label">{label}</span>
      <input type={options.type ?? "text"} value={values[key]} onChange={(e) => set(key)(e.target.value)} required={options.required} placeholder={options.placeholder} autoFocus={options.focus} />
    </label>
  );

  return (
    <form className="edit-form" aria-label={supplier ? `Edit ${supplier.id}` : "Add a supplier"} onSubmit={submit}>
      <fieldset>
        <legend>{supplier ? `Edit ${supplier.id}` : "Add a supplier"}</legend>
        {textField("name", "Name", { required: true, placeholder: "Stripe", focus: true })}
        {textField("service", "Service", { required: true, placeholder: "Payments" })}
        {textField("dataAccessed", "Data accessed", { placeholder: "Customer billing details" })}
        <label className="field inline">
          <span className="field-label">Criticality</span>
          <select value={values.criticality} onChange={(e) => set("criticality")(e.target.value)}>
            <option value="">— not rated</option>
            {supplierCriticalities.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {textField("location", "Location", { placeholder: "EU (Ireland)" })}
        <label className="field inline">
          <span className="field-label">Owner</span>
          <select value={values.owner} onChange={(e) => set("owner")(e.target.value)}>
            <option value="">— none</option>
            {owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name === p.id ? p.id : `${p.name} (${p.id})`}
              </option>
            ))}
          </select>
        </label>
        {textField("contractStart", "Contract start", { type: "date" })}
        {textField("contractEnd", "Contract end", { type: "date" })}
        <label className="field inline">
          <span className="field-label">DPA signed</span>
          <input type="checkbox" checked={values.dpa} onChange={(e) => setValues((v) => ({ ...v, dpa: e.target.checked }))} />
        </label>
        {supplier ? textField("nextReview", "Next review", { type: "date" }) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {supplier ? "Save" : "Add supplier"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
