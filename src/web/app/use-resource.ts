// Data a screen reads from the API: loaded when its key changes, reloaded on demand (after a change)
// without blanking what is shown, and a failure kept as the message to show.
import { useCallback, useEffect, useRef, useState } from "react";

export type Loaded<T> = { state: "loading" } | { state: "ready"; value: T } | { state: "failed"; error: string };

export interface Resource<T> {
  loaded: Loaded<T>;
  /** Loads again; what is shown stays until the new value arrives. */
  reload: () => void;
  /** Replaces the value held (a change the API answered with) without a request. */
  update: (change: (value: T) => T) => void;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `load` runs whenever `key` changes; answers of an older key are dropped. */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [generation, setGeneration] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const shownKey = useRef(key);

  useEffect(() => {
    let current = true;
    if (shownKey.current !== key) {
      shownKey.current = key;
      setLoaded({ state: "loading" });
    }
    loader
      .current()
      .then((value) => current && setLoaded({ state: "ready", value }))
      .catch((error: unknown) => current && setLoaded({ state: "failed", error: messageOf(error) }));
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback((change: (value: T) => T) => setLoaded((l) => (l.state === "ready" ? { state: "ready", value: change(l.value) } : l)), []);
  return { loaded, reload, update };
}
