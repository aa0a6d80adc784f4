// The waits the location shows and sends (issue 19): the floor-aware estimate of domain/estimates,
// fed from what this DO's SQLite holds, with the interval estimate (waitlist/model) as the fallback.
//
// Where the host seats at tables (issue 17, reservations/floor.ts), the floor is who sits where:
// the occupancy rows, each party staying for the remaining time of its size's dining duration
// (EstimateModel.occupancyKnown = true). That mode holds while the host seated a walk-in at tables
// or cleared a table within three longest dining durations (OCCUPANCY_MARK); parties seated without
// a table meanwhile are not on the floor.
// Otherwise (the derived mode, the fallback) the floor is derived from the parties and bookings
// seated recently (size, seated time, a booking's tables): the day's seatings are replayed by fit,
// a seating where only a taken table fits counting as evidence that its diners left, and a party
// past its median dining time counting as gone (see domain/estimates/floor.ts). The derived floor
// estimate is used only when the location has tables and at least one walk-in was seated through
// the line within the longest dining duration — evidence that the host seats through Seatline;
// otherwise the DO cannot tell an empty floor from a floor it does not see, and the interval
// estimate stays.
import { estimateLine, type LineEstimates } from "../domain/estimates/line";
import { learnModel, type ClosedWalkIn } from "../domain/estimates/learn";
import type { WaitEstimate } from "../domain/estimates/types";
import { durationFor, type BookingSettings } from "../domain/reservations/model";
import { readCombinations, readTables, reservationsBetween } from "./reservations/store";
import { bandOf, estimateMinutes, type Party, type PartySource, type SizeBand } from "../domain/waitlist/model";
import type { SeatedParty } from "../domain/estimates/types";
import { OCCUPANCY_MARK } from "./storage/meta";
import type { Intervals } from "../domain/waitlist/protocol";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Closed walk-ins the model learns drop-outs and walk times from: the latest ones of the last 28 days. */
const LEARN_FROM = 500;
const LEARN_WINDOW_MS = 28 * 24 * HOUR;

/** The learnt parameters move slowly: read once an hour per location (keyed by its storage). */
const learntCache = new WeakMap<SqlStorage, { hourKey: number; closed: ClosedWalkIn[] }>();

function learnt(sql: SqlStorage, at: number, durationMinutes: (size: number) => number, occupancyKnown: boolean) {
  const hourKey = Math.floor(at / HOUR);
  let cached = learntCache.get(sql);
  if (!cached || cached.hourKey !== hourKey) {
    const closed = sql
      .exec(
        "SELECT source, state, notified_at, seated_at FROM parties WHERE state IN ('seated', 'cancelled', 'no_show', 'left') AND closed_at >= ? ORDER BY closed_at DESC LIMIT ?",
        at - LEARN_WINDOW_MS,
        LEARN_FROM,
      )
      .toArray()
      .map((r) => ({ source: r.source as ClosedWalkIn["source"], seated: r.state === "seated", notifiedAt: (r.notified_at as number | null) ?? null, seatedAt: (r.seated_at as number | null) ?? null }));
    cached = { hourKey, closed };
    learntCache.set(sql, cached);
  }
  return learnModel({ durationMinutes, closed: cached.closed, occupancyKnown });
}

export interface Waits {
  /** Minutes for a party in line (`sameBandAhead` from positions(), for the interval fallback). */
  minutes(p: Party, sameBandAhead: number): number;
  /** The range, when the floor estimate is in use. */
  range(p: Party): WaitEstimate | null;
  /** The range as guests get it (`{}` when there is none, so the status keeps its shape). */
  rangeView(p: Party): { estimatedWaitRange?: { lowMinutes: number; highMinutes: number } };
  /** For someone deciding whether to join: minutes for a party of `size` at the end of the line (else `fallbackMinutes`). */
  forNewParty(size: number, fallbackMinutes: number): number;
  /**
   * What a party of `size` from `source` would be given once it joined the end of the line now — the
   * figure (and, from the floor, the range) it then sees in line: the join page, the host's Add form,
   * the default quote. Falls back to the interval estimate as `minutes` does.
   */
  joining(size: number, source: PartySource): { minutes: number; range: WaitEstimate | null };
}

