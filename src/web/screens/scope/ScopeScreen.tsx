// Scope & assets (4.1–4.3, A.5.9): the asset inventory as a fast, filterable table with one asset at a
// time in a side panel and an "Add asset" form, beside the scope statement with its approval and the
// context around it (interfaces, interested parties, issues, exclusions).
import { useCallback, useMemo, useState } from "react";
import { fetchPeople } from "../../api/endpoints.js";
import { addAsset, fetchAssets, fetchScope, type Asset, type Scope } from "../../api/scope-api.js";
import { allows } from "../../app/access.js";
import { counted } from "../../app/counted.js";
import { navigate } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { DoneNote, WhenLoaded } from "../../components/Notes.js";
import { VirtualTable } from "../../components/VirtualTable.js";
import { AssetForm } from "./AssetForm.js";
import { AssetPanel } from "./AssetPanel.js";
import { assetColumns } from "./asset-columns.js";
import { ContextLists } from "./ContextLists.js";
import { ScopeStatement } from "./ScopeStatement.js";
import "../../styles/scope.css";

/** The people route asks a horizon for training standing; only the names are used here. */
const peopleHorizonDays = 30;

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null && v !== ""))].sort((a, b) => a.localeCompare(b));

/** Whether the asset matches every word of the filter box, in its id, name, kind, owner, classification, location or ref. */
function matchesText(a: Asset, words: string[], ownerName: string): boolean {
  const text = [a.id, a.name, a.kind, ownerName, a.classification ?? "", a.location ?? "", a.externalRef ?? ""].join(" ").toLowerCase();
  return words.every((w) => text.includes(w));
}

export function ScopeScreen({ openAsset }: { openAsset: string | null }) {
  const { workspace, principal } = useWorkspace();
  const scope = useResource(`scope ${workspace}`, () => fetchScope(workspace));
  const assets = useResource(`assets ${workspace}`, () => fetchAssets(workspace));
  const peopleList = useResource(`people names ${workspace}`, async () => (await fetchPeople(workspace, peopleHorizonDays)).people.map((p) => ({ id: p.id, name: p.name })));
  const [filter, setFilter] = useState("");
  const [kind, setKind] = useState("");
  const [owner, setOwner] = useState("");
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const people = useMemo(() => (peopleList.loaded.state === "ready" ? peopleList.loaded.value : []), [peopleList.loaded]);
  const nameOf = useCallback(
    (id: string | null) => {
      if (id === null) return "";
      const name = people.find((p) => p.id === id)?.name;
      return name ? `${name} (${id})` : id;
    },
    [people],
  );
  const all = useMemo(() => (assets.loaded.state === "ready" ? assets.loaded.value.assets : []), [assets.loaded]);
  const kinds = useMemo(() => distinct(all.map((a) => a.kind)), [all]);
  const owners = useMemo(() => distinct(all.map((a) => a.owner)), [all]);
  const classifications = useMemo(() => distinct(all.map((a) => a.classification)), [all]);
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
    return all.filter((a) => (!kind || a.kind === kind) && (!owner || (owner === "none" ? a.owner === null : a.owner === owner)) && matchesText(a, words, nameOf(a.owner)));
  }, [all, filter, kind, owner, nameOf]);
  const columns = useMemo(() => assetColumns(workspace, nameOf), [workspace, nameOf]);
  const mayAdd = allows(principal, "create", "assets");

  const close = useCallback(() => navigate({ page: "section", workspace, section: "scope" }), [workspace]);
  const changed = useCallback((asset: Asset) => assets.update((list) => ({ assets: list.assets.map((a) => (a.id === asset.id ? asset : a)) })), [assets]);
  const removed = useCallback(
    (id: string) => {
      assets.update((list) => ({ assets: list.assets.filter((a) => a.id !== id) }));
      setNotice(`Removed ${id}.`);
      close();
    },
    [assets, close],
  );
  const scopeChanged = useCallback(
    (next: Scope, message: string) => {
      scope.update(() => next);
      setNotice(message);
    },
    [scope],
  );

  return (
    <main className="page scope-page" aria-labelledby="scope-title">
      <div className="page-head">
        <h1 id="scope-title">Scope &amp; assets</h1>
        <DoneNote message={notice} />
      </div>
      <div className="split">
        <section className="split-main" aria-label="Asset inventory">
          <div className="toolbar">
            <input type="search" placeholder="Filter: id, name, owner, classification, location" aria-label="Filter assets" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">Any kind</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <select aria-label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">Any owner</option>
              <option value="none">No owner</option>
              {owners.map((o) => (
                <option key={o} value={o}>
                  {nameOf(o)}
                </option>
              ))}
            </select>
            {mayAdd && !adding ? (
              <button type="button" onClick={() => setAdding(true)}>
                Add asset
              </button>
            ) : null}
            <span className="muted count" data-testid="asset-count">
              {counted(shown.length, "asset", all.length)}
            </span>
          </div>
          {adding ? (
            <AssetForm
              asset={null}
              people={people}
              classifications={classifications}
              onCancel={() => setAdding(false)}
              save={async (fields) => {
                const { asset } = await addAsset(workspace, { ...fields, name: fields.name ?? "", kind: fields.kind ?? "" });
                assets.update((list) => ({ assets: [...list.assets, asset] }));
                setAdding(false);
                setNotice(`Added ${asset.id} · ${asset.name}.`);
              }}
            />
          ) : null}
          <WhenLoaded loaded={assets.loaded} what="the asset inventory">
            {() => (
              <VirtualTable
                rows={shown}
                columns={columns}
                rowKey={(a) => a.id}
                label="Asset inventory"
                selectedKey={openAsset}
                initialSort={{ key: "id", descending: false }}
                empty={
                  <p className="muted">
                    {all.length === 0 ? `No asset in the inventory yet: ${mayAdd ? "add one with Add asset, or " : ""}import a spreadsheet with isms assets import.` : "No asset matches the filters."}
                  </p>
                }
              />
            )}
          </WhenLoaded>
        </section>
        <aside className="split-side" aria-label="Scope">
          <WhenLoaded loaded={scope.loaded} what="the scope">
            {(s) => (
              <>
                <ScopeStatement scope={s} people={people} nameOf={nameOf} onChanged={scopeChanged} />
                <ContextLists scope={s} />
              </>
            )}
          </WhenLoaded>
        </aside>
      </div>
      {openAsset ? (
        <AssetPanel
          key={openAsset}
          workspace={workspace}
          assetId={openAsset}
          people={people}
          nameOf={nameOf}
          classifications={classifications}
          onClose={close}
          onChanged={changed}
          onRemoved={removed}
        />
      ) : null}
    </main>
  );
}
