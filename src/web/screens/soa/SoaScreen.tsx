// The Statement of Applicability (6.1.3 d): every control, filtered by theme, applicability, status,
// owner and 27002 attribute; applicability and justification changed in the row; one control's detail
// with its evidence and check results in the side panel; the workbook for the auditor.
import { useCallback, useMemo, useState } from "react";
import { applicabilityLabels, implementationStatuses, soaApplicabilities, soaThemes, statusLabels } from "../../../domain/soa/entry.js";
import { fetchSoa, soaXlsxHref } from "../../api/endpoints.js";
import type { SoaRow } from "../../api/schemas.js";
import { counted } from "../../app/counted.js";
import { navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { ControlPanel } from "./ControlPanel.js";
import { SoaTable } from "./SoaTable.js";

interface Filters {
  text: string;
  theme: string;
  applicability: string;
  status: string;
  owner: string;
  attribute: string;
}

const noFilters: Filters = { text: "", theme: "", applicability: "", status: "", owner: "", attribute: "" };

const themeNames: Record<string, string> = { organizational: "Organizational (5)", people: "People (6)", physical: "Physical (7)", technological: "Technological (8)", own: "Own controls" };

function matches(row: SoaRow, f: Filters): boolean {
  const words = f.text.toLowerCase().split(/\s+/).filter((w) => w !== "");
  const text = `${row.controlId} ${row.title} ${row.justification} ${row.ownerName ?? ""}`.toLowerCase();
  return (
    words.every((w) => text.includes(w)) &&
    (!f.theme || row.theme === f.theme) &&
    (!f.applicability || (row.applicability ?? "undecided") === f.applicability) &&
    // Status is asked of controls in the SoA: an excluded control has none.
    (!f.status || (row.applicability !== "not_applicable" && (row.implementationStatus ?? "not_assessed") === f.status)) &&
    (!f.owner || (row.owner ?? "none") === f.owner) &&
    (!f.attribute || row.attributes.includes(f.attribute))
  );
}

function Select({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{label}: any</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

export function SoaScreen({ openControl }: { openControl: string | null }) {
  const { workspace } = useWorkspace();
  const soa = useResource(`soa ${workspace}`, () => fetchSoa(workspace));
  const [filters, setFilters] = useState(noFilters);
  const set = (field: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [field]: value }));

  const rows = soa.loaded.state === "ready" ? soa.loaded.value.controls : [];
  const shown = useMemo(() => rows.filter((r) => matches(r, filters)), [rows, filters]);
  const owners = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of rows) if (r.owner) names.set(r.owner, r.ownerName ?? r.owner);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [rows]);
  const attributes = useMemo(() => [...new Set(rows.flatMap((r) => r.attributes))].sort(), [rows]);

  const changed = useCallback((row: SoaRow) => soa.update((list) => ({ ...list, controls: list.controls.map((r) => (r.controlId === row.controlId ? row : r)) })), [soa]);
  const close = useCallback(() => navigate({ page: "section", workspace, section: "soa" }), [workspace]);

  return (
    <main className="page soa-page" aria-labelledby="soa-title">
      <div className="page-head">
        <h1 id="soa-title">Statement of Applicability</h1>
        <span className="spacer" />
        <a className="button" href={soaXlsxHref(workspace)} download>
          Download XLSX
        </a>
      </div>
      <div className="toolbar">
        <input type="search" placeholder="Filter: id, title, justification, owner" aria-label="Filter controls" value={filters.text} onChange={(e) => set("text")(e.target.value)} />
        <Select label="Theme" value={filters.theme} onChange={set("theme")} options={soaThemes.map((t) => [t, themeNames[t] ?? t])} />
        <Select label="Applicability" value={filters.applicability} onChange={set("applicability")} options={[...soaApplicabilities.map((a): [string, string] => [a, applicabilityLabels[a]]), ["undecided", "Undecided"]]} />
        <Select label="Status" value={filters.status} onChange={set("status")} options={[...[...implementationStatuses].reverse().map((s): [string, string] => [s, statusLabels[s]]), ["not_assessed", "Not assessed"]]} />
        <Select label="Owner" value={filters.owner} onChange={set("owner")} options={[...owners, ["none", "No owner"]]} />
        <Select label="Attribute" value={filters.attribute} onChange={set("attribute")} options={attributes.map((a) => [a, a])} />
        {JSON.stringify(filters) !== JSON.stringify(noFilters) ? (
          <button type="button" className="quiet" onClick={() => setFilters(noFilters)}>
            Clear filters
          </button>
        ) : null}
        <span className="muted count" data-testid="control-count">
          {counted(shown.length, "control", rows.length)}
        </span>
      </div>
      <WhenLoaded loaded={soa.loaded} what="the Statement of Applicability">
        {() => <SoaTable rows={shown} workspace={workspace} openControl={openControl} onChanged={changed} />}
      </WhenLoaded>
      {openControl ? <ControlPanel key={openControl} workspace={workspace} controlId={openControl} version={JSON.stringify(rows.find((r) => r.controlId === openControl) ?? null)} onClose={close} /> : null}
    </main>
  );
}
