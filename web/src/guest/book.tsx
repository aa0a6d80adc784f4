// Booking (/book/:slug) and managing a booking (/book/<token>), against the Reservations API contract.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, errorText, fieldErrors } from "../shared/api";
import { useTitle } from "../shared/format";
import { Icon } from "../shared/icons";
import type { Availability, PublicLocation, PublicReservation, Slot } from "../shared/types";

// Manage tokens: location id hex + HMAC (contract), the same shape as guest waitlist tokens.
export const MANAGE_TOKEN = /^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/;

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function SlotPicker({ slots, value, onPick }: { slots: Slot[]; value: string | null; onPick: (s: Slot) => void }) {
  if (slots.length === 0) return <p class="alert info" role="status">No tables left for this day and party size. Try another day.</p>;
  return (
    <div class="slots" role="group" aria-label="Times">
      {slots.map((s) => (
        <button type="button" class="choice" aria-pressed={value === s.start} onClick={() => onPick(s)} key={s.start}>
          {s.localTime}
        </button>
      ))}
    </div>
  );
}

export function BookPage({ slug }: { slug: string }) {
  const [info, setInfo] = useState<PublicLocation | null>(null);
  const [date, setDate] = useState(today());
  const [size, setSize] = useState(2);
  const [avail, setAvail] = useState<Availability | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [form, setForm] = useState({ name: "", phone: "", email: "", notes: "", smsConsent: true });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ reservation: PublicReservation; manageUrl: string } | null>(null);
  useTitle(info ? `Book a table at ${info.name}` : "Book a table");

  useEffect(() => {
    api<PublicLocation>(`/api/public/locations/${encodeURIComponent(slug)}`).then(setInfo, () => setInfo(null));
  }, [slug]);
  useEffect(() => {
    setSlot(null);
    // A guest changing the date or size quickly has several answers in flight: only the one for what
    // is on screen now may land, or an older day's times would replace the chosen day's.
    let current = true;
    api<Availability>(`/api/public/locations/${encodeURIComponent(slug)}/availability?date=${date}&partySize=${size}`).then(
      (a) => {
        if (!current) return;
        setAvail(a);
        setUnavailable(false);
        setError(null);
      },
      (e) => {
        if (!current) return;
        if (e instanceof ApiError && e.status === 404) setUnavailable(true);
        else setError(errorText(e));
      },
    );
    return () => {
      current = false;
    };
  }, [slug, date, size]);

  async function submit(e: Event) {
    e.preventDefault();
    if (!slot) return;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const r = await api<{ reservation: PublicReservation; token: string; manageUrl: string }>(`/api/public/locations/${encodeURIComponent(slug)}/reservations`, {
        body: { name: form.name.trim(), phone: form.phone.trim(), email: form.email.trim() || undefined, partySize: size, start: slot.start, notes: form.notes.trim() || undefined, smsConsent: form.smsConsent },
      });
      setDone({ reservation: r.reservation, manageUrl: new URL(r.manageUrl, location.href).pathname });
    } catch (err) {
      setError(errorText(err));
      setFields(fieldErrors(err));
      if (err instanceof ApiError && err.code === "slot_unavailable") {
        const next = err.details.filter((d): d is { start: string; localTime: string; message: string } => typeof d.start === "string");
        setAvail((a) => (a ? { ...a, slots: next.length ? next : a.slots.filter((s) => s.start !== slot.start) } : a));
        setSlot(null);
      }
    } finally {
      setBusy(false);
    }
  }

  const name = info?.name ?? "";
  if (done) {
    return (
      <main class="guest">
        <section class="card hero" data-state="booked">
          <Icon name="check" class="state-icon" />
          <h1>You're booked</h1>
          <p>
            {done.reservation.name}, party of {done.reservation.partySize}, on {done.reservation.localDate} at {done.reservation.localTime}.
          </p>
          <p>
            <a href={done.manageUrl}>Change or cancel this booking</a>
          </p>
        </section>
      </main>
    );
  }
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: k === "smsConsent" ? (e.currentTarget as HTMLInputElement).checked : (e.currentTarget as HTMLInputElement).value });
  return (
    <main class="guest">
      <header>
        <Icon name="calendar" width={28} height={28} />
        <span class="name">{name || "Book a table"}</span>
      </header>
      {unavailable ? (
        <section class="card hero ended" data-state="unavailable">
          <h1>Online booking isn't available here</h1>
          <p>Please call the restaurant{info ? ` or join the waitlist on arrival` : ""}.</p>
        </section>
      ) : (
        <form class="card" onSubmit={submit} noValidate>
          <h1>Book a table</h1>
          <div class="row">
            <div class="field spacer">
              <label for="book-date">Date</label>
              <input id="book-date" type="date" value={date} min={today()} onInput={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
            </div>
            <div class="field spacer">
              <label for="book-size">Party size</label>
              <select id="book-size" value={String(size)} onChange={(e) => setSize(Number(e.currentTarget.value))}>
                {Array.from({ length: avail?.maxPartySize ?? 12 }, (_, i) => i + 1).map((n) => (
                  <option value={n} key={n}>{n}</option>
                ))}
              </select>
            </div>
          </div>
          <fieldset class="field bare">
            <legend><b>Time</b></legend>
            {avail ? <SlotPicker slots={avail.slots} value={slot?.start ?? null} onPick={setSlot} /> : <span class="spinner" />}
          </fieldset>
          <div class="field">
            <label for="book-name">Name</label>
            <input id="book-name" type="text" autocomplete="name" value={form.name} onInput={set("name")} maxLength={80} />
            {fields.name ? <p class="hint" role="alert">{fields.name}</p> : null}
          </div>
          <div class="field">
            <label for="book-phone">Mobile phone</label>
            <input id="book-phone" type="tel" autocomplete="tel" value={form.phone} onInput={set("phone")} maxLength={32} />
            {fields.phone ? <p class="hint" role="alert">{fields.phone}</p> : null}
          </div>
          <div class="field">
            <label for="book-email">Email (optional)</label>
            <input id="book-email" type="email" autocomplete="email" value={form.email} onInput={set("email")} maxLength={254} />
          </div>
          <div class="field">
            <label for="book-notes">Notes (optional)</label>
            <textarea id="book-notes" value={form.notes} onInput={set("notes")} maxLength={500} />
          </div>
          <div class="field">
            <label class="check">
              <input type="checkbox" checked={form.smsConsent} onChange={set("smsConsent")} />
              <span>Text me a confirmation and a reminder. Reply STOP to opt out.</span>
            </label>
          </div>
          {error ? <div class="alert error" role="alert">{error}</div> : null}
          <button class="btn primary block" type="submit" disabled={busy || !slot || !form.name.trim() || !form.phone.trim()}>
            {busy ? "Booking…" : slot ? `Book ${slot.localTime} for ${size}` : "Choose a time"}
          </button>
        </form>
      )}
    </main>
  );
}

