// The SoA by theme: how the controls are decided (applicable, inherited, excluded, undecided) and how
// those in the SoA stand, with a bar of their implementation status.
import type { Dashboard } from "../../api/schemas.js";

type Theme = Dashboard["soaByTheme"][number];

type StatusCount = "implemented" | "partiallyImplemented" | "planned" | "notImplemented" | "notAssessed";

const statusParts: { key: StatusCount; label: string; className: string }[] = [
  { key: "implemented", label: "Implemented", className: "st-implemented" },
  { key: "partiallyImplemented", label: "Partially", className: "st-partial" },
  { key: "planned", label: "Planned", className: "st-planned" },
  { key: "notImplemented", label: "Not implemented", className: "st-not" },
  { key: "notAssessed", label: "Not assessed", className: "st-unknown" },
];

function StatusBar({ theme }: { theme: Theme }) {
  const inSoa = theme.applicable + theme.inherited;
  if (inSoa === 0) return <span className="muted">—</span>;
  return (
    <span className="stackbar" role="img" aria-label={statusParts.map((p) => `${theme[p.key]} ${p.label.toLowerCase()}`).join(", ")}>
      {statusParts.map((p) => {
        const n = theme[p.key];
        return n > 0 ? <span key={p.key} className={p.className} style={{ flexGrow: n }} title={`${p.label}: ${n}`} /> : null;
      })}
    </span>
  );
}

export function SoaByTheme({ themes }: { themes: Dashboard["soaByTheme"] }) {
  if (themes.length === 0) return <p className="muted">No controls to show.</p>;
  return (
    <div className="table-wrap">
      <table className="grid compact" data-testid="soa-by-theme">
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col" className="right">Controls</th>
            <th scope="col" className="right">Applicable</th>
            <th scope="col" className="right">Inherited</th>
            <th scope="col" className="right">Not applicable</th>
            <th scope="col" className="right">Undecided</th>
            {statusParts.map((p) => (
              <th scope="col" className="right" key={p.key}>
                {p.label}
              </th>
            ))}
            <th scope="col">Status of controls in the SoA</th>
          </tr>
        </thead>
        <tbody>
          {themes.map((t) => (
            <tr key={t.theme}>
              <th scope="row">{t.label}</th>
              <td className="right">{t.controls}</td>
              <td className="right">{t.applicable}</td>
              <td className="right">{t.inherited}</td>
              <td className="right">{t.notApplicable}</td>
              <td className="right">{t.undecided}</td>
              {statusParts.map((p) => (
                <td className="right" key={p.key}>
                  {t[p.key]}
                </td>
              ))}
              <td className="bar-cell">
                <StatusBar theme={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
