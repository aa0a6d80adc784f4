// Booking (/book/:slug), against the Reservations API: date and size within their stated limits, a
// time by service, then name and mobile. Times are the location's, in the page's language.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { Icon } from "../shared/icons";
import type { Availability, PublicLocation, PublicReservation, Slot } from "../shared/types";
import { useI18n } from "./i18n/context";
import { isLanguage } from "./i18n/languages";
import { PhoneField } from "./phone-field";
import { errorMessage, fieldMessages, GuestHeader, Loading, Notice, usePlace, useTitle } from "./shell";
import { DateAndSize, SlotPicker } from "./slots";

// Manage tokens: location id hex + HMAC (contract), the same shape as guest waitlist tokens.
export const MANAGE_TOKEN = /^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/;

export function BookPage({ slug }: { slug: string }) {
  const { tr, lang } = useI18n();
  const [info, setInfo] = useState<PublicLocation | null>(null);
  const [missing, setMissing] = useState(false);
  const fmt = usePlace(info);
  const [date, setDate] = useState<string | null>(null);
  const [size, setSize] = useState(2);
  const [avail, setAvail] = useState<Availability | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [form, setForm] = useState({ name: "", phone: "", email: "", notes: "", smsConsent: false });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ reservation: PublicReservation; manageUrl: string } | null>(null);
  useTitle(info ? tr.t("book.docTitle", { name: info.name }) : tr.t("book.title"));

  useEffect(() => {
    api<PublicLocation>(`/api/public/locations/${encodeURIComponent(slug)}`).then(
      (loc) => {
        setInfo(loc);
        if (!loc.booking.online) setUnavailable(true);
      },
      (e) => e instanceof ApiError && e.status === 404 && setMissing(true),
    );
  }, [slug]);
  useEffect(() => {
    if (fmt && date === null) setDate(fmt.localDate(Date.now()));
  }, [fmt]);
  useEffect(() => {
    if (!date || !info) return;
    setSlot(null);
    // A guest changing the date or size quickly has several answers in flight: only the one for what
    // is on screen now may land, or an older day's times would replace the chosen day's.
    let current = true;
    api<Availability>(`/api/public/locations/${encodeURIComponent(slug)}/availability?date=${date}&partySize=${size}`).then(
      (a) => {
        if (!current) return;
        setAvail(a);
        setError(null);
      },
      (e) => {
        if (!current) return;
        if (e instanceof ApiError && (e.status === 404 || e.status === 402)) setUnavailable(true);
        else setError(errorMessage(tr, e));
      },
    );
    return () => {
      current = false;
    };
  }, [slug, date, size, !!info]);

  async function submit(e: Event) {
    e.preventDefault();
    if (!slot) return;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const r = await api<{ reservation: PublicReservation; token: string; manageUrl: string }>(`/api/public/locations/${encodeURIComponent(slug)}/reservations`, {
        body: { name: form.name.trim(), phone: form.phone.trim(), email: form.email.trim() || undefined, partySize: size, start: slot.start, notes: form.notes.trim() || undefined, smsConsent: form.smsConsent, language: isLanguage(lang) ? lang : undefined },
      });
      setDone({ reservation: r.reservation, manageUrl: new URL(r.manageUrl, location.href).pathname });
    } catch (err) {
      setError(errorMessage(tr, err));
      setFields(fieldMessages(tr, err));
      if (err instanceof ApiError && err.code === "slot_unavailable") {
        const next = err.details.filter((d): d is { start: string; localTime: string; message: string } => typeof d.start === "string");
        setAvail((a) => (a ? { ...a, slots: next.length ? next : a.slots.filter((s) => s.start !== slot.start) } : a));
        setSlot(null);
      }
    } finally {
      setBusy(false);
    }
  }

  if (missing) return <Notice state="unknown" icon="x" title={tr.t("common.notFoundTitle")} body={tr.t("common.notFoundBody")} />;
  if (!info || !fmt) return <Loading text={tr.t("common.loading")} />;
  if (done) {
    const r = done.reservation;
    return (
      <main class="guest">
        <GuestHeader name={info.name} icon="calendar" logoUrl={info.logoUrl} />
        <section class="card hero" data-state="booked">
          <Icon name="check" class="state-icon" />
          <h1>{tr.t("book.doneTitle")}</h1>
          <p data-testid="booked-when">{tr.t("book.doneBody", { name: r.name, count: r.partySize, date: fmt.date(r.start), time: fmt.time(r.start) })}</p>
          <p>
            <a href={done.manageUrl}>{tr.t("book.manageLink")}</a>
          </p>
        </section>
      </main>
    );
  }
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: k === "smsConsent" ? (e.currentTarget as HTMLInputElement).checked : (e.currentTarget as HTMLInputElement).value });
  return (
    <main class="guest">
      <GuestHeader name={info.name} icon="calendar" logoUrl={info.logoUrl} />
      {unavailable ? (
        <section class="card hero ended" data-state="unavailable">
          <h1>{tr.t("book.unavailableTitle")}</h1>
          <p>{tr.t("book.unavailableBody")}</p>
        </section>
      ) : (
        <form class="card" onSubmit={submit} noValidate>
          <h1>{tr.t("book.title")}</h1>
          <DateAndSize idPrefix="book" fmt={fmt} date={date ?? ""} onDate={setDate} lastDate={info.booking.lastDate} size={size} onSize={setSize} maxSize={info.booking.maxPartySize} />
          <fieldset class="field bare">
            <legend>
              <b>{tr.t("book.time")}</b>
            </legend>
            {avail && avail.date === date && avail.partySize === size ? <SlotPicker idPrefix="book" avail={avail} fmt={fmt} value={slot?.start ?? null} onPick={setSlot} /> : <span class="spinner" />}
            {avail?.slots[0] && fmt.elsewhere(Date.parse(avail.slots[0].start)) ? <p class="hint">{tr.t("common.zoneNote", { zone: fmt.zoneName(Date.parse(avail.slots[0].start)) })}</p> : null}
          </fieldset>
          <div class="field">
            <label for="book-name">{tr.t("form.name")}</label>
            <input id="book-name" type="text" autocomplete="name" value={form.name} onInput={set("name")} maxLength={80} aria-invalid={!!fields.name} />
            {fields.name ? <p class="hint error-text" role="alert">{fields.name}</p> : null}
          </div>
          <PhoneField id="book-phone" value={form.phone} onInput={(v) => setForm((f) => ({ ...f, phone: v }))} country={info.country} example={info.phoneExample} purpose="booking" error={fields.phone} />
          <div class="field">
            <label for="book-email">{tr.t("form.email")}</label>
            <input id="book-email" type="email" autocomplete="email" value={form.email} onInput={set("email")} maxLength={254} aria-invalid={!!fields.email} />
            {fields.email ? <p class="hint error-text" role="alert">{fields.email}</p> : null}
          </div>
          <div class="field">
            <label for="book-notes">{tr.t("form.notes")}</label>
            <textarea id="book-notes" value={form.notes} onInput={set("notes")} maxLength={500} rows={2} aria-describedby="book-notes-hint" />
            <p class="hint" id="book-notes-hint">{tr.t("form.notesHint")}</p>
          </div>
          <div class="field">
            <label class="check">
              <input type="checkbox" checked={form.smsConsent} onChange={set("smsConsent")} />
              <span>{tr.t("form.smsConsentBooking")}</span>
            </label>
          </div>
          {error ? <div class="alert error" role="alert">{error}</div> : null}
          <button class="btn primary block" type="submit" disabled={busy || !slot || !form.name.trim() || !form.phone.trim()}>
            {busy ? tr.t("book.booking") : slot ? tr.t("book.submit", { time: fmt.time(slot.start), count: size }) : tr.t("book.choose")}
          </button>
        </form>
      )}
    </main>
  );
}
