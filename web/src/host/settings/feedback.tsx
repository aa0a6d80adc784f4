// Settings › Feedback (issue 22): feedback after the meal on or off, how long after seating the text
// goes out, and the rating at or below which the host screens and the owner are alerted.
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../../shared/api";
import type { FeedbackSettings } from "../../shared/feedback-types";
import type { Location } from "../../shared/types";
import { authed } from "../session";

export function FeedbackPage({ location, canEdit }: { location: Location; canEdit: boolean }) {
  const [saved, setSaved] = useState<FeedbackSettings | null>(null);
  const [s, setS] = useState<FeedbackSettings | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/locations/${location.id}/feedback-settings`;
  useEffect(() => {
    authed<FeedbackSettings>(path).then(
      (v) => {
        setSaved(v);
        setS(v);
      },
      (e) => setMsg({ text: errorText(e), error: true }),
    );
  }, [location.id]);
  if (!s || !saved) return msg ? <div class="alert error" role="alert">{msg.text}</div> : <span class="spinner" aria-label="Loading feedback settings" />;

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setMsg(null);
    try {
      const next = await authed<FeedbackSettings>(path, { method: "PATCH", body: s! });
      setSaved(next);
      setS(next);
      setMsg({ text: "Feedback settings saved.", error: false });
    } catch (err) {
      setMsg({ text: errorText(err), error: true });
    } finally {
      setBusy(false);
    }
  }
  const dirty = JSON.stringify(s) !== JSON.stringify(saved);
  return (
    <form class="stack" onSubmit={submit}>
      <h2>Feedback after the meal</h2>
      <p class="muted">
        Guests who agreed to texts get one some minutes after they are seated (bookings with an email address also get an email), with a link to rate the
        visit 1–5 and leave a comment. It counts against your SMS allowance like any text; numbers that replied STOP never get it. Results are in Insights.
      </p>
      <fieldset class="bare stack" disabled={!canEdit}>
        <label class="check">
          <input type="checkbox" checked={s.enabled} onChange={(e) => setS({ ...s, enabled: e.currentTarget.checked })} />
          <span>Ask seated guests for feedback</span>
        </label>
        <div class="field">
          <label for="feedback-delay">Minutes after seating</label>
          <input id="feedback-delay" type="number" inputMode="numeric" min={0} max={720} value={s.delayMinutes} onInput={(e) => setS({ ...s, delayMinutes: Number(e.currentTarget.value) })} aria-describedby="feedback-delay-hint" />
          <p class="hint" id="feedback-delay-hint">0 to 720. A booking marked completed earlier is asked then. A party put back in line (Undo) before this is never asked.</p>
        </div>
        <div class="field">
          <label for="feedback-alert">Alert at or below</label>
          <select id="feedback-alert" value={String(s.alertAtOrBelow)} onChange={(e) => setS({ ...s, alertAtOrBelow: Number(e.currentTarget.value) })} aria-describedby="feedback-alert-hint">
            <option value="0">Never alert</option>
            {[1, 2, 3, 4].map((n) => (
              <option value={String(n)} key={n}>{n} out of 5</option>
            ))}
          </select>
          <p class="hint" id="feedback-alert-hint">A rating this low shows on every host screen and emails the account's owners.</p>
        </div>
      </fieldset>
      {msg ? <div class={`alert ${msg.error ? "error" : "success"}`} role={msg.error ? "alert" : "status"}>{msg.text}</div> : null}
      {canEdit ? <div class="save-bar"><button class="btn primary" disabled={busy || !dirty}>Save feedback settings</button></div> : null}
    </form>
  );
}
