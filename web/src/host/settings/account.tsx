// Setup › Your data (owner): download everything (JSON) or the parties (CSV), and delete the account
// with all its data, confirmed with the account's name and the owner's password.
import { useState } from "preact/hooks";
import { ApiError, errorText } from "../../shared/api";
import type { Session } from "../../shared/types";
import { download } from "../qr/download";
import { authed, getSession, setSession } from "../session";
import { formFailure, type FieldErrors } from "./field-errors";
import { described, FieldError, FormMessage, Section } from "./fields";
import { useLeaveGuard } from "./leave-guard";

/** A download that needs the bearer token, so not a plain link. */
async function exportFile(format: "json" | "csv") {
  const res = await fetch(`/api/account/export?format=${format}`, { headers: { authorization: `Bearer ${getSession()?.token ?? ""}` } });
  if (!res.ok) {
    const e = ((await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? "http_error", e?.message ?? `The server answered ${res.status}.`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `seatline-export.${format}`;
  download(name, res.headers.get("content-type") ?? "application/octet-stream", await res.blob());
}

export function AccountPage({ session }: { session: Session }) {
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [deleteMsg, setDeleteMsg] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  useLeaveGuard(!deleted && (name !== "" || password !== ""), "account deletion details");
  const owner = session.user.role === "owner";
  if (deleted) {
    return (
      <Section title="Account deleted">
        <p role="status">{session.account.name} and all its data are deleted: locations, parties, bookings, team and texts. Backups keep it for at most 7 more days.</p>
        <p><a class="btn" href="/signup">Create a new account</a></p>
      </Section>
    );
  }
  if (!owner) return <Section title="Your data"><p>Exporting and deleting the account's data is for its owner.</p></Section>;

  const run = async (format: "json" | "csv") => {
    setBusy(format);
    setMsg(null);
    try {
      await exportFile(format);
      setMsg({ text: "Downloaded.", error: false });
    } catch (e) {
      setMsg({ text: errorText(e), error: true });
    } finally {
      setBusy(null);
    }
  };

  async function remove(e: Event) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (name !== session.account.name) local.confirmAccountName = `Type the account's name exactly: ${session.account.name}`;
    if (!password) local.password = "Enter your password.";
    setErrors(local);
    if (Object.keys(local).length) return setDeleteMsg("Nothing was deleted.");
    setBusy("delete");
    try {
      await authed("/api/account", { method: "DELETE", body: { confirmAccountName: name, password } });
      setSession(null);
      localStorage.removeItem("seatline.location");
      setDeleted(true);
    } catch (err) {
      const f = formFailure(err, (p) => p === "confirmAccountName" || p === "password");
      setErrors(f.fields);
      setDeleteMsg(`${f.message} Nothing was deleted.`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Section title="Your data">
      <FormMessage message={msg?.text ?? null} error={!!msg?.error} />
      <div class="card stack">
        <h3>Export</h3>
        <p>Everything the account holds: the account, team (without passwords), locations, parties, bookings and the audit log as JSON; or every party as a spreadsheet (CSV).</p>
        <div class="row">
          <button class="btn" disabled={busy !== null} onClick={() => run("json")}>Download everything (JSON)</button>
          <button class="btn" disabled={busy !== null} onClick={() => run("csv")}>Download parties (CSV)</button>
        </div>
      </div>
      <form class="card stack danger-zone" onSubmit={remove} noValidate aria-labelledby="delete-title">
        <h3 id="delete-title">Delete the account</h3>
        <p>This deletes <b>{session.account.name}</b> for good: every location with its line and bookings, the team, the history and the texts. Guests' links stop working. A subscription is canceled first. It cannot be undone.</p>
        <FormMessage message={deleteMsg} error />
        <div class={`field${errors.confirmAccountName ? " has-error" : ""}`}>
          <label for="del-name">Type the account's name to confirm</label>
          <input id="del-name" type="text" autoComplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} {...described("del-name", errors.confirmAccountName)} />
          <FieldError id="del-name" error={errors.confirmAccountName} />
        </div>
        <div class={`field${errors.password ? " has-error" : ""}`}>
          <label for="del-password">Your password</label>
          <input id="del-password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} {...described("del-password", errors.password)} />
          <FieldError id="del-password" error={errors.password} />
        </div>
        <button class="btn danger" disabled={busy !== null}>Delete the account and all its data</button>
      </form>
    </Section>
  );
}
