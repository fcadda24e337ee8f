// Signing in with email and password; the API's answer (a wrong password, too many attempts) is shown
// as it words it.
import { useState, type FormEvent } from "react";
import { setCsrfToken } from "../api/client.js";
import { signIn } from "../api/endpoints.js";
import { messageOf } from "../app/use-resource.js";
import { ErrorNote } from "../components/Notes.js";
import { AuthFrame, Field } from "./AuthFrame.js";

export function SignIn({ setupNeeded, notice, onSignedIn }: { setupNeeded: boolean; notice: string | null; onSignedIn: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await signIn({ email, password });
      setCsrfToken(session.csrfToken);
      onSignedIn();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Sign in">
      {setupNeeded ? (
        <p className="note">No administrator exists yet: open the one-time setup link that <code>isms serve</code> printed on its console.</p>
      ) : null}
      {notice ? <p className="note">{notice}</p> : null}
      <form onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <Field label="Email">
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </Field>
        <Field label="Password">
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <ErrorNote message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthFrame>
  );
}
