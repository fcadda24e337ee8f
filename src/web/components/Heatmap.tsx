// A risk heat map (6.1.2 d): likelihood up, impact across, each cell tinted by its band under the
// methodology and showing how many risks sit in it. Cells can be chosen to narrow the register to them.
import type { Heatmap as HeatmapData } from "../api/schemas.js";

export interface CellChoice {
  kind: HeatmapData["kind"];
  likelihood: number;
  impact: number;
}

interface Props {
  heatmap: HeatmapData;
  title: string;
  /** When given, cells with risks are buttons that choose the cell. */
  onChoose?: (cell: CellChoice) => void;
  chosen?: CellChoice | null;
}

export function Heatmap({ heatmap, title, onChoose, chosen }: Props) {
  const colourOf = new Map(heatmap.bands.map((b) => [b.id, b.colour]));
  const cellAt = new Map(heatmap.cells.map((c) => [`${c.likelihood}×${c.impact}`, c]));
  const likelihoods = [...heatmap.likelihoodLevels].sort((a, b) => b.value - a.value);
  const impacts = [...heatmap.impactLevels].sort((a, b) => a.value - b.value);
  const rated = heatmap.cells.reduce((sum, c) => sum + c.count, 0);
  return (
    <figure className="heatmap" data-testid={`heatmap-${heatmap.kind}`}>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted">
          {rated} risks{heatmap.unrated.length > 0 ? `, ${heatmap.unrated.length} not yet rated` : ""}
        </span>
      </figcaption>
      <div className="heatmap-grid" style={{ gridTemplateColumns: `auto repeat(${impacts.length}, minmax(2.2rem, 1fr))` }} role="table" aria-label={`${title}: risks by likelihood and impact`}>
        {likelihoods.map((l) => (
          <div className="heatmap-row" role="row" key={l.value}>
            <span className="heatmap-axis" role="rowheader" title={l.label}>
              {l.value} <span className="heatmap-axis-label">{l.label}</span>
            </span>
            {impacts.map((i) => {
              const cell = cellAt.get(`${l.value}×${i.value}`);
              const count = cell?.count ?? 0;
              const colour = colourOf.get(cell?.band ?? "") ?? "#9e9e9e";
              const label = `Likelihood ${l.value} (${l.label}), impact ${i.value} (${i.label}): ${count} risk${count === 1 ? "" : "s"}`;
              const isChosen = chosen?.kind === heatmap.kind && chosen.likelihood === l.value && chosen.impact === i.value;
              const style = { background: `color-mix(in srgb, ${colour} ${count > 0 ? 38 : 12}%, white)`, borderColor: isChosen ? "var(--accent)" : "transparent" };
              const data = { "data-likelihood": l.value, "data-impact": i.value, "data-count": count };
              return (
                <span role="cell" key={i.value} className="heatmap-cell-wrap">
                  {onChoose && count > 0 ? (
                    <button type="button" className="heatmap-cell" style={style} aria-label={label} aria-pressed={isChosen} title={label} onClick={() => onChoose({ kind: heatmap.kind, likelihood: l.value, impact: i.value })} {...data}>
                      {count}
                    </button>
                  ) : (
                    <span className={`heatmap-cell${count === 0 ? " empty" : ""}`} style={style} title={label} aria-label={label} {...data}>
                      {count > 0 ? count : ""}
                    </span>
                  )}
                </span>
              );
            })}
          </div>
        ))}
        <div className="heatmap-row" role="row">
          <span role="cell" />
          {impacts.map((i) => (
            <span className="heatmap-axis heatmap-axis-x" role="columnheader" key={i.value} title={i.label}>
              {i.value}
            </span>
          ))}
        </div>
      </div>
      {heatmap.kind === "residual" ? <p className="muted small">A risk not yet rated after treatment sits where its inherent rating puts it.</p> : null}
      <p className="heatmap-legend">
        <span className="muted">Likelihood ↑ · impact →</span>
        {heatmap.bands.map((b) => (
          <span key={b.id} className="legend-item">
            <span className="swatch" style={{ background: b.colour }} />
            {b.label} {b.min}–{b.max}
          </span>
        ))}
      </p>
    </figure>
  );
}
