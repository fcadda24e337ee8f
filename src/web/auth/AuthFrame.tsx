// The frame of the pages before the app: the product's name and one card, and a labelled form field.
import type { ReactNode } from "react";

export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth-card">
        <p className="brand">OpenISMS</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** A label around its input, with an optional hint under it (outside the label, which names the input). */
export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field">
        <span className="field-label">{label}</span>
        {children}
      </label>
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}
