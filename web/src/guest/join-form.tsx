// The self check-in form, shared by the check-in page a guest opens on their own phone (join.tsx)
// and the kiosk on the restaurant's tablet (kiosk.tsx). Nothing is pre-ticked: consent to texts is
// the guest's explicit choice. The page's language decides the guest's texts.
import { useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import type { CheckedIn, CheckInBody, PublicLocation } from "../shared/types";
import { useI18n } from "./i18n/context";
import type { Formats } from "./i18n/format";
import { isLanguage } from "./i18n/languages";
import { PhoneField } from "./phone-field";
import { errorMessage, fieldMessages, Rich } from "./shell";

/** The check-in's answer, and what the guest typed (for the kiosk's confirmation). */
export type Joined = CheckedIn & { name: string; smsConsent: boolean };

export function JoinForm(props: {
  loc: PublicLocation;
  fmt: Formats;
  /** Added to the check-in body (the kiosk's token). */
  extra?: Pick<CheckInBody, "kioskToken">;
  /** An id prefix, so two forms never share ids. */
  idPrefix?: string;
  onJoined: (joined: Joined) => void;
  /** After a refusal is shown: the page may reload the place, or leave the form (a revoked kiosk). */
  onFailed?: (err: unknown) => void;
}) {
  const { loc, fmt } = props;
  const { tr, lang } = useI18n();
  const id = (s: string) => `${props.idPrefix ?? "join"}-${s}`;
  const [size, setSize] = useState(2);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [notes, setNotes] = useState("");
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      // The page's language decides this guest's texts (a pseudo-locale is for layout tests only).
      const body: CheckInBody = {
        name: name.trim(),
        phone: phone.trim(),
        size,
        smsConsent: consent,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(isLanguage(lang) ? { language: lang } : {}),
        ...props.extra,
      };
      const r = await api<CheckedIn>(`/api/public/locations/${encodeURIComponent(loc.slug)}/waitlist`, { body });
      props.onJoined({ ...r, name: name.trim(), smsConsent: consent });
    } catch (err) {
      setError(errorMessage(tr, err));
      setFields(fieldMessages(tr, err));
      props.onFailed?.(err);
    } finally {
      setBusy(false);
    }
  }

  const estimate = loc.estimates.find((x) => x.size === size)?.estimateMinutes;
  const sizes = Array.from({ length: Math.min(loc.maxPartySize, 12) }, (_, i) => i + 1);
  return (
    <form onSubmit={submit} noValidate class="card">
      <h1>{tr.t("join.title")}</h1>
      <p class="muted">{loc.inLine === 0 ? tr.t("join.nobodyWaiting") : tr.t("join.inLine", { count: loc.inLine })}</p>
      <fieldset class="field bare">
        <legend>
          <b>{tr.t("form.partySize")}</b>
        </legend>
        <div class="choices" role="group">
          {sizes.map((n) => (
            <button type="button" class="choice" aria-pressed={size === n} onClick={() => setSize(n)} key={n}>
              {tr.value(n)}
            </button>
          ))}
        </div>
      </fieldset>
      <p class="estimate" aria-live="polite" data-testid="estimate">
        <Rich k="join.estimate" params={{ count: size, wait: estimate !== undefined ? fmt.minutes(estimate) : tr.t("join.askHost") }} render={{ wait: (w) => <b>{w}</b> }} />
      </p>
      <div class="field">
        <label for={id("name")}>{tr.t("form.name")}</label>
        <input id={id("name")} type="text" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={80} aria-invalid={!!fields.name} />
        {fields.name ? <p class="hint error-text" role="alert">{fields.name}</p> : null}
      </div>
      <PhoneField id={id("phone")} value={phone} onInput={setPhone} country={loc.country} example={loc.phoneExample} purpose="visit" error={fields.phone} />
      <div class="field">
        <label for={id("notes")}>{tr.t("form.notes")}</label>
        <textarea id={id("notes")} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} maxLength={500} rows={2} aria-describedby={id("notes-hint")} />
        <p class="hint" id={id("notes-hint")}>{tr.t("form.notesHint")}</p>
      </div>
      <div class="field">
        <label class="check">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          <span>{tr.t("form.smsConsentVisit")}</span>
        </label>
      </div>
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      <button class="btn primary block" type="submit" disabled={busy || !name.trim() || !phone.trim()}>
        {tr.t(busy ? "join.submitting" : "join.submit")}
      </button>
    </form>
  );
}

/** Whether a refusal means the line closed or filled meanwhile (the page reloads the place then). */
export const lineChanged = (err: unknown) => err instanceof ApiError && (err.code === "waitlist_closed" || err.code === "waitlist_full");
