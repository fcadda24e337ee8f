// The app behind sign-in: asks the API who is signed in (GET /api/me, which also gives the CSRF token),
// shows sign-in when no one is, and the shell when someone is; an ended session returns to sign-in.
import { useCallback, useEffect, useState } from "react";
import { ApiError, onSessionEnded, setCsrfToken } from "../api/client.js";
import { fetchMe, fetchSetupNeeded } from "../api/endpoints.js";
import type { Me } from "../api/schemas.js";
import { SignIn } from "../auth/SignIn.js";
import { ErrorNote, Loading } from "../components/Notes.js";
import { Shell } from "../shell/Shell.js";
import { messageOf } from "./use-resource.js";

type State =
  | { kind: "loading" }
  | { kind: "signed-out"; setupNeeded: boolean; notice: string | null }
  | { kind: "signed-in"; me: Me }
  | { kind: "failed"; error: string };

async function signedOutState(notice: string | null): Promise<State> {
  const setup = await fetchSetupNeeded().catch(() => ({ needed: false }));
  return { kind: "signed-out", setupNeeded: setup.needed, notice };
}

export function App() {
  const [state, setState] = useState<State>({ kind: "loading" });

  const load = useCallback(async (notice: string | null = null) => {
    try {
      const me = await fetchMe();
      setCsrfToken(me.csrfToken);
      setState({ kind: "signed-in", me });
    } catch (error) {
      setCsrfToken(null);
      setState(error instanceof ApiError && error.status === 401 ? await signedOutState(notice) : { kind: "failed", error: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The page stays where it was: signing in again returns to it. An account exists, so no setup is due.
  useEffect(
    () =>
      onSessionEnded(() => {
        setCsrfToken(null);
        setState((s) => (s.kind === "signed-in" ? { kind: "signed-out", setupNeeded: false, notice: "Your session ended; sign in again." } : s));
      }),
    [],
  );

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setState({ kind: "signed-out", setupNeeded: false, notice: "You are signed out." });
    window.history.replaceState(null, "", "/#/");
  }, []);

  switch (state.kind) {
    case "loading":
      return <Loading what="OpenISMS" />;
    case "failed":
      return (
        <main className="auth">
          <div className="auth-card">
            <ErrorNote message={state.error} />
            <button type="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        </main>
      );
    case "signed-out":
      return <SignIn setupNeeded={state.setupNeeded} notice={state.notice} onSignedIn={() => void load()} />;
    case "signed-in":
      return <Shell me={state.me} onSignedOut={signedOut} />;
  }
}
