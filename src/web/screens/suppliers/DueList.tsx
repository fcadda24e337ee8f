// What falls due with the suppliers within 90 days, and what is overdue (A.5.22): reviews, certifications
// expiring, contracts ending, critical suppliers with personal data but no DPA.
import type { SupplierDueItem } from "../../api/suppliers-api.js";
import { hrefOf } from "../../app/router.js";

const kindLabels: Record<SupplierDueItem["kind"], string> = { review: "Review", certification: "Certification", contract: "Contract", dpa: "DPA" };

export function DueList({ workspace, items }: { workspace: string; items: readonly SupplierDueItem[] }) {
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section className="card supplier-due" aria-labelledby="supplier-due-title">
      <h2 id="supplier-due-title" className="section-title">
        Due within 90 days{overdue > 0 ? <span className="pill bad">{overdue} overdue</span> : null}
      </h2>
      {items.length === 0 ? (
        <p className="muted">Nothing falls due in the next 90 days and nothing is overdue.</p>
      ) : (
        <ul className="plain due-list" aria-label="Supplier items due">
          {items.map((i) => (
            <li key={`${i.supplierId} ${i.kind} ${i.what}`} className={i.overdue ? "overdue" : undefined}>
              <span className={`due-day${i.overdue ? " bad-text" : ""}`}>{i.due}</span>{" "}
              <a href={hrefOf({ page: "section", workspace, section: "suppliers", item: i.supplierId })}>{i.name}</a>
              <div className="small muted">
                {kindLabels[i.kind]}: {i.what}
                {i.overdue ? " (overdue)" : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
