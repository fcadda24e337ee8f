// Being built.
export function ScopeScreen({ openAsset }: { openAsset: string | null }) {
  return <main className="page">{openAsset}</main>;
}
