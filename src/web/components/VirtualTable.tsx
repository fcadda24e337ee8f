// A sortable table that stays fast with thousands of rows: rows have one fixed height, and only those in
// view (and a few around them) are in the page; the header stays in place while the body scrolls.
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";

export interface Column<T> {
  key: string;
  label: string;
  /** A CSS width ("6rem"); the others share what is left. */
  width?: string;
  render: (row: T) => ReactNode;
  /** The value the column sorts by; a column without one does not sort. Nulls sort last. */
  sortValue?: (row: T) => string | number | null;
  align?: "right";
}

interface Props<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  selectedKey?: string | null;
  empty: ReactNode;
  initialSort?: { key: string; descending: boolean };
  /** Pixels; the stylesheet's .vrow height must match. */
  rowHeight?: number;
}

const overscan = 8;

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
}

export function VirtualTable<T>({ rows, columns, rowKey, label, selectedKey, empty, initialSort, rowHeight = 32 }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [sort, setSort] = useState(initialSort ?? null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    const value = column?.sortValue;
    if (!sort || !value) return rows;
    const direction = sort.descending ? -1 : 1;
    // Nulls stay last in either direction.
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return compare(x, y);
      return direction * compare(x, y);
    });
  }, [rows, columns, sort]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(sorted.length, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const shown = sorted.slice(first, last);

  const toggle = (key: string) => setSort((s) => (s?.key === key ? { key, descending: !s.descending } : { key, descending: false }));

  return (
    <div className="table-scroll" ref={scroller} onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
      <table className="grid virtual" aria-label={label} aria-rowcount={sorted.length + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => {
              const sortedBy = sort?.key === c.key ? (sort.descending ? "descending" : "ascending") : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={sortedBy} className={c.align === "right" ? "right" : undefined}>
                  {c.sortValue ? (
                    <button type="button" className="sort" onClick={() => toggle(c.key)}>
                      {c.label}
                      <span className="sort-mark" aria-hidden="true">
                        {sortedBy === "ascending" ? "▲" : sortedBy === "descending" ? "▼" : ""}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 ? <tr aria-hidden="true" style={{ height: first * rowHeight }} /> : null}
          {shown.map((row, i) => {
            const key = rowKey(row);
            return (
              <tr key={key} className={`vrow${key === selectedKey ? " selected" : ""}`} aria-rowindex={first + i + 2} aria-selected={key === selectedKey}>
                {columns.map((c) => (
                  <td key={c.key} className={c.align === "right" ? "right" : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {last < sorted.length ? <tr aria-hidden="true" style={{ height: (sorted.length - last) * rowHeight }} /> : null}
        </tbody>
      </table>
      {sorted.length === 0 ? <div className="table-empty">{empty}</div> : null}
    </div>
  );
}
