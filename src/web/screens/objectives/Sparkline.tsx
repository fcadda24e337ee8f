// A small inline trend of an objective's values (9.1 c): a line through the measurements, scaled with
// the numeric target, which is drawn dashed. SVG only, no chart library.
const pad = 3;

interface Props {
  values: readonly number[];
  targetValue: number | null;
  met: boolean | null;
  label: string;
  /** Pixels; the table's cell by default. */
  width?: number;
  height?: number;
}

export function Sparkline({ values, targetValue, met, label, width = 84, height = 22 }: Props) {
  if (values.length === 0) return <span className="muted">—</span>;
  const all = targetValue === null ? values : [...values, targetValue];
  const low = Math.min(...all);
  const span = Math.max(...all) - low || 1;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => height - pad - ((v - low) / span) * (height - 2 * pad);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values.length - 1;
  const lastValue = values[last] ?? 0;
  return (
    <svg className={`sparkline ${met === null ? "" : met ? "met" : "missed"}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {targetValue === null ? null : <line className="sparkline-target" x1={pad} x2={width - pad} y1={y(targetValue)} y2={y(targetValue)} />}
      {values.length > 1 ? <polyline className="sparkline-line" points={points} /> : null}
      <circle className="sparkline-last" cx={x(last)} cy={y(lastValue)} r={2.5} />
    </svg>
  );
}
