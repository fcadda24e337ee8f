// A form's submission: busy while the request runs, the API's refusal kept for the form to show, and
// what was done handed on when it succeeds.
import { useState } from "react";
import { messageOf } from "./use-resource.js";

export function useSubmit(done: (message: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs `work`, whose answer is the message of what it did. */
  const run = (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    work()
      .then(done)
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  return { error, busy, run };
}
