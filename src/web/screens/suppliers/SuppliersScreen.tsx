// The supplier register (A.5.19–A.5.22): every supplier with its service, criticality, owner, DPA,
// certifications and next review, what falls due within 90 days beside it, one supplier at a time in a
// side panel, and (for those allowed) a form to add one.
import { useCallback, useMemo, useState } from "react";
import { fetchSuppliers, type Supplier, type SupplierDueItem } from "../../api/suppliers-api.js";
import { allows } from "../../app/access.js";
import { counted } from "../../app/counted.js";
import { navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { WhenLoaded } from "../../components/Notes.js";
import { VirtualTable } from "../../components/VirtualTable.js";
import "../../styles/suppliers.css";
import { DueList } from "./DueList.js";
import { supplierColumns } from "./supplier-columns.js";
import { useSupplierPeople, type SupplierPeople } from "./supplier-people.js";
import { SupplierForm } from "./SupplierForm.js";
import { SupplierPanel } from "./SupplierPanel.js";

/** Whether the supplier matches every word of the filter box, in its id, name, service, criticality, owner or certifications. */
function matchesText(s: Supplier, words: string[], people: SupplierPeople): boolean {
  const text = [s.id, s.name, s.service, s.criticality ?? "", people.nameOf(s.owner), s.location ?? "", ...s.certifications.map((c) => c.name)].join(" ").toLowerCase();
  return words.every((w) => text.includes(w));
}

const noDue: SupplierDueItem[] = [];

export function SuppliersScreen({ openSupplier }: { openSupplier: string | null }) {
  const { workspace, principal } = useWorkspace();
  const people = useSupplierPeople(workspace);
  const register = useResource(`suppliers ${workspace}`, () => fetchSuppliers(workspace));
  const [filter, setFilter] = useState("");
  const [adding, setAdding] = useState(false);
  const mayAdd = allows(principal, "create", "suppliers");

  const list = register.loaded.state === "ready" ? register.loaded.value : null;
  const dueBySupplier = useMemo(() => {
    const map = new Map<string, SupplierDueItem[]>();
    for (const item of list?.due ?? []) map.set(item.supplierId, [...(map.get(item.supplierId) ?? []), item]);
    return map;
  }, [list]);
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
    return (list?.suppliers ?? []).filter((s) => matchesText(s, words, people));
  }, [list, filter, people]);
  const columns = useMemo(() => supplierColumns(workspace, list?.asOf ?? "", (id) => dueBySupplier.get(id) ?? noDue, people), [workspace, list, dueBySupplier, people]);

  const close = useCallback(() => navigate({ page: "section", workspace, section: "suppliers" }), [workspace]);
  const total = list?.suppliers.length ?? 0;

  return (
    <main className="page suppliers-page" aria-labelledby="suppliers-title">
      <div className="page-head">
        <h1 id="suppliers-title">Suppliers</h1>
        {mayAdd && !adding ? (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add supplier
          </button>
        ) : null}
      </div>
      {adding ? (
        <SupplierForm
          workspace={workspace}
          people={people.list}
          onSaved={(saved) => {
            setAdding(false);
            register.reload();
            navigate({ page: "section", workspace, section: "suppliers", item: saved.id });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <div className="split">
        <section className="split-main" aria-label="Supplier register">
          <div className="toolbar">
            <input type="search" placeholder="Filter: name, service, owner, certification" aria-label="Filter suppliers" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <span className="muted count" data-testid="supplier-count">
              {counted(shown.length, "supplier", total)}
            </span>
          </div>
          <WhenLoaded loaded={register.loaded} what="the supplier register">
            {() => (
              <VirtualTable
                rows={shown}
                columns={columns}
                rowKey={(s) => s.id}
                label="Supplier register"
                selectedKey={openSupplier}
                initialSort={{ key: "id", descending: false }}
                empty={
                  <p className="muted">
                    {total === 0
                      ? mayAdd
                        ? "No supplier in the register yet: add the ones that host, process or can reach your data with “Add supplier”, or import a list with isms suppliers import."
                        : "No supplier in the register yet."
                      : "No supplier matches the filter."}
                  </p>
                }
              />
            )}
          </WhenLoaded>
        </section>
        <aside className="split-side" aria-label="What falls due">
          {list ? <DueList workspace={workspace} items={list.due} /> : null}
        </aside>
      </div>
      {openSupplier ? <SupplierPanel key={openSupplier} workspace={workspace} supplierId={openSupplier} people={people} onClose={close} onChanged={register.reload} /> : null}
    </main>
  );
}
