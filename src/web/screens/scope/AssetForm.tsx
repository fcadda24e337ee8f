// Adding an asset to the inventory, or changing one in its side panel (A.5.9, A.5.12): name, kind, owner,
// classification, whether it is in scope, location, description and its identity elsewhere. A change
// sends only the fields changed; an emptied field is cleared.
import { useState, type FormEvent } from "react";
import { suggestedAssetKinds, type Asset, type AssetFields } from "../../api/scope-api.js";
import { messageOf } from "../../app/use-resource.js";
import { DoneNote, ErrorNote } from "../../components/Notes.js";

const textFields = ["name", "kind", "owner", "classification", "location", "description", "externalRef"] as const;
type Values = Record<(typeof textFields)[number], string> & { inScope: boolean };

const labels: Record<(typeof textFields)[number], string> = {
  name: "Name",
  kind: "Kind",
  owner: "Owner",
  classification: "Classification",
  location: "Location",
  description: "Description",
  externalRef: "External ref",
};

function valuesOf(a: Asset | null): Values {
  return {
    name: a?.name ?? "",
    kind: a?.kind ?? "",
    owner: a?.owner ?? "",
    classification: a?.classification ?? "",
    location: a?.location ?? "",
    description: a?.description ?? "",
    externalRef: a?.externalRef ?? "",
    inScope: a?.inScope ?? true,
  };
}

function changesBetween(before: Values, after: Values): AssetFields {
  const changes: AssetFields = {};
  for (const field of textFields) {
    const value = after[field].trim();
    if (value === before[field].trim()) continue;
    if (field === "name" || field === "kind") changes[field] = value;
    else changes[field] = value === "" ? null : value;
  }
  if (after.inScope !== before.inScope) changes.inScope = after.inScope;
  return changes;
}

interface Props {
  /** The asset to change; null to add one. */
  asset: Asset | null;
  people: { id: string; name: string }[];
  classifications: string[];
  save: (fields: AssetFields) => Promise<unknown>;
  onCancel?: () => void;
}

export function AssetForm({ asset, people, classifications, save, onCancel }: Props) {
  const [start, setStart] = useState(() => valuesOf(asset));
  const [values, setValues] = useState(start);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = asset?.id ?? "new";
  const set = (field: (typeof textFields)[number], value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes = changesBetween(start, values);
    if (Object.keys(changes).length === 0) return setSaved("Nothing changed.");
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await save(changes);
      if (asset) {
        setStart(values);
        setSaved("Saved.");
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const lists: Partial<Record<(typeof textFields)[number], string>> = { kind: `kinds-${key}`, owner: `owners-${key}`, classification: `classes-${key}` };
  return (
    <form className="edit-form" aria-label={asset ? `Change ${asset.id}` : "Add asset"} onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{asset ? "Change this asset" : "Add an asset"}</legend>
        {textFields.map((field) => (
          <label key={field} className="field inline">
            <span className="field-label">{labels[field]}</span>
            <input
              value={values[field]}
              onChange={(e) => set(field, e.target.value)}
              list={lists[field]}
              required={!asset && (field === "name" || field === "kind")}
              placeholder={field === "owner" ? "person id or name" : field === "externalRef" ? "ARN or account id" : undefined}
            />
          </label>
        ))}
        <label className="field inline">
          <span className="field-label">In scope</span>
          <input type="checkbox" checked={values.inScope} onChange={(e) => setValues((v) => ({ ...v, inScope: e.target.checked }))} />
        </label>
      </fieldset>
      <datalist id={`kinds-${key}`}>
        {suggestedAssetKinds.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <datalist id={`owners-${key}`}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </datalist>
      <datalist id={`classes-${key}`}>
        {classifications.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <ErrorNote message={error} />
      <DoneNote message={saved} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : asset ? "Save changes" : "Add asset"}
        </button>
        {asset ? (
          <button type="button" disabled={busy} onClick={() => setValues(start)}>
            Undo edits
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
