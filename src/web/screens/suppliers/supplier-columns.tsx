// The supplier register's columns: what each shows and sorts by, with what falls due marked. The id opens
// the supplier's side panel.
import type { Certification, Supplier, SupplierDueItem } from "../../api/suppliers-api.js";
import { hrefOf } from "../../app/router.js";
import type { Column } from "../../components/VirtualTable.js";
import type { SupplierPeople } from "./supplier-people.js";

const criticalityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** "overdue" or "due" when one of the items falls due, else nothing. */
export function DueMark({ items }: { items: readonly SupplierDueItem[] }) {
  if (items.length === 0) return null;
  const overdue = items.some((i) => i.overdue);
  return (
    <span className={`pill ${overdue ? "bad" : "warn"}`} title={items.map((i) => `${i.what} (${i.due})`).join("; ")}>
      {overdue ? "overdue" : "due"}
    </span>
  );
}

export function CertificationText({ certification, asOf }: { certification: Certification; asOf: string }) {
  const expired = certification.validUntil !== undefined && certification.validUntil < asOf;
  return (
    <span className={expired ? "bad-text" : undefined}>
      {certification.name}
      <span className="muted">{certification.validUntil ? ` ${expired ? "expired" : "until"} ${certification.validUntil}` : " (no expiry on file)"}</span>
    </span>
  );
}

export function supplierColumns(workspace: string, asOf: string, dueOf: (id: string) => SupplierDueItem[], people: SupplierPeople): Column<Supplier>[] {
  return [
    {
      key: "id",
      label: "ID",
      width: "6rem",
      sortValue: (s) => s.id,
      render: (s) => (
        <a href={hrefOf({ page: "section", workspace, section: "suppliers", item: s.id })} title={`Open ${s.id}`}>
          {s.id}
        </a>
      ),
    },
    { key: "name", label: "Supplier", sortValue: (s) => s.name, render: (s) => <span title={s.name}>{s.name}</span> },
    { key: "service", label: "Service", sortValue: (s) => s.service, render: (s) => <span title={s.service}>{s.service}</span> },
    {
      key: "criticality",
      label: "Criticality",
      width: "6.5rem",
      sortValue: (s) => (s.criticality ? (criticalityRank[s.criticality] ?? 4) : null),
      render: (s) => (s.criticality ? <span className={`pill crit-${s.criticality}`}>{s.criticality}</span> : <span className="muted">—</span>),
    },
    { key: "owner", label: "Owner", width: "9rem", sortValue: (s) => people.nameOf(s.owner) || null, render: (s) => <span title={people.nameOf(s.owner)}>{people.nameOf(s.owner) || "—"}</span> },
    { key: "dpa", label: "DPA", width: "3.5rem", sortValue: (s) => (s.dpa ? 0 : 1), render: (s) => (s.dpa ? "yes" : <span className="muted">no</span>) },
    {
      key: "certifications",
      label: "Certifications",
      width: "12rem",
      sortValue: (s) => s.certifications.length,
      render: (s) =>
        s.certifications.length === 0 ? (
          <span className="muted">none on file</span>
        ) : (
          <span className="cert-list" title={s.certifications.map((c) => `${c.name}${c.validUntil ? ` until ${c.validUntil}` : ""}`).join("\n")}>
            {s.certifications.map((c, i) => (
              <span key={c.name}>
                {i > 0 ? ", " : ""}
                <CertificationText certification={c} asOf={asOf} />
              </span>
            ))}
          </span>
        ),
    },
    {
      key: "nextReview",
      label: "Next review",
      width: "7rem",
      sortValue: (s) => s.nextReview,
      render: (s) => <span>{s.nextReview ?? <span className="muted">—</span>}</span>,
    },
    { key: "due", label: "Due", width: "5rem", sortValue: (s) => dueOf(s.id)[0]?.due ?? null, render: (s) => <DueMark items={dueOf(s.id)} /> },
  ];
}
