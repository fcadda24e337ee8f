// The 9.3.2 inputs of a review as they were prepared: each input's sentence and its figures, and the
// four performance trends of d). Inputs recorded in another form are shown as written.
import { preparedInputSchema, type PreparedInput } from "../../api/reviews-api.js";

const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** A figure as a short phrase: a number or text as it is, a list by its length, a record by its fields. */
function figure(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === "string" || typeof v === "number") ? value.join(", ") || "none" : `${value.length}`;
  return Object.entries(value)
    .map(([k, v]) => `${words(k)} ${v === null ? "—" : typeof v === "object" ? "…" : String(v)}`)
    .join(", ");
}

function Figures({ figures }: { figures: PreparedInput["figures"] }) {
  const entries = Object.entries(figures);
  if (entries.length === 0) return null;
  return (
    <dl className="review-figures small">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{words(key)}</dt>
          <dd>{figure(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReviewInputs({ inputs }: { inputs: Record<string, unknown> }) {
  const entries = Object.entries(inputs).filter(([key]) => key !== "prepared");
  if (entries.length === 0) return <p className="muted">No input recorded.</p>;
  return (
    <ul className="review-inputs" aria-label="Inputs">
      {entries.map(([key, raw]) => {
        const parsed = preparedInputSchema.safeParse(raw);
        if (!parsed.success) {
          return (
            <li key={key}>
              <strong>{key})</strong> <span className="prose">{typeof raw === "string" ? raw : JSON.stringify(raw)}</span>
            </li>
          );
        }
        const input = parsed.data;
        return (
          <li key={key}>
            <div>
              <strong>{input.ref}</strong> {input.title}
            </div>
            <p className="review-summary">{input.summary}</p>
            <Figures figures={input.figures} />
            {input.items ? (
              <ul className="review-inputs nested">
                {Object.entries(input.items).map(([item, sub]) => (
                  <li key={item}>
                    <div>
                      <strong>{sub.ref}</strong> {sub.title}
                    </div>
                    <p className="review-summary">{sub.summary}</p>
                    <Figures figures={sub.figures} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
