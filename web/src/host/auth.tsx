// Sign-in, sign-up (finished by the emailed link), invitations and password reset.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, errorText, fieldErrors } from "../shared/api";
import { useTitle } from "../shared/format";
import { Icon } from "../shared/icons";
import { navigate } from "../shared/router";
import type { Session } from "../shared/types";
import { NewPassword, passwordOk } from "./password";
import { setSession } from "./session";

function Shell({ title, children }: { title: string; children: preact.ComponentChildren }) {
  useTitle(title);
  return (
    <main class="narrow">
      <a class="brand" href="/">
        <Icon name="logo" /> Seatline
      </a>
      <div class="card auth-card">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

function Err({ error }: { error: string | null }) {
  return error ? <div class="alert error" role="alert">{error}</div> : null;
}

function signedIn(s: Session) {
  setSession(s);
  const next = new URLSearchParams(location.search).get("next");
  navigate(next && next.startsWith("/app") ? next : "/app", true);
}

export function LoginPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api<Session>("/api/auth/login", { body: { email, password } }));
    } catch (err) {
      if (err instanceof ApiError && err.code === "validation_failed") setError("Enter your email address and password.");
      else if (err instanceof ApiError && err.status === 429) setError(`${err.message}${err.retryAfter ? ` (about ${Math.ceil(err.retryAfter / 60)} min)` : ""}`);
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Shell title="Sign in">
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="login-email">Email</label>
          <input id="login-email" type="email" autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required />
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input id="login-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
        </div>
        <Err error={error} />
        <button class="btn primary block" type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p class="row auth-links">
        <a href="/forgot-password">Forgot your password?</a>
        <span class="spacer" />
        <a href="/signup">Create an account</a>
      </p>
    </Shell>
  );
}

export function SignupPage() {
  const [f, setF] = useState({ accountName: "", name: "", email: "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api("/api/auth/signup", { body: { ...f, timezone } });
      setSent(true);
    } catch (err) {
      setError(errorText(err));
      setFields(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  }
  if (sent) {
    return (
      <Shell title="Check your email">
        <div class="alert success" role="status" data-testid="signup-sent">
          We sent a link to <b>{f.email}</b>. Open it to finish creating your account. It works for 24 hours.
        </div>
        <p class="muted">No email? Check spam, or <button class="linkish" onClick={() => setSent(false)}>sign up again</button>.</p>
      </Shell>
    );
  }
  return (
    <Shell title="Create your account">
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="su-account">Restaurant name</label>
          <input id="su-account" type="text" autocomplete="organization" value={f.accountName} onInput={set("accountName")} maxLength={120} aria-invalid={!!fields.accountName} />
          {fields.accountName ? <p class="hint error-text">{fields.accountName}</p> : null}
        </div>
        <div class="field">
          <label for="su-name">Your name</label>
          <input id="su-name" type="text" autocomplete="name" value={f.name} onInput={set("name")} maxLength={120} aria-invalid={!!fields.name} />
          {fields.name ? <p class="hint error-text">{fields.name}</p> : null}
        </div>
        <div class="field">
          <label for="su-email">Email</label>
          <input id="su-email" type="email" autocomplete="email" value={f.email} onInput={set("email")} maxLength={254} aria-invalid={!!fields.email} />
          {fields.email ? <p class="hint error-text">{fields.email}</p> : null}
        </div>
        <NewPassword id="su-password" value={f.password} onInput={(password) => setF({ ...f, password })} error={fields.password} />
        <p class="hint muted">Time zone: {timezone}</p>
        <Err error={error} />
        <button class="btn primary block" type="submit" disabled={busy || !passwordOk(f.password)}>
          {busy ? "Sending…" : "Create account"}
        </button>
      </form>
      <p class="auth-links">
        Already have an account? <a href="/login">Sign in</a>
      </p>
    </Shell>
  );
}

export function ConfirmSignupPage({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Session>("/api/auth/signup/confirm", { body: { token } }).then(signedIn, (e) => setError(errorText(e)));
  }, [token]);
  return (
    <Shell title="Finishing sign-up">
      {error ? (
        <>
          <Err error={error} />
          <p class="row"><a class="btn" href="/signup">Sign up again</a><a class="btn" href="/login">Sign in</a></p>
        </>
      ) : (
        <p class="row"><span class="spinner" /> Creating your account…</p>
      )}
    </Shell>
  );
}

export function InvitePage({ token }: { token: string }) {
  const [preview, setPreview] = useState<{ accountName: string; inviterName: string; email: string; role: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<typeof preview>(`/api/invites/${encodeURIComponent(token)}`).then(setPreview, (e) => setLoadError(errorText(e)));
  }, [token]);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api<Session>(`/api/invites/${encodeURIComponent(token)}/accept`, { body: { name, password } }));
    } catch (err) {
      setError(errorText(err));
      setFields(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  }
  if (loadError) return <Shell title="Invitation"><Err error={loadError} /></Shell>;
  if (!preview) return <Shell title="Invitation"><span class="spinner" /></Shell>;
  return (
    <Shell title={`Join ${preview.accountName}`}>
      <p>
        {preview.inviterName} invited <b>{preview.email}</b> as {preview.role}.
      </p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="inv-name">Your name</label>
          <input id="inv-name" type="text" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={120} />
          {fields.name ? <p class="hint error-text">{fields.name}</p> : null}
        </div>
        <NewPassword id="inv-password" value={password} onInput={setPassword} error={fields.password} />
        <Err error={error} />
        <button class="btn primary block" disabled={busy || !name.trim() || !passwordOk(password)}>Join the team</button>
      </form>
    </Shell>
  );
}

export function ForgotPage() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await api("/api/auth/password-reset", { body: { email } });
      setSent(true);
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <Shell title="Reset your password">
      {sent ? (
        <div class="alert success" role="status">If that email has an account, a reset link is on its way. It works for one hour.</div>
      ) : (
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="fp-email">Email</label>
            <input id="fp-email" type="email" autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <Err error={error} />
          <button class="btn primary block">Send a reset link</button>
        </form>
      )}
      <p class="auth-links"><a href="/login">Back to sign in</a></p>
    </Shell>
  );
}

export function ResetPage({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/auth/password-reset/${encodeURIComponent(token)}`, { body: { password } });
      setDone(true);
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <Shell title="Choose a new password">
      {done ? (
        <div class="alert success" role="status">Your password is changed. <a href="/login">Sign in</a></div>
      ) : (
        <form onSubmit={submit} noValidate>
          <NewPassword id="rp-password" label="New password" value={password} onInput={setPassword} />
          <Err error={error} />
          <button class="btn primary block" disabled={!passwordOk(password)}>Set password</button>
        </form>
      )}
    </Shell>
  );
}
