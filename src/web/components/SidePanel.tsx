// A panel beside a table for one record: focused when it opens, closed by Escape or its close button,
// handing the focus back to where it was.
import { useEffect, useRef, type ReactNode } from "react";

export function SidePanel({ title, label, onClose, children }: { title: ReactNode; label: string; onClose: () => void; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Focus moves into the panel, and back to what opened it (the row's link) when it closes.
    const opener = document.activeElement;
    heading.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [label]);
  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [onClose]);
  return (
    <aside className="side-panel" aria-label={label}>
      <div className="side-panel-head">
        <h2 tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close (Escape)" title="Close (Escape)">
          ✕
        </button>
      </div>
      <div className="side-panel-body">{children}</div>
    </aside>
  );
}
