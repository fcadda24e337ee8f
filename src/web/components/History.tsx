// An entity's audit-log history: who changed what and when, each field before and after, newest first.
import { fetchHistory } from "../api/endpoints.js";
import { useResource } from "../app/use-resource.js";
import { WhenLoaded } from "./Notes.js";

const shown = (value: unknown): string => (value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** `version` changes when the entity does, to load the history again. */
export function History({ workspace, entity, version }: { workspace: string; entity: string; version: string }) {
  const history = useResource(`history ${workspace} ${entity} ${version}`, () => fetchHistory(workspace, entity));
  return (
    <section aria-label="History">
      <h3>History</h3>
      <WhenLoaded loaded={history.loaded} what="the history">
        {(h) =>
          h.entries.length === 0 ? (
            <p className="muted">No change recorded.</p>
          ) : (
            <ol className="history">
              {[...h.entries].reverse().map((e) => (
                <li key={e.seq}>
                  <div className="small">
                    <strong>{e.action}</strong> <span className="muted">by {e.actor.replace(/^account:/, "")} on {e.at.slice(0, 16).replace("T", " ")} UTC</span>
                  </div>
                  <ul className="changes small">
                    {e.changes.slice(0, 12).map((c) => (
                      <li key={c.field}>
                        <code>{c.field}</code> {shown(c.before)} → {shown(c.after)}
                      </li>
                    ))}
                    {e.changes.length > 12 ? <li className="muted">and {e.changes.length - 12} more fields</li> : null}
                  </ul>
                </li>
              ))}
            </ol>
          )
        }
      </WhenLoaded>
    </section>
  );
}
