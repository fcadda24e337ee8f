// Being built.
export function ObjectivesScreen({ openObjective }: { openObjective: string | null }) {
  return <main className="page">{openObjective}</main>;
}
