// What an insights rollup holds: counts, sums and one-minute histograms, nothing else, so any
// number of rollups (days into a month, months into a year, locations into an account) merge by
// adding and every figure derived from the merge — medians and 90th percentiles included — is exact
// at one-minute resolution.

// The waitlist's own size bands.
export { SIZE_BANDS, bandOf as sizeBand, type SizeBand } from "../waitlist/model";

/** How a seated party came: the waitlist by the host (or an integration), the guest's own check-in, or a booking. */
export const COVER_SOURCES = ["walk_in", "self_check_in", "booking"] as const;
export type CoverSource = (typeof COVER_SOURCES)[number];

export const DROP_OUTCOMES = ["left", "cancelled", "no_show"] as const;
export type DropOutcome = (typeof DROP_OUTCOMES)[number];
export const WAITLIST_OUTCOMES = ["seated", ...DROP_OUTCOMES] as const;
export type WaitlistOutcome = (typeof WAITLIST_OUTCOMES)[number];

export const BOOKING_SOURCES = ["online", "host", "api"] as const;
export type BookingSource = (typeof BOOKING_SOURCES)[number];

/** Minutes (as a string key) → how many. */
export type Hist = Record<string, number>;
/** [parties, guests] — or [bookings, seats]. */
export type Pair = [number, number];

export interface BookingService {
  /** Seats the tables could hold in this service (see README, "Bookings"), summed over the days. */
  offeredSeats: number;
  /** Bookings and their seats by who made them; cancelled bookings included. */
  bySource: Partial<Record<BookingSource, Pair>>;
  /** Bookings and seats by final status (booked, confirmed, arrived, seated, completed, cancelled, no_show). */
  byStatus: Record<string, Pair>;
}

/** The floor: waitlist parties and bookings of one location over some days. */
export interface FloorRollup {
  /** Local date → seated parties and guests by source (for the per-day series). */
  days: Record<string, Partial<Record<CoverSource, Pair>>>;
  /** Local hour of seating (0-23) → seated parties and guests by source. */
  coversByHour: Record<string, Partial<Record<CoverSource, Pair>>>;
  /** Weekday ("0" = Sunday) → local hour → arrivals: parties joining the waitlist and bookings due (not cancelled). */
  demand: Record<string, Record<string, Pair>>;
  /** Size band → local hour of joining → histogram of minutes from joining to being seated. */
  waits: Record<string, Record<string, Hist>>;
  /** Same keys → histogram of (actual wait − quoted wait) in minutes. */
  quoteErrors: Record<string, Record<string, Hist>>;
  /** Same keys → histogram of (actual wait − the estimate shown at joining) in minutes. */
  estimateErrors: Record<string, Record<string, Hist>>;
  /** Local hour of joining → closed waitlist parties by outcome. */
  outcomes: Record<string, Partial<Record<WaitlistOutcome, number>>>;
  /** Outcome → histogram of minutes in line before leaving the list that way. */
  timeInLine: Partial<Record<DropOutcome, Hist>>;
  /** Service label ("17:00–22:00", or "outside_hours") → bookings. */
  bookings: Record<string, BookingService>;
}

export interface ProviderTotals {
  /** Outbound texts the provider accepted. */
  sent: number;
  delivered: number;
  /** Failed or undelivered after being handed to a provider, or failed before any provider took it. */
  failed: number;
  /** Sent through the location's secondary provider because the primary failed. */
  failovers: number;
  /** SMS segments of the texts sent. */
  segments: number;
}

/** The texts of one location over some days. */
export interface MessageRollup {
  /** Provider ("twilio", "telnyx", "dev-outbox", "none") → totals. */
  providers: Record<string, ProviderTotals>;
  /** Provider → failure reason (the provider's error code) → failed texts. */
  failures: Record<string, Record<string, number>>;
  /** Texts not sent by us at all: the number opted out, or the plan's allowance used up. */
  refused: number;
  /** Inbound opt-out keywords (STOP and its carrier-standard synonyms). */
  optOuts: number;
  /** Local month "YYYY-MM" → texts sent and their segments, to set against the plan's monthly allowance. */
  months: Record<string, { texts: number; segments: number }>;
}

export function emptyFloor(): FloorRollup {
  return { days: {}, coversByHour: {}, demand: {}, waits: {}, quoteErrors: {}, estimateErrors: {}, outcomes: {}, timeInLine: {}, bookings: {} };
}

export function emptyMessages(): MessageRollup {
  return { providers: {}, failures: {}, refused: 0, optOuts: 0, months: {} };
}

type Tree = { [k: string]: Tree | number | number[] };

/** Adds `source` into `target` (numbers add, arrays add element-wise, objects merge key by key). */
function addInto(target: Tree, source: Tree): void {
  for (const [k, v] of Object.entries(source)) {
    if (v === null || v === undefined) continue;
    const t = target[k];
    if (typeof v === "number") target[k] = (typeof t === "number" ? t : 0) + v;
    else if (Array.isArray(v)) {
      const arr = Array.isArray(t) ? t : v.map(() => 0);
      v.forEach((x, i) => (arr[i] = (arr[i] ?? 0) + x));
      target[k] = arr;
    } else {
      const sub = t !== undefined && typeof t === "object" && !Array.isArray(t) ? t : {};
      addInto(sub, v);
      target[k] = sub;
    }
  }
}

/** The sum of rollups of one kind (none: the empty one). Never changes its inputs. */
export function mergeRollups<T extends FloorRollup | MessageRollup>(empty: T, rollups: Iterable<T>): T {
  const out = structuredClone(empty) as unknown as Tree;
  for (const r of rollups) addInto(out, r as unknown as Tree);
  return out as unknown as T;
}

// ---- small builders used while computing a rollup -----------------------------------------------

export function bump(h: Hist, minutes: number, by = 1): void {
  const k = String(minutes);
  h[k] = (h[k] ?? 0) + by;
}

export function addPair<K extends string>(m: Partial<Record<K, Pair>>, key: K, a: number, b: number): void {
  const p = m[key] ?? [0, 0];
  p[0] += a;
  p[1] += b;
  m[key] = p;
}

export function child<V>(m: Record<string, V>, key: string | number, make: () => V): V {
  const k = String(key);
  let v = m[k];
  if (v === undefined) {
    v = make();
    m[k] = v;
  }
  return v;
}
