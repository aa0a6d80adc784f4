// The Floor panel of the host screen (issue 17): the tables by area, each free, seated (party, size,
// time seated, expected end), held for a booking (with its time) or inactive — in words and icons,
// not colour alone. Pick a waiting party, then a table (the suggestion is marked) to seat them there;
// clear a table when its party leaves. The floor comes with every `tables.updated` event, so every
// screen of the location shows the same tables at once.
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../shared/api";
import { timeOf } from "../shared/format";
import { Icon, type IconName } from "../shared/icons";
import type { Location, Reservation, ReservationView, RestParty, TableSuggestion } from "../shared/types";
import { Timeline } from "./timeline";
import { byArea, fromRestFloor, STATUS_WORDS, statusLine, type FloorTable, type RestFloorTable } from "./floor-view";
import type { Row } from "./line";
import { authed } from "./session";

const STATUS_ICON: Record<FloorTable["status"], IconName> = { free: "check", seated: "seat", held: "calendar", inactive: "x" };

type Suggestion = TableSuggestion;

export function FloorPanel({ location: loc, floor, waiting, reservations, now, pick, onPick, onFloor, onSeated, onBooking, onError }: {
  location: Location;
  floor: FloorTable[];
  waiting: Row[];
  now: number;
  /** The waiting party picked to seat, if any. */
  pick: string | null;
  onPick: (partyId: string | null) => void;
  onFloor: (tables: FloorTable[]) => void;
  onSeated: (p: RestParty, tableName: string) => void;
  /** Bookings the host screen holds (today's and any day it loaded). */
  reservations: ReservationView[];
  onBooking: (r: Reservation) => void;
  onError: (m: string) => void;
}) {
  const zone = loc.timezone;
  const party = waiting.find((p) => p.id === pick) ?? null;
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [busy, setBusy] = useState(false);
  const version = floor.map((t) => `${t.id}:${t.status}`).join();
  useEffect(() => {
    if (!party) return setSuggestion(null);
    let live = true;
    authed<{ suggestion: Suggestion | null }>(`/api/locations/${loc.id}/floor/suggestion?partySize=${party.partySize}`).then(
      (r) => live && setSuggestion(r.suggestion),
      () => live && setSuggestion(null),
    );
    return () => { live = false; };
  }, [party?.id, party?.partySize, version]);
  const suggested = new Set(suggestion?.tableIds ?? []);
  const name = (id: string) => floor.find((t) => t.id === id)?.name ?? "?";

  async function seatAt(tableIds: string[]) {
    if (!party || busy) return;
    setBusy(true);
    try {
      const r = await authed<RestParty>(`/api/locations/${loc.id}/waitlist/${party.id}/seat`, { body: { tableIds } });
      onSeated(r, tableIds.map(name).join(" + "));
      onPick(null);
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function clear(t: FloorTable) {
    try {
      const r = await authed<{ tables: RestFloorTable[] }>(`/api/locations/${loc.id}/tables/${t.id}/clear`, { method: "POST" });
      onFloor(fromRestFloor(r.tables));
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-table="${t.id}"] .table-name`)?.focus());
    } catch (e) {
      onError(errorText(e));
    }
  }

  const counts = { free: 0, seated: 0, held: 0, inactive: 0 };
  for (const t of floor) counts[t.status]++;
  return (
    <section class="floor" aria-labelledby="floor-title">
      <h2 id="floor-title">Floor</h2>
      <p class="muted small" data-testid="floor-counts">{counts.free} free · {counts.seated} seated · {counts.held} held{counts.inactive ? ` · ${counts.inactive} inactive` : ""}</p>
      <div class="field">
        <label for="floor-party">Seat a waiting party</label>
        <select id="floor-party" value={pick ?? ""} onChange={(e) => onPick(e.currentTarget.value || null)}>
          <option value="">Pick a party…</option>
          {waiting.map((p) => <option key={p.id} value={p.id}>#{p.position} {p.name} ({p.partySize})</option>)}
        </select>
      </div>
      {party ? (
        <div class="floor-pick card" role="status" data-testid="floor-pick">
          {suggestion ? (
            <>
              <p>Suggested for {party.name} ({party.partySize}): <b>{suggestion.name}</b> ({suggestion.seats} seats). Or pick any free table below.</p>
              <button class="btn primary" disabled={busy} onClick={() => seatAt(suggestion.tableIds)}><Icon name="seat" /> Seat {party.name} at {suggestion.name}</button>
            </>
          ) : (
            <p>No free table fits {party.name} ({party.partySize}) now. Pick tables below, or seat them from the line without a table.</p>
          )}
          <button class="btn" onClick={() => onPick(null)}>Stop seating</button>
        </div>
      ) : null}
      {byArea(floor).map(({ area, tables }) => (
        <div class="floor-area" key={area}>
          <h3>{area}</h3>
          <ul class="tables" aria-label={`Tables in ${area}`}>
            {tables.map((t) => {
              const canSeat = !!party && t.status !== "seated" && t.status !== "inactive";
              const isSuggested = suggested.has(t.id);
              return (
                <li key={t.id} class={`table-card ${t.status} ${isSuggested ? "suggested" : ""}`} data-table={t.id} data-table-name={t.name} data-status={t.status}>
                  <div class="table-head">
                    <b class="table-name" tabIndex={-1}>{t.name}</b>
                    <span class={`tag table-status ${t.status}`}><Icon name={STATUS_ICON[t.status]} /> {STATUS_WORDS[t.status]}</span>
                    {isSuggested ? <span class="tag suggested-tag">Suggested</span> : null}
                  </div>
                  <div class="small table-line">{statusLine(t, (ms) => timeOf(ms, zone), now)}</div>
                  {t.party ? (
                    <button class="btn small" aria-label={`Clear ${t.name} (${t.party.name} left)`} onClick={() => clear(t)}><Icon name="door" /> Clear</button>
                  ) : canSeat ? (
                    <button class={`btn small ${isSuggested ? "primary" : ""}`} disabled={busy} aria-label={`Seat here, ${t.name}, for ${party!.name}`} onClick={() => seatAt([t.id])}><Icon name="seat" /> Seat here</button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <details class="floor-timeline">
        <summary>Today's bookings by table</summary>
        <Timeline location={loc} tables={floor} reservations={reservations} now={now} onChange={onBooking} />
      </details>
    </section>
  );
}
