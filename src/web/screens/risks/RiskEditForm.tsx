// Changing a risk in its side panel: likelihood and impact (per criterion when the methodology rates
// several), the residual ratings, owner, decision and status. Only changed fields are sent; the server
// scores them under the methodology in force. Enter saves.
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { riskDecisions } from "../../../domain/risk/methodology.js";
import { riskStatuses } from "../../../domain/risk/risk.js";
import { changeRisk, type RiskChanges } from "../../api/endpoints.js";
import type { Heatmap, Risk } from "../../api/schemas.js";
import type { People } from "../../app/people.js";
import { messageOf } from "../../app/use-resource.js";
import { DoneNote, ErrorNote } from "../../components/Notes.js";

interface Props {
  workspace: string;
  risk: Risk;
  levels: Pick<Heatmap, "likelihoodLevels" | "impactLevels">;
  people: People;
  onSaved: (risk: Risk) => void;
}

type Levels = Heatmap["likelihoodLevels"];

function LevelSelect({ label, levels, value, onChange, allowNone }: { label: string; levels: Levels; value: string; onChange: (v: string) => void; allowNone?: boolean }) {
  return (
    <label className="field inline">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {allowNone || value === "" ? <option value="">— not rated</option> : null}
        {levels.map((l) => (
          <option key={l.value} value={String(l.value)}>
            {l.value} {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const text = (n: number | null | undefined) => (n == null ? "" : String(n));

function isDecision(value: string): value is (typeof riskDecisions)[number] {
  return riskDecisions.some((d) => d === value);
}
function isStatus(value: string): value is (typeof riskStatuses)[number] {
  return riskStatuses.some((s) => s === value);
}

/** The form's values as they started: to send only what the person changed. */
function initialValues(risk: Risk) {
  return {
    likelihood: text(risk.likelihood),
    impact: text(risk.impact),
    impacts: Object.fromEntries(Object.entries(risk.impacts).map(([k, v]) => [k, String(v)])),
    residualLikelihood: text(risk.residualLikelihood),
    residualImpact: text(risk.residualImpact),
    owner: risk.owner ?? "",
    decision: risk.decision ?? "",
    status: risk.status,
  };
}
type Values = ReturnType<typeof initialValues>;

function changesBetween(before: Values, after: Values): RiskChanges {
  const changes: RiskChanges = {};
  if (after.likelihood !== before.likelihood && after.likelihood !== "") changes.likelihood = Number(after.likelihood);
  const criteria = Object.keys(before.impacts);
  if (criteria.length > 0) {
    if (criteria.some((c) => after.impacts[c] !== before.impacts[c])) changes.impacts = Object.fromEntries(criteria.map((c) => [c, Number(after.impacts[c])]));
  } else if (after.impact !== before.impact && after.impact !== "") changes.impact = Number(after.impact);
  if (after.residualLikelihood !== before.residualLikelihood && after.residualLikelihood !== "") changes.residualLikelihood = Number(after.residualLikelihood);
  if (after.residualImpact !== before.residualImpact && after.residualImpact !== "") changes.residualImpact = Number(after.residualImpact);
  if (after.owner.trim() !== before.owner) changes.owner = after.owner.trim() === "" ? null : after.owner.trim();
  if (after.decision !== before.decision) changes.decision = isDecision(after.decision) ? after.decision : null;
  if (after.status !== before.status && isStatus(after.status)) changes.status = after.status;
  return changes;
}

export function RiskEditForm({ workspace, risk, levels, people, onSaved }: Props) {
  const [start, setStart] = useState(() => initialValues(risk));
  const [values, setValues] = useState(start);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Values, value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes = changesBetween(start, values);
    if (Object.keys(changes).length === 0) return setSaved("Nothing changed.");
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const answer = await changeRisk(workspace, risk.id, changes);
      const next = initialValues(answer.risk);
      setStart(next);
      setValues(next);
      setSaved(`Saved: inherent score ${answer.risk.inherentScore ?? "—"}, residual ${answer.risk.residualScore ?? "—"}.`);
      onSaved(answer.risk);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  // Enter saves from any field (a select does not submit a form by itself).
  const enterSaves = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  const criteria = Object.keys(start.impacts);
  return (
    <form className="edit-form" aria-label={`Change ${risk.id}`} onSubmit={(e) => void submit(e)} onKeyDown={enterSaves}>
      <fieldset>
        <legend>Inherent risk</legend>
        <LevelSelect label="Likelihood" levels={levels.likelihoodLevels} value={values.likelihood} onChange={(v) => set("likelihood", v)} />
        {criteria.length > 0 ? (
          criteria.map((c) => (
            <LevelSelect key={c} label={`Impact: ${c}`} levels={levels.impactLevels} value={values.impacts[c] ?? ""} onChange={(v) => setValues((old) => ({ ...old, impacts: { ...old.impacts, [c]: v } }))} />
          ))
        ) : (
          <LevelSelect label="Impact" levels={levels.impactLevels} value={values.impact} onChange={(v) => set("impact", v)} />
        )}
      </fieldset>
      <fieldset>
        <legend>Residual risk</legend>
        <LevelSelect label="Likelihood" levels={levels.likelihoodLevels} value={values.residualLikelihood} onChange={(v) => set("residualLikelihood", v)} />
        <LevelSelect label="Impact" levels={levels.impactLevels} value={values.residualImpact} onChange={(v) => set("residualImpact", v)} />
      </fieldset>
      <fieldset>
        <legend>Treatment</legend>
        <label className="field inline">
          <span className="field-label">Owner</span>
          <input list={`people-${risk.id}`} value={values.owner} onChange={(e) => set("owner", e.target.value)} placeholder="person id or name" />
          <datalist id={`people-${risk.id}`}>
            {people.list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </datalist>
        </label>
        <label className="field inline">
          <span className="field-label">Decision</span>
          <select value={values.decision} onChange={(e) => set("decision", e.target.value)}>
            <option value="">— none yet</option>
            {riskDecisions.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span className="field-label">Status</span>
          <select value={values.status} onChange={(e) => set("status", e.target.value)}>
            {riskStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <ErrorNote message={error} />
      <DoneNote message={saved} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save changes"}
        </button>
        <button type="button" disabled={busy} onClick={() => setValues(start)}>
          Undo edits
        </button>
      </div>
    </form>
  );
}
