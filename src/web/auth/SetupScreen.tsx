// The pages of the one-time links: the first administrator's setup (/setup#token=…, printed by
// isms serve) and an invited member's first password (/invitation#token=…). The token stays in the
// URL's fragment, which browsers never send to a server; the API judges the password and says why.
import { useEffect, useState, type FormEvent } from "react";
import { setCsrfToken } from "../api/client.js";
import { acceptInvitation, completeSetup, fetchSetupNeeded } from "../api/endpoints.js";
import { messageOf } from "../app/use-resource.js";
import { ErrorNote } from "../components/Notes.js";
import { AuthFrame, Field } from "./AuthFrame.js";

/** The token after #token= in the address, or null. */
function tokenOfLink(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token");
}

/** Into the app, with the link's token gone from the address bar and the history. */
function enterApp(): void {
  window.location.replace("/#/");
}

function PasswordPair({ password, repeat, onPassword, onRepeat }: { password: string; repeat: string; onPassword: (v: string) => void; onRepeat: (v: string) => void }) {
  return (
    <>
      <Field label="Password" hint="At least 12 characters; a passphrase of four or more unrelated words is long and easy to remember.">
        <input type="password" autoComplete="new-password" required value={password} onChange={(e) => onPassword(e.target.value)} />
      </Field>
      <Field label="Password again">
        <input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => onRepeat(e.target.value)} />
      </Field>
    </>
  );
}

/** Why the two passwords cannot be sent yet, or null. */
function pairProblem(password: string, repeat: string): string | null {
  if (password === "") return "Give a password.";
  if (password !== repeat) return "The two passwords differ; type the same password twice.";
  return null;
}

export function SetupScreen() {
  const token = tokenOfLink();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchSetupNeeded()
      .then((answer) => setNeeded(answer.needed))
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = pairProblem(password, repeat);
    if (problem || !token) return setError(problem ?? "This page needs the setup link's token; open the link isms serve printed.");
    setBusy(true);
    setError(null);
    try {
      const session = await completeSetup({ token, name, email, password });
      setCsrfToken(session.csrfToken);
      enterApp();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <AuthFrame title="First-run setup">
        <p>This page needs the one-time setup link that <code>isms serve</code> printed on its console (it ends in <code>#token=…</code>).</p>
        <p><a href="/">Sign in</a> if an administrator exists already.</p>
      </AuthFrame>
    );
  }
  if (needed === false) {
    return (
      <AuthFrame title="Setup is done">
        <p>The first administrator exists already, so this link no longer works.</p>
        <p><a href="/">Sign in</a></p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Create the first administrator">
      <p className="muted">This account administers every workspace of this OpenISMS. The link works once.</p>
      <form onSubmit={(e) => void submit(e)} aria-label="First administrator">
        <Field label="Name">
          <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <Field label="Email">
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <PasswordPair password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
        <ErrorNote message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create administrator"}
        </button>
      </form>
    </AuthFrame>
  );
}

export function InvitationScreen() {
  const token = tokenOfLink();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = pairProblem(password, repeat);
    if (problem || !token) return setError(problem ?? "This page needs the invitation link's token; ask your administrator for the link.");
    setBusy(true);
    setError(null);
    try {
      const session = await acceptInvitation({ token, password });
      setCsrfToken(session.csrfToken);
      enterApp();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Set your password">
      {token ? (
        <form onSubmit={(e) => void submit(e)} aria-label="Your password">
          <PasswordPair password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
          <ErrorNote message={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Saving…" : "Set password and sign in"}
          </button>
        </form>
      ) : (
        <p>This page needs the invitation link your administrator gave you (it ends in <code>#token=…</code>).</p>
      )}
    </AuthFrame>
  );
}
