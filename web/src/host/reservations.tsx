// The day's reservations beside the waitlist (shown once the reservations API answers).
import { errorText } from "../shared/api";
import { timeOf } from "../shared/format";
import type { Location, Reservation, ReservationView } from "../shared/types";
import { authed } from "./session";

const NEXT: Partial<Record<ReservationView["status"], [string, string][]>> = {
  booked: [["arrive", "Arrived"], ["seat", "Seat"], ["no-show", "No-show"]],
  confirmed: [["arrive", "Arrived"], ["seat", "Seat"], ["no-show", "No-show"]],
  arrived: [["seat", "Seat"]],
  seated: [["complete", "Done"]],
};

export function ReservationsPanel({ location: loc, reservations, onChange, onError }: { location: Location; reservations: ReservationView[]; onChange: (r: Reservation) => void; onError: (m: string) => void }) {
  const list = [...reservations].sort((a, b) => a.start - b.start);
  async function act(r: ReservationView, action: string) {
    try {
      const res = await authed<{ reservation: Reservation }>(`/api/locations/${loc.id}/reservations/${r.id}/${action}`, { method: "POST" });
      onChange(res.reservation);
    } catch (e) {
      onError(errorText(e));
    }
  }
  return (
    <section class="reservations" aria-labelledby="res-title">
      <h2 id="res-title">Today's reservations</h2>
      {list.length === 0 ? <p class="muted">No bookings today.</p> : null}
      <ol class="res-list">
        {list.map((r) => (
          <li key={r.id} class={`res ${r.status}`} data-reservation={r.name}>
            <span class="time">{timeOf(r.start, loc.timezone)}</span>
            <span class="spacer">
              <b>{r.name}</b> ({r.partySize}) <span class="tag">{r.status.replace("_", "-")}</span>
              {r.notes ? <span class="muted small"> {r.notes}</span> : null}
            </span>
            <span class="row">
              {(NEXT[r.status] ?? []).map(([a, label]) => (
                <button class="btn small" key={a} onClick={() => act(r, a)}>{label}</button>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
