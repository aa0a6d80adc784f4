// Today's bookings by table (issue 17), Gantt-like: one row per table, each booking a bar from its
// start to its end. Choosing a bar opens a small form to move the booking to another table or time;
// the move is the API's own PATCH, so it meets every check a booking does (a taken table or time is
// refused with the API's message, at the form).
import { useState } from "preact/hooks";
import { localDate, minutesOf, zonedInstant } from "../../../domain/time";
import { errorText, fieldErrors } from "../shared/api";
import { timeOf } from "../shared/format";
import type { Location, Reservation, ReservationView } from "../shared/types";
import type { FloorTable } from "./floor-view";
import { authed } from "./session";

const HOLDING = new Set(["booked", "confirmed", "arrived", "seated"]);
const HOUR = 3_600_000;

/** "HH:MM" of an instant in the zone (24 h, for the time input). */
function hhmm(ms: number, timeZone: string): string {
  const p = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
  return p.slice(0, 5);
}

export function Timeline({ location: loc, tables, reservations, now, onChange }: {
  location: Location;
  tables: FloorTable[];
  reservations: ReservationView[];
  now: number;
  onChange: (r: Reservation) => void;
}) {
  const zone = loc.timezone;
  const today = localDate(now, zone);
  const list = reservations.filter((r) => HOLDING.has(r.status) && localDate(r.start, zone) === today).sort((a, b) => a.start - b.start);
  const [moving, setMoving] = useState<string | null>(null);
  if (list.length === 0) return <p class="muted small">No bookings left today.</p>;
  // The axis: whole hours around today's bookings.
  const from = Math.floor(Math.min(...list.map((r) => r.start)) / HOUR) * HOUR;
  const to = Math.ceil(Math.max(...list.map((r) => r.end)) / HOUR) * HOUR;
  const span = Math.max(HOUR, to - from);
  const pct = (ms: number) => `${(100 * (ms - from)) / span}%`;
  const active = tables.filter((t) => t.active);
  const unassigned = list.filter((r) => r.tableIds.length === 0);
  const rowOf = (t: { id: string; name: string }, bookings: ReservationView[]) => (
    <li class="tl-row" key={t.id} data-timeline-table={t.name}>
      <span class="tl-name">{t.name}</span>
      <span class="tl-track">
        {bookings.map((r) => (
          <button
            key={r.id}
            class={`tl-bar ${r.status} ${moving === r.id ? "selected" : ""}`}
            style={{ left: pct(r.start), width: pct(from + (r.end - r.start)) }}
            aria-expanded={moving === r.id}
            aria-label={`${r.name} (${r.partySize}) ${timeOf(r.start, zone)}–${timeOf(r.end, zone)} at ${t.name}, ${r.status}: move`}
            onClick={() => setMoving(moving === r.id ? null : r.id)}
          >
            <span aria-hidden="true">{r.name}{r.status === "seated" ? " · seated" : ""}</span>
          </button>
        ))}
      </span>
    </li>
  );
  const current = list.find((r) => r.id === moving) ?? null;
  return (
    <div class="timeline">
      <p class="muted small tl-axis"><span>{timeOf(from, zone)}</span><span>{timeOf(to, zone)}</span></p>
      <ul class="tl-rows" aria-label="Today's bookings by table">
        {active.map((t) => rowOf(t, list.filter((r) => r.tableIds.includes(t.id))))}
        {unassigned.length ? rowOf({ id: "none", name: "No table" }, unassigned) : null}
      </ul>
      {current ? <MoveBooking key={current.id} location={loc} booking={current} tables={active} onDone={(r) => { setMoving(null); if (r) onChange(r); }} /> : null}
    </div>
  );
}

function MoveBooking({ location: loc, booking: r, tables, onDone }: { location: Location; booking: ReservationView; tables: FloorTable[]; onDone: (r: Reservation | null) => void }) {
  const zone = loc.timezone;
  const [table, setTable] = useState(r.tableIds[0] ?? "");
  const [time, setTime] = useState(hhmm(r.start, zone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canRetime = r.status === "booked" || r.status === "confirmed";

  async function submit(e: Event) {
    e.preventDefault();
    setErrors({});
    setError(null);
    const at = /^\d\d:\d\d$/.test(time) ? zonedInstant(localDate(r.start, zone), minutesOf(time), zone) : null;
    if (at === null) return setErrors({ start: "Pick a time that exists today." });
    const body: Record<string, unknown> = {};
    if (table && (r.tableIds.length !== 1 || r.tableIds[0] !== table)) body.tableIds = [table];
    if (at !== r.start) body.start = new Date(at).toISOString();
    if (Object.keys(body).length === 0) return onDone(null);
    setBusy(true);
    try {
      onDone((await authed<{ reservation: Reservation }>(`/api/locations/${loc.id}/reservations/${r.id}`, { method: "PATCH", body })).reservation);
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card tl-move" onSubmit={submit} noValidate aria-labelledby="tl-move-title">
      <h3 id="tl-move-title">Move {r.name} ({r.partySize})</h3>
      <div class="grid2">
        <div class="field">
          <label for="tl-table">Table</label>
          <select id="tl-table" value={table} onChange={(e) => setTable(e.currentTarget.value)} aria-invalid={errors.tableIds ? true : undefined}>
            {r.tableIds.length === 0 ? <option value="">No table</option> : null}
            {tables.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.minSeats}–{t.maxSeats})</option>)}
          </select>
        </div>
        <div class="field">
          <label for="tl-time">Time</label>
          <input id="tl-time" type="time" value={time} disabled={!canRetime} onInput={(e) => setTime(e.currentTarget.value)} aria-invalid={errors.start ? true : undefined} aria-describedby={errors.start ? "tl-time-error" : undefined} />
          {errors.start ? <p class="field-error" id="tl-time-error">{errors.start}</p> : null}
        </div>
      </div>
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      <div class="row acts-gap">
        <button class="btn primary" type="submit" disabled={busy}>Move booking</button>
        <button class="btn" type="button" onClick={() => onDone(null)}>Close</button>
      </div>
    </form>
  );
}
