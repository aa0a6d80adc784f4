// Reservations beside the waitlist: any date (today by default, in the location's zone), phone
// bookings with a table suggestion (the best free table unless the host picks one), and every action
// the book allows — all through the reservations REST API; live events keep the list current.
import { useEffect, useState } from "preact/hooks";
import { addDays, localDate, minutesOf, zonedInstant } from "../../../domain/time";
import { errorText, fieldErrors } from "../shared/api";
import { phoneText, timeOf } from "../shared/format";
import { Icon } from "../shared/icons";
import type { Location, Reservation, ReservationView, Tables } from "../shared/types";
import { authed } from "./session";

const NEXT: Partial<Record<ReservationView["status"], [string, string][]>> = {
  booked: [["confirm", "Confirm"], ["arrive", "Arrived"], ["seat", "Seat"]],
  confirmed: [["arrive", "Arrived"], ["seat", "Seat"]],
  arrived: [["seat", "Seat"]],
  seated: [["complete", "Done"]],
};
const CLOSING: Partial<Record<ReservationView["status"], [string, string][]>> = {
  booked: [["cancel", "Cancel"], ["no_show", "No-show"]],
  confirmed: [["cancel", "Cancel"], ["no_show", "No-show"]],
  arrived: [["cancel", "Cancel"]],
};