export function lineWaits(sql: SqlStorage, input: { at: number; line: Party[]; intervals: Intervals; bookingSettings: BookingSettings }): Waits {
  const { at, line, intervals } = input;
  const fallback = (size: number, sameBandAhead: number) => estimateMinutes(intervals[bandOf(size)].minutes, sameBandAhead);
  const floor = floorEstimates(sql, input);
  let perBand: Record<SizeBand, number> | undefined;
  return {
    minutes: (p, sameBandAhead) => floor?.byParty.get(p.id)?.minutes ?? fallback(p.partySize, sameBandAhead),
    range: (p) => floor?.byParty.get(p.id) ?? null,
    rangeView: (p) => {
      const r = floor?.byParty.get(p.id);
      return r ? { estimatedWaitRange: { lowMinutes: r.low, highMinutes: r.high } } : {};
    },
    forNewParty: (size, fallbackMinutes) => floor?.forNewParty(size)?.minutes ?? fallbackMinutes,
    joining: (size, source) => {
      const r = floor?.joining(size, source) ?? null;
      if (r) return { minutes: r.minutes, range: r };
      // Everyone in line is ahead of a newcomer: its same-band count is the band's whole count.
      perBand ??= countBands(line);
      return { minutes: fallback(size, perBand[bandOf(size)]), range: null };
    },
  };

  function floorEstimates(sql: SqlStorage, { bookingSettings }: { bookingSettings: BookingSettings }): LineEstimates | null {
    const tables = readTables(sql).filter((t) => t.active);
    if (tables.length === 0) return null;
    const longest = Math.max(...bookingSettings.durations.map((d) => d.minutes), 90) * MINUTE;
    const since = at - 3 * longest;
    const mark = sql.exec("SELECT value FROM meta WHERE key = ?", OCCUPANCY_MARK).toArray()[0]?.value;
    const known = mark !== undefined && Number(mark) >= since;
    // A seated party's closed_at is its seated time: these read the (state, closed_at) index.
    if (!known && (sql.exec("SELECT COUNT(*) AS n FROM parties WHERE state = 'seated' AND closed_at >= ?", at - longest).one().n as number) === 0) return null;
    const durationMinutes = (size: number) => durationFor(bookingSettings, size);
    const books = reservationsBetween(sql, since, at + longest);
    const holding = books.filter((r) => r.status === "booked" || r.status === "confirmed" || r.status === "arrived").map((r) => ({ partySize: r.partySize, start: r.start, end: r.end, tableIds: r.tableIds }));
    const model = learnt(sql, at, durationMinutes, known);
    return estimateLine(
      {
        tables,
        combinations: readCombinations(sql),
        seated: known ? occupied(sql) : derived(sql, since, books),
        bookings: holding,
        line: line.map((p) => ({ id: p.id, size: p.partySize, state: p.status as "waiting" | "notified", notifiedAt: p.notifiedAt, source: p.source })),
      },
      model,
      at,
    );
  }
}

function countBands(line: Party[]): Record<SizeBand, number> {
  const n: Record<SizeBand, number> = { "1-2": 0, "3-4": 0, "5-6": 0, "7+": 0 };
  for (const p of line) n[bandOf(p.partySize)]++;
  return n;
}

/** Who sits where (issue 17): one seated party per occupant, with all of its tables. */
function occupied(sql: SqlStorage): SeatedParty[] {
  const byParty = new Map<string, SeatedParty & { tableIds: string[] }>();
  const rows = sql.exec(
    `SELECT o.party_id, o.table_id, o.seated_at, COALESCE(p.size, r.party_size) AS size FROM table_occupancy o
       LEFT JOIN parties p ON o.kind = 'party' AND p.id = o.party_id
       LEFT JOIN reservations r ON o.kind = 'reservation' AND r.id = o.party_id`,
  );
  for (const r of rows) {
    if (r.size === null) continue;
    const id = r.party_id as string;
    const seen = byParty.get(id);
    if (seen) seen.tableIds.push(r.table_id as string);
    else byParty.set(id, { size: r.size as number, seatedAt: r.seated_at as number, tableIds: [r.table_id as string] });
  }
  return [...byParty.values()];
}

/** The derived floor: parties seated through the line lately, and seated bookings at their tables. */
function derived(sql: SqlStorage, since: number, books: ReturnType<typeof reservationsBetween>): SeatedParty[] {
  const seatedParties = sql
    .exec("SELECT size, seated_at FROM parties WHERE state = 'seated' AND closed_at >= ?", since)
    .toArray()
    .map((r) => ({ size: r.size as number, seatedAt: r.seated_at as number }));
  const seatedBookings = books.filter((r) => r.status === "seated" && r.seatedAt !== null).map((r) => ({ size: r.partySize, seatedAt: r.seatedAt!, tableIds: r.tableIds }));
  return [...seatedParties, ...seatedBookings];
}
