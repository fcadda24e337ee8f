// The context around the scope, compactly: interfaces and dependencies (4.3 c), interested parties and
// their requirements (4.2), internal and external issues (4.1) and what the scope leaves out.
import type { ReactNode } from "react";
import type { Scope } from "../../api/scope-api.js";

function ContextList<T extends { id: string }>({ title, items, empty, render }: { title: string; items: T[]; empty: string; render: (item: T) => ReactNode }) {
  return (
    <section aria-label={title}>
      <h3>
        {title} <span className="muted small">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="plain small context-list">
          {items.map((item) => (
            <li key={item.id}>
              <span className="muted">{item.id}</span> {render(item)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ContextLists({ scope }: { scope: Scope }) {
  return (
    <div className="card context-lists">
      <ContextList
        title="Interfaces and dependencies"
        items={scope.interfaces}
        empty="None yet: add them with isms scope interfaces add."
        render={(i) => (
          <>
            {i.name} <span className="tag">{i.kind}</span>
            {i.counterparty ? <span className="muted"> · {i.counterparty}</span> : null}
          </>
        )}
      />
      <ContextList
        title="Interested parties"
        items={scope.interestedParties}
        empty="None yet: add them with isms scope parties add."
        render={(p) => (
          <>
            {p.name}
            {p.requirements ? <span className="muted"> · {p.requirements}</span> : null}
            {p.addressedByIsms ? null : <span className="muted"> (not addressed by the ISMS)</span>}
          </>
        )}
      />
      <ContextList
        title="Issues"
        items={scope.issues}
        empty="None yet: add them with isms scope issues add."
        render={(i) => (
          <>
            <span className="tag">{i.kind}</span> {i.description}
          </>
        )}
      />
      <ContextList
        title="Exclusions"
        items={scope.exclusions}
        empty="None: the scope leaves nothing out (record one with isms exclusions add)."
        render={(e) => (
          <>
            {e.subject} <span className="muted">· {e.reason}</span>
          </>
        )}
      />
    </div>
  );
}
