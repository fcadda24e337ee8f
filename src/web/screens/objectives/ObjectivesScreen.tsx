// Information security objectives (6.2) and their measurement (9.1): every objective with its owner,
// target, latest value, whether it is on target and a small trend, one objective at a time in a side
// panel, and (for editors and administrators) a form to add one.
import { useCallback, useMemo, useState } from "react";
import { addObjective, fetchObjectives, type ObjectiveRow } from "../../api/objectives-api.js";
import { fetchPeople } from "../../api/endpoints.js";
import { allows } from "../../app/access.js";
import { counted } from "../../app/counted.js";
import { navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { VirtualTable } from "../../components/VirtualTable.js";
import { objectiveColumns } from "./objective-columns.js";
import { ObjectiveForm } from "./ObjectiveForm.js";
import { ObjectivePanel } from "./ObjectivePanel.js";
import "../../styles/objectives.css";

export function ObjectivesScreen({ openObjective }: { openObjective: string | null }) {
  const { workspace, principal } = useWorkspace();
  const mayAdd = allows(principal, "create", "objectives");
  const objectives = useResource(`objectives ${workspace}`, () => fetchObjectives(workspace));
  // Owners to choose from, for those who may set one (the people register is theirs to read).
  const people = useResource(`objective owners ${workspace} ${String(mayAdd)}`, async () => (mayAdd ? (await fetchPeople(workspace, 30)).people : []));
  const owners = useMemo(() => (people.loaded.state === "ready" ? people.loaded.value.map((p) => ({ id: p.id, name: p.name })) : []), [people.loaded]);
  const [adding, setAdding] = useState(false);
  const [filter, setFilter] = useState("");
  const columns = useMemo(() => objectiveColumns(workspace), [workspace]);

  const all = objectives.loaded.state === "ready" ? objectives.loaded.value.objectives : [];
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
    return all.filter((o) => words.every((w) => [o.id, o.title, o.ownerName ?? "", o.owner ?? "", o.status].join(" ").toLowerCase().includes(w)));
  }, [all, filter]);

  const close = useCallback(() => navigate({ page: "section", workspace, section: "objectives" }), [workspace]);
  const changed = useCallback(
    (row: ObjectiveRow | null) => {
      if (row) objectives.update((list) => ({ objectives: list.objectives.map((o) => (o.id === row.id ? row : o)) }));
      else objectives.reload();
    },
    [objectives],
  );

  return (
    <main className="page objectives-page" aria-labelledby="objectives-title">
      <div className="page-head">
        <h1 id="objectives-title">Objectives</h1>
        {mayAdd && !adding ? (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add objective
          </button>
        ) : null}
      </div>
      {adding ? (
        <ObjectiveForm
          objective={null}
          owners={owners}
          onCancel={() => setAdding(false)}
          save={async (fields) => {
            const { objective } = await addObjective(workspace, { ...fields, title: fields.title ?? "" });
            setAdding(false);
            objectives.reload();
            navigate({ page: "section", workspace, section: "objectives", item: objective.id });
          }}
        />
      ) : null}
      <div className="toolbar">
        <input type="search" placeholder="Filter: id, title, owner, status" aria-label="Filter objectives" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted count" data-testid="objective-count">
          {counted(shown.length, "objective", all.length)}
        </span>
      </div>
      <WhenLoaded loaded={objectives.loaded} what="the objectives">
        {(list) => (
          <VirtualTable
            rows={shown}
            columns={columns}
            rowKey={(o) => o.id}
            label="Objectives"
            selectedKey={openObjective}
            initialSort={{ key: "id", descending: false }}
            empty={
              <p className="muted">
                {list.objectives.length > 0
                  ? "No objective matches the filter."
                  : mayAdd
                    ? "No objectives yet: add the first with “Add objective” (what, target, owner, due date, how it is measured)."
                    : "No objectives yet. An editor or administrator adds them here or with isms objectives add."}
              </p>
            }
          />
        )}
      </WhenLoaded>
      {openObjective ? (
        <ObjectivePanel
          key={openObjective}
          workspace={workspace}
          objectiveId={openObjective}
          owners={owners}
          onClose={close}
          onChanged={changed}
          onRemoved={() => {
            objectives.reload();
            close();
          }}
        />
      ) : null}
    </main>
  );
}
