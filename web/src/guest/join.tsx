// Self check-in, the page a QR code at the door points to. Nothing is pre-ticked; the phone is for
// texts about this visit only; a closed or full line says when to come back and offers booking.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { Icon } from "../shared/icons";
import { navigate } from "../shared/router";
import type { PublicLocation } from "../shared/types";
import { useI18n } from "./i18n/context";
import { isLanguage } from "./i18n/languages";
import { PhoneField } from "./phone-field";
import { PlaceFacts } from "./place";
import { errorMessage, fieldMessages, GuestHeader, Loading, Notice, Rich, usePlace, useTitle } from "./shell";

export function JoinPage({ slug }: { slug: string }) {
  const { tr, lang } = useI18n();
  const [loc, setLoc] = useState<PublicLocation | null>(null);
  const [missing, setMissing] = useState(false);
  const [size, setSize] = useState(2);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [notes, setNotes] = useState("");
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const fmt = usePlace(loc);
  useTitle(loc ? tr.t("join.docTitle", { name: loc.name }) : tr.t("join.title"));

  const load = () =>
    api<PublicLocation>(`/api/public/locations/${encodeURIComponent(slug)}`).then(setLoc, (e) => {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
    });
  useEffect(() => {
    void load();
    const t = setInterval(load, 30_000);
    return () => clearInterval(t);
  }, [slug]);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const r = await api<{ token: string; statusUrl: string }>(`/api/public/locations/${encodeURIComponent(slug)}/waitlist`, {
        // The page's language decides this guest's texts (a pseudo-locale is for layout tests only).
        body: { name: name.trim(), phone: phone.trim(), size, smsConsent: consent, ...(notes.trim() ? { notes: notes.trim() } : {}), ...(isLanguage(lang) ? { language: lang } : {}) },
      });
      const to = new URL(r.statusUrl, location.href);
      navigate(`${to.pathname}${lang === loc?.language ? "" : `?lang=${encodeURIComponent(lang)}`}`);
    } catch (err) {
      setError(errorMessage(tr, err));
      setFields(fieldMessages(tr, err));
      if (err instanceof ApiError && (err.code === "waitlist_closed" || err.code === "waitlist_full")) void load();
    } finally {
      setBusy(false);
    }
  }

  if (missing) return <Notice state="unknown" icon="x" title={tr.t("join.notFoundTitle")} body={tr.t("join.notFoundBody")} />;
  if (!loc || !fmt) return <Loading text={tr.t("common.loading")} />;

  const shown = loc.estimates.find((x) => x.size === size);
  const estimate = shown?.estimateMinutes;
  // The floor's range, as the status page then shows it (issue 19 item 5).
  const range = shown?.estimatedWaitRange && shown.estimatedWaitRange.highMinutes > shown.estimatedWaitRange.lowMinutes ? shown.estimatedWaitRange : null;
  const sizes = Array.from({ length: Math.min(loc.maxPartySize, 12) }, (_, i) => i + 1);
  const bookLink = loc.booking.online ? <a class="btn primary" href={`/book/${encodeURIComponent(loc.slug)}`}>{tr.t("join.bookInstead")}</a> : null;
  return (
    <main class="guest">
      <GuestHeader name={loc.name} logoUrl={loc.logoUrl} />
      {!loc.open || loc.full ? (
        <section class="card hero ended" data-state={loc.open ? "full" : "closed"}>
          <Icon name="clock" class="state-icon" />
          <h1>{tr.t(loc.open ? "join.fullTitle" : "join.closedTitle")}</h1>
          {loc.open ? (
            <p>{tr.t("join.fullBody")}</p>
          ) : (
            <>
              {loc.nextOpenAt ? <p data-testid="opens-next">{tr.t("join.opensNext", { day: fmt.day(loc.nextOpenAt), time: fmt.time(loc.nextOpenAt) })}</p> : null}
              <p>{tr.t("join.closedBody")}</p>
            </>
          )}
          {bookLink}
        </section>
      ) : (
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
            {range ? <span class="range" data-testid="estimate-range"> {tr.t("status.estimateRange", { low: fmt.minutes(range.lowMinutes), high: fmt.minutes(range.highMinutes) })}</span> : null}
          </p>
          <div class="field">
            <label for="join-name">{tr.t("form.name")}</label>
            <input id="join-name" type="text" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={80} aria-invalid={!!fields.name} />
            {fields.name ? <p class="hint error-text" role="alert">{fields.name}</p> : null}
          </div>
          <PhoneField id="join-phone" value={phone} onInput={setPhone} country={loc.country} example={loc.phoneExample} purpose="visit" error={fields.phone} />
          <div class="field">
            <label for="join-notes">{tr.t("form.notes")}</label>
            <textarea id="join-notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} maxLength={500} rows={2} aria-describedby="join-notes-hint" />
            <p class="hint" id="join-notes-hint">{tr.t("form.notesHint")}</p>
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
      )}
      <PlaceFacts loc={loc} fmt={fmt} />
      {fmt.elsewhere(Date.now()) ? <p class="muted small">{tr.t("common.zoneNote", { zone: fmt.zoneName() })}</p> : null}
    </main>
  );
}