export function ReservationsPanel({ location: loc, reservations, onLoaded, onChange, onError }: {
  location: Location;
  reservations: ReservationView[];
  onLoaded: (list: Reservation[]) => void;
  onChange: (r: Reservation) => void;
  onError: (m: string) => void;
}) {
  const zone = loc.timezone;
  const [date, setDate] = useState(() => localDate(Date.now(), zone));
  const [tables, setTables] = useState<Tables | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    authed<{ reservations: Reservation[] }>(`/api/locations/${loc.id}/reservations?date=${date}`).then((r) => onLoaded(r.reservations), (e) => onError(errorText(e)));
  }, [date]);
  useEffect(() => {
    authed<Tables>(`/api/locations/${loc.id}/tables`).then(setTables, () => setTables({ tables: [], combinations: [] }));
  }, [loc.id]);
  const list = reservations.filter((r) => localDate(r.start, zone) === date).sort((a, b) => a.start - b.start);
  const tableName = (id: string) => tables?.tables.find((t) => t.id === id)?.name ?? "?";

  async function act(r: ReservationView, action: string) {
    try {
      onChange((await authed<{ reservation: Reservation }>(`/api/locations/${loc.id}/reservations/${r.id}/${action}`, { method: "POST" })).reservation);
    } catch (e) {
      onError(errorText(e));
    }
  }
  const day = new Date(`${date}T12:00:00Z`).toLocaleDateString([], { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
  return (
    <section class="reservations" aria-labelledby="res-title">
      <h2 id="res-title">Reservations · {day}</h2>
      <div class="row res-date">
        <button class="btn icon" aria-label="Previous day" onClick={() => setDate(addDays(date, -1))}><Icon name="up" class="rot-left" /></button>
        <label class="sr-only" for="res-date">Date</label>
        <input id="res-date" type="date" value={date} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
        <button class="btn icon" aria-label="Next day" onClick={() => setDate(addDays(date, 1))}><Icon name="down" class="rot-left" /></button>
      </div>
      {adding ? (
        <NewBooking location={loc} date={date} tables={tables} onDone={(r) => { setAdding(false); if (r) onChange(r); }} />
      ) : (
        <button class="btn primary block" onClick={() => setAdding(true)}><Icon name="plus" /> New booking</button>
      )}
      {list.length === 0 ? <p class="muted">No bookings on this day.</p> : null}
      <ol class="res-list">
        {list.map((r) => (
          <li key={r.id} class={`res ${r.status}`} data-reservation={r.name}>
            <div class="res-head">
              <span class="time">{timeOf(r.start, zone)}</span>
              <b>{r.name}</b> <span class="size" aria-label={`party of ${r.partySize}`}>{r.partySize}</span>
              <span class="tag status">{r.status.replace("_", "-")}</span>
            </div>
            <div class="muted small">
              {r.tableIds.length ? `Table ${r.tableIds.map(tableName).join(" + ")}` : "No table"}
              {r.phone ? ` · ${phoneText(r.phone)}` : ""}
            </div>
            {r.notes ? <div class="notes small">{r.notes}</div> : null}
            <div class="row res-acts">
              {(NEXT[r.status] ?? []).map(([a, label]) => (
                <button class="btn small" key={a} aria-label={`${label} ${r.name}`} onClick={() => act(r, a)}>{label}</button>
              ))}
              <span class="spacer" />
              {(CLOSING[r.status] ?? []).map(([a, label]) => (
                <button class="btn small danger" key={a} aria-label={`${label} ${r.name}`} onClick={() => act(r, a)}>{label}</button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function NewBooking({ location: loc, date, tables, onDone }: { location: Location; date: string; tables: Tables | null; onDone: (r: Reservation | null) => void }) {
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [size, setSize] = useState("2");
  const [time, setTime] = useState("19:00");
  const [table, setTable] = useState("auto");
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setErrors({});
    setError(null);
    const at = /^\d\d:\d\d$/.test(time) ? zonedInstant(date, minutesOf(time), loc.timezone) : null;
    if (at === null) return setErrors({ start: "Pick a time that exists on this day." });
    setBusy(true);
    try {
      const body = {
        name: name.trim(),
        partySize: Number(size),
        start: new Date(at).toISOString(),
        ...(phone.trim() ? { phone: phone.trim(), smsConsent: true } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(table === "auto" ? {} : { tableIds: table === "none" ? [] : [table] }),
      };
      onDone((await authed<{ reservation: Reservation }>(`/api/locations/${loc.id}/reservations`, { body })).reservation);
    } catch (err) {
      const f = fieldErrors(err);
      setErrors(f);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const err = (k: string) => (errors[k] ? <p class="field-error" id={`nb-${k}-error`}>{errors[k]}</p> : null);
  const inv = (k: string) => (errors[k] ? { "aria-invalid": true, "aria-describedby": `nb-${k}-error` } : {});
  return (
    <form class="new-booking card" onSubmit={submit} noValidate aria-labelledby="nb-title">
      <h3 id="nb-title">New booking</h3>
      <div class="field"><label for="nb-name">Name</label><input id="nb-name" type="text" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} {...inv("name")} />{err("name")}</div>
      <div class="field"><label for="nb-phone">Phone</label><input id="nb-phone" type="tel" value={phone} maxLength={32} onInput={(e) => setPhone(e.currentTarget.value)} {...inv("phone")} />{err("phone")}</div>
      <div class="grid2">
        <div class="field"><label for="nb-size">Party size</label><input id="nb-size" type="number" min={1} max={100} value={size} onInput={(e) => setSize(e.currentTarget.value)} {...inv("partySize")} />{err("partySize")}</div>
        <div class="field"><label for="nb-time">Time</label><input id="nb-time" type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} {...inv("start")} />{err("start")}</div>
      </div>
      <div class="field">
        <label for="nb-table">Table</label>
        <select id="nb-table" value={table} onChange={(e) => setTable(e.currentTarget.value)}>
          <option value="auto">Best free table</option>
          {(tables?.tables ?? []).map((t) => <option value={t.id} key={t.id}>{t.name} ({t.minSeats}–{t.maxSeats})</option>)}
          <option value="none">No table yet</option>
        </select>
      </div>
      <div class="field"><label for="nb-notes">Notes</label><textarea id="nb-notes" rows={2} value={notes} maxLength={500} onInput={(e) => setNotes(e.currentTarget.value)} /></div>
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      <div class="row acts-gap">
        <button class="btn primary" type="submit" disabled={busy || !name.trim()}>Book</button>
        <button class="btn" type="button" onClick={() => onDone(null)}>Close form</button>
      </div>
    </form>
  );
}
