// Being built.
export function SuppliersScreen({ openSupplier }: { openSupplier: string | null }) {
  return <main className="page">{openSupplier}</main>;
}
