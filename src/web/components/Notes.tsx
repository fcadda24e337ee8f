// Messages shown to people: an error (read out by screen readers at once), what a form just did, a
// loading line, and the failed state of a screen's data.
import type { ReactNode } from "react";
import type { Loaded } from "../app/use-resource.js";

/** An error message; several lines (a problem's fields) are shown one under the other. */
export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="note note-error" role="alert">
      {message.split("\n").map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

/** What a form just did ("Saved."), read out politely; nothing when there is nothing to say. */
export function DoneNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="note note-ok" role="status">
      {message}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted loading" role="status">
      Loading {what}…
    </p>
  );
}

/** Renders `children(value)` once the data is there; until then a loading line or the error. */
export function WhenLoaded<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (value: T) => ReactNode }) {
  if (loaded.state === "loading") return <Loading what={what} />;
  if (loaded.state === "failed") return <ErrorNote message={loaded.error} />;
  return <>{children(loaded.value)}</>;
}
