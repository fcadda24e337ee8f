// One asset in the side panel (A.5.9): what it is, its owner and classification, further attributes an
// import kept, the edit form and removal for those whose role may, and its audit-log history.
import { Fragment, useState } from "react";
import { changeAsset, fetchAsset, removeAsset, type Asset } from "../../api/scope-api.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { messageOf, useResource } from "../../app/use-resource.js";
import { History } from "../../components/History.js";
import { ErrorNote, WhenLoaded } from "../../components/Notes.js";
import { SidePanel } from "../../components/SidePanel.js";
import { AssetForm } from "./AssetForm.js";

interface Props {
  workspace: string;
  assetId: string;
  people: { id: string; name: string }[];
  nameOf: (id: string | null) => string;
  classifications: string[];
  onClose: () => void;
  onChanged: (asset: Asset) => void;
  onRemoved: (id: string) => void;
}

function Facts({ asset, nameOf }: { asset: Asset; nameOf: (id: string | null) => string }) {
  const attributes = Object.entries(asset.attributes);
  return (
    <dl className="facts">
      <dt>Kind</dt>
      <dd>{asset.kind}</dd>
      <dt>Owner</dt>
      <dd>{asset.owner ? nameOf(asset.owner) : <span className="muted">none</span>}</dd>
      <dt>Classification</dt>
      <dd>{asset.classification ?? "—"}</dd>
      <dt>In scope</dt>
      <dd>{asset.inScope ? "yes" : "no"}</dd>
      <dt>Location</dt>
      <dd>{asset.location ?? "—"}</dd>
      <dt>External ref</dt>
      <dd className="small">{asset.externalRef ? <code>{asset.externalRef}</code> : "—"}</dd>
      {attributes.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function RemoveButton({ workspace, id, onRemoved }: { workspace: string; id: string; onRemoved: (id: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Remove {id}…
      </button>
    );
  return (
    <div className="form-actions" role="group" aria-label={`Remove ${id}`}>
      <span>Remove {id} from the inventory?</span>
      <button type="button" className="danger" onClick={() => void removeAsset(workspace, id).then(() => onRemoved(id), (e: unknown) => setError(messageOf(e)))}>
        Remove
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep
      </button>
      <ErrorNote message={error} />
    </div>
  );
}

export function AssetPanel({ workspace, assetId, people, nameOf, classifications, onClose, onChanged, onRemoved }: Props) {
  const { principal } = useWorkspace();
  const detail = useResource(`asset ${workspace} ${assetId}`, () => fetchAsset(workspace, assetId));
  const asset = detail.loaded.state === "ready" ? detail.loaded.value.asset : null;
  const title = asset ? `${asset.id} · ${asset.name}` : assetId;
  return (
    <SidePanel title={title} label={`Asset ${assetId}`} onClose={onClose}>
      <WhenLoaded loaded={detail.loaded} what={assetId}>
        {({ asset: a }) => {
          const resource = { id: a.id, owner: a.owner, controlIds: ["5.9"] };
          return (
            <>
              {a.description ? <p className="scenario">{a.description}</p> : null}
              <Facts asset={a} nameOf={nameOf} />
              {allows(principal, "update", "assets", resource) ? (
                <AssetForm
                  asset={a}
                  people={people}
                  classifications={classifications}
                  save={async (changes) => {
                    const answer = await changeAsset(workspace, a.id, changes);
                    detail.update(() => answer);
                    onChanged(answer.asset);
                  }}
                />
              ) : null}
              {allows(principal, "delete", "assets", resource) ? <RemoveButton workspace={workspace} id={a.id} onRemoved={onRemoved} /> : null}
              {allows(principal, "read", "audit-log") ? <History workspace={workspace} entity={`assets:${a.id}`} version={JSON.stringify(a)} /> : null}
            </>
          );
        }}
      </WhenLoaded>
    </SidePanel>
  );
}
