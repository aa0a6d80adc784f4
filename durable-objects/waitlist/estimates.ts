// Walk-in intervals per size band: learnt from this location's seatings (`seatings`, 28 days),
// cached per hour, and stretched where tables are held for bookings soon (domain/reservations/estimates).
import { heldTableFactor } from "../../domain/reservations/estimates";
import { durationFor, isHolding, type BookingSettings } from "../../domain/reservations/model";
import { bandIntervals, bandOf, HISTORY_WINDOW_MS, localWeekdayHour, type BandMinutes, type Seating } from "../../domain/waitlist/model";
import type { Intervals } from "../../domain/waitlist/protocol";
import { readTables, reservationsBetween } from "../reservations/store";
import type { Party } from "../../domain/waitlist/model";
import { lineWaits, type Waits } from "../waits";

export class Estimates {
  private cache: { hourKey: number; intervals: Intervals } | null = null;
  /** The last 28 days of seatings, read once and then kept as seatings are recorded (no re-read per seat). */
  private seatings: Seating[] | null = null;
  /** Bumped whenever the intervals may have changed (waitlist/line.ts keys its view on it). */
  generation = 0;

  constructor(
    private readonly sql: SqlStorage,
    private readonly config: () => { timezone: string; defaults: BandMinutes; booking: BookingSettings },
  ) {}

  /** Walk-in intervals at `at`, with held tables taken into account. */
  intervals(at: number): Intervals {
    const base = this.baseIntervals(at);
    const tables = readTables(this.sql);
    if (tables.length === 0) return base;
    const booking = this.config().booking;
    const horizon = Math.max(...booking.durations.map((d) => d.minutes), 0) * 60_000;
    const held = reservationsBetween(this.sql, at, at + horizon).filter((r) => isHolding(r.status));
    if (held.length === 0) return base;
    const out = { ...base };
    for (const band of Object.keys(base) as (keyof Intervals)[]) {
      const factor = heldTableFactor(tables, held, band, at, (size) => durationFor(booking, size) * 60_000);
      if (factor !== 1) out[band] = { ...base[band], minutes: Math.round(base[band].minutes * factor) };
    }
    return out;
  }

  /** The waits shown and sent: floor-aware where the floor is seen, else these intervals (../waits.ts). */
  waits(at: number, line: Party[]): Waits {
    return lineWaits(this.sql, { at, line, intervals: this.intervals(at), bookingSettings: this.config().booking });
  }

  private baseIntervals(at: number): Intervals {
    const hourKey = Math.floor(at / 3_600_000);
    if (this.cache && this.cache.hourKey === hourKey) return this.cache.intervals;
    if (this.seatings === null) {
      this.seatings = this.sql
        .exec("SELECT at, band, weekday, hour FROM seatings WHERE at >= ?", at - HISTORY_WINDOW_MS)
        .toArray()
        .map((r) => ({ at: r.at as number, band: r.band as Seating["band"], weekday: r.weekday as number, hour: r.hour as number }));
    }
    const seatings = this.seatings;
    const { timezone, defaults } = this.config();
    const local = localWeekdayHour(at, timezone);
    const intervals = bandIntervals(seatings, { at, ...local }, defaults);
    this.cache = { hourKey, intervals };
    return intervals;
  }

  /** A party (or booking) seated at `at` counts towards the intervals. */
  recordSeating(at: number, size: number): void {
    const local = localWeekdayHour(at, this.config().timezone);
    const seating: Seating = { at, band: bandOf(size), ...local };
    this.sql.exec("INSERT INTO seatings (at, band, weekday, hour) VALUES (?, ?, ?, ?)", at, seating.band, seating.weekday, seating.hour);
    this.seatings?.push(seating);
    this.cache = null;
    this.generation += 1;
  }

  /** Seatings, time zone or default intervals changed. */
  invalidate(): void {
    this.cache = null;
    // Seatings written elsewhere (tests, the bench's backdating) or a new time zone: read them again.
    this.seatings = null;
    this.generation += 1;
  }

  purge(at: number): void {
    this.sql.exec("DELETE FROM seatings WHERE at < ?", at - HISTORY_WINDOW_MS);
    if (this.seatings) this.seatings = this.seatings.filter((s) => s.at >= at - HISTORY_WINDOW_MS);
  }
}