interface ManageAnswer {
  reservation: PublicReservation;
  restaurant: { name: string; slug: string; timezone: string };
  canChange: boolean;
  changeCutoffAt: string | null;
}

export function ManageBookingPage({ token }: { token: string }) {
  const [data, setData] = useState<ManageAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState("");
  const [size, setSize] = useState(2);
  const [avail, setAvail] = useState<Availability | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/public/reservations/${encodeURIComponent(token)}`;
  useTitle(data ? `Your booking at ${data.restaurant.name}` : "Your booking");

  useEffect(() => {
    api<ManageAnswer>(base).then(
      (d) => {
        setData(d);
        setDate(d.reservation.localDate);
        setSize(d.reservation.partySize);
      },
      (e) => setError(errorText(e)),
    );
  }, [token]);
  useEffect(() => {
    if (!editing || !data) return;
    setSlot(null);
    let current = true; // as on the booking page: only the answer for what is on screen may land
    api<Availability>(`/api/public/locations/${encodeURIComponent(data.restaurant.slug)}/availability?date=${date}&partySize=${size}`).then(
      (a) => {
        if (!current) return;
        setAvail(a);
        setError(null);
      },
      (e) => current && setError(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [editing, date, size]);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const body: { start?: string; partySize?: number } = {};
      if (slot) body.start = slot.start;
      if (size !== data!.reservation.partySize) body.partySize = size;
      const r = await api<{ reservation: PublicReservation }>(base, { method: "PATCH", body });
      setData({ ...data!, reservation: r.reservation });
      setEditing(false);
      setNotice("Your booking is changed.");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ reservation: PublicReservation }>(`${base}/cancel`, { method: "POST" });
      setData({ ...data!, reservation: r.reservation });
      setNotice("Your booking is cancelled.");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (!data) {
    return <main class="guest">{error ? <><h1>We couldn't find this booking</h1><p>{error}</p></> : <p class="row"><span class="spinner" /> Loading…</p>}</main>;
  }
  const r = data.reservation;
  const cancelled = r.status === "cancelled";
  return (
    <main class="guest">
      <header>
        <Icon name="calendar" width={28} height={28} />
        <span class="name">{data.restaurant.name}</span>
      </header>
      <section class={`card hero ${cancelled ? "ended" : ""}`} data-state={r.status}>
        <h1>{cancelled ? "Booking cancelled" : "Your booking"}</h1>
        <p class="big" style={{ fontSize: "2.5rem" }}>{r.localTime}</p>
        <p>{r.localDate} · party of {r.partySize} · {r.name}</p>
      </section>
      {notice ? <div class="alert success" role="status">{notice}</div> : null}
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      {!cancelled && data.canChange ? (
        editing ? (
          <div class="card stack">
            <div class="row">
              <div class="field spacer"><label for="m-date">Date</label><input id="m-date" type="date" value={date} min={today()} onInput={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} /></div>
              <div class="field spacer"><label for="m-size">Party size</label>
                <select id="m-size" value={String(size)} onChange={(e) => setSize(Number(e.currentTarget.value))}>
                  {Array.from({ length: avail?.maxPartySize ?? 12 }, (_, i) => i + 1).map((n) => <option value={n} key={n}>{n}</option>)}
                </select>
              </div>
            </div>
            {avail ? <SlotPicker slots={avail.slots} value={slot?.start ?? null} onPick={setSlot} /> : <span class="spinner" />}
            <div class="row">
              <button class="btn primary" disabled={busy || (!slot && size === r.partySize)} onClick={save}>Save changes</button>
              <button class="btn" onClick={() => setEditing(false)}>Keep as is</button>
            </div>
          </div>
        ) : (
          <div class="actions">
            <button class="btn primary" onClick={() => setEditing(true)}>Change date, time or party size</button>
            <button class="btn danger" disabled={busy} onClick={cancel}>Cancel booking</button>
          </div>
        )
      ) : !cancelled ? (
        <p class="muted">This booking can no longer be changed online{data.changeCutoffAt ? "" : ""}. Please call the restaurant.</p>
      ) : null}
    </main>
  );
}
