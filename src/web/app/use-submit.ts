// A form's submission: busy while the request runs, the API's refusal kept for the form to show, and
// what was done (a message, or the record the API answered) handed on when it succeeds.
import { useState } from "react";
import { messageOf } from "./use-resource.js";

export function useSubmit<T = string>(done: (result: T) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs `work`, whose answer is handed to `done`. */
  const run = (work: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    work()
      .then(done)
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  return { error, busy, run };
}
