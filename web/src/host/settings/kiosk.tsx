// Settings › Kiosk (issue 22): the location's kiosk link, for a tablet at the door that guests check
// themselves in on. The link carries a token that Seatline keeps only as a fingerprint, so it is
// shown once, when made (with a QR code to open it on the tablet's camera); making a new one replaces
// the old at once, and revoking it turns the kiosk into a "this kiosk link no longer works" page.
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../../shared/api";
import type { KioskToken, Location } from "../../shared/types";
import { QrCode } from "../qr/qr-code";
import { authed } from "../session";
import { useConfirm } from "./confirm-dialog";
import { CopyField } from "./developer";
import { FormMessage, Section } from "./fields";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) : "");

export function KioskPage({ location, canEdit }: { location: Location; canEdit: boolean }) {
  const path = `/api/locations/${location.id}/kiosk-token`;
  const [token, setToken] = useState<KioskToken | null>(null);
  const [made, setMade] = useState<KioskToken | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmIt, dialog] = useConfirm();
  useEffect(() => {
    authed<KioskToken>(path).then(setToken, (e) => setMsg({ text: errorText(e), error: true }));
  }, [path]);

  async function create() {
    if (token?.status === "active" && !(await confirmIt("Replace the kiosk link?", "The tablet with the current link stops taking check-ins until you open the new link on it.", "Replace link"))) return;
    setBusy(true);
    setMsg(null);
    try {
      const next = await authed<KioskToken>(path, { method: "POST" });
      setMade(next);
      setToken(next);
    } catch (e) {
      setMsg({ text: errorText(e), error: true });
    } finally {
      setBusy(false);
    }
  }
  async function revoke() {
    if (!(await confirmIt("Revoke the kiosk link?", "The tablet shows that its link no longer works and takes no more check-ins. You can make a new link at any time.", "Revoke link"))) return;
    setBusy(true);
    setMsg(null);
    try {
      setToken(await authed<KioskToken>(path, { method: "DELETE" }));
      setMade(null);
      setMsg({ text: "Kiosk link revoked.", error: false });
    } catch (e) {
      setMsg({ text: errorText(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section
      title="Kiosk"
      intro="Turn a tablet at the door into a self check-in kiosk: large buttons, a clean form for each guest, no way to other pages. Guests get their status link by text or by scanning a code with their own phone."
    >
      {dialog}
      <FormMessage message={msg?.text ?? null} error={!!msg?.error} />
      {token === null ? (
        <span class="spinner" aria-label="Loading the kiosk link" />
      ) : (
        <p data-testid="kiosk-status">
          {token.status === "active" ? (
            <>Active since {when(token.createdAt)} (<code>{token.prefix}…</code>).</>
          ) : token.status === "revoked" ? (
            <>No active kiosk link: the last one was revoked {when(token.revokedAt)}.</>
          ) : (
            <>No kiosk link yet.</>
          )}
        </p>
      )}
      {made?.kioskUrl ? (
        <div class="card kiosk-new" role="status" data-new-kiosk>
          <p>
            <strong>Open this link on the tablet now.</strong> It is shown only once; Seatline keeps only a fingerprint of it. Anyone with it can check guests in here, so keep it on the tablet.
          </p>
          <CopyField id="kiosk-url" label={`Kiosk link for ${location.name}`} value={made.kioskUrl} />
          <QrCode class="kiosk-qr" value={made.kioskUrl} label="QR code of the kiosk link: scan it with the tablet's camera" />
          <p class="hint">Then pin the browser to the page with the tablet's own kiosk feature (Guided Access on iPad, screen pinning on Android), so guests cannot leave it.</p>
          <button type="button" class="btn" onClick={() => setMade(null)}>Done</button>
        </div>
      ) : null}
      {canEdit && token ? (
        <div class="row">
          <button type="button" class="btn primary" disabled={busy} onClick={create}>
            {token.status === "active" ? "Replace kiosk link" : "Create kiosk link"}
          </button>
          {token.status === "active" ? (
            <button type="button" class="btn danger" disabled={busy} onClick={revoke}>Revoke kiosk link</button>
          ) : null}
        </div>
      ) : null}
      {!canEdit ? <p class="muted">Kiosk links are made by admins and owners.</p> : null}
      {token ? <p class="hint">A kiosk may check in up to {token.checkInsPerHour} parties an hour (one tablet is one address for every guest, so the per-network limit of the check-in page does not apply to it).</p> : null}
    </Section>
  );
}
