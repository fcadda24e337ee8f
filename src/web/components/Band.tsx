// A score with its band under the methodology ("12 High"), coloured as the methodology colours it.
import type { Heatmap } from "../api/schemas.js";

export function ScoreBand({ score, band, bands }: { score: number | null; band: string | null; bands: Heatmap["bands"] }) {
  if (score === null) return <span className="muted">—</span>;
  const found = bands.find((b) => b.id === band);
  return (
    <span className="score">
      <span className="score-number">{score}</span>
      {found ? (
        <span className="band" style={{ borderColor: found.colour, background: `color-mix(in srgb, ${found.colour} 22%, white)` }}>
          {found.label}
        </span>
      ) : null}
    </span>
  );
}
