// A restaurant day as a JSON file (bench/estimates/profiles/*.json, or any file given with
// --profile=path.json): the floor, when parties come, how long they stay, the book, the guests and
// the host. `parseProfile` checks a file and says which field is wrong.

export interface Profile {
  name: string;
  description?: string;
  /** 0 = Sunday. Simulated days are this weekday in consecutive weeks. */
  weekday: number;
  /** "HH:MM": the line opens; the last walk-in joins at `close`. */
  open: string;
  close: string;
  /** Table kinds: `count` tables named `${name}-1`… */
  tables: { name: string; minSeats: number; maxSeats: number; count: number }[];
  /** Tables pushed together: ids as above, e.g. ["four-1", "four-2"]. */
  combinations?: { tableIds: string[]; minSeats: number; maxSeats: number }[];
  /** Walk-in parties per hour at these local times, linear in between (peaks are points). */
  arrivals: [string, number][];
  /** Instead of random arrivals: these walk-ins exactly ("HH:MM" or minutes after midnight, party size), e.g. a real day replayed. */
  walkIns?: [string | number, number][];
  /** Party size → weight. */
  partySizes: Record<string, number>;
  /** Share of walk-ins who join by self check-in (QR at the door or link) rather than at the host stand. */
  selfCheckInShare: number;
  /** True dining time: log-normal with this median and shape, by the first rule that covers the size. */
  dining: { maxPartySize: number; medianMinutes: number; sigma: number }[];
  /** What the restaurant entered as dining durations (booking settings): the estimators' only knowledge of them. */
  configuredDurations: { maxPartySize: number; minutes: number }[];
  /** Minutes to clear and reset a table. */
  bussingMinutes: [number, number];
  bookings?: {
    /** Share of the floor's seats whose tables are booked through the day's booking hours. */
    shareOfSeats: number;
    from: string;
    to: string;
    /** Minutes between one booking's end and the next one's start on a table. */
    gapMinutes: [number, number];
    noShowRate: number;
    /** Arrival relative to the booked time: normal with this standard deviation (minutes). */
    lateSdMinutes: number;
  };
  guests: {
    /** Share of waiting parties with a limited patience (they leave when it runs out). */
    leaveShare: number;
    patienceMinutes: [number, number];
    /** Parties that do not come when called (the host marks them after the grace). */
    noShowWhenCalled: number;
    /** Minutes from being called to sitting down. */
    responseMinutes: { host: [number, number]; guest: [number, number] };
    /** Walk-ins do not join when this many parties are waiting. */
    balkAtLine: number;
  };
  host: {
    /** How far down the line the host looks for a party that fits a free table. */
    lookAhead: number;
    noShowGraceMinutes: number;
    /** Once the first party in line has waited this long, tables that could seat it are kept for it (default 15). */
    holdForFirstAfterMinutes?: number;
  };
}

export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`"${hhmm}" is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function parseProfile(raw: unknown, where = "profile"): Profile {
  const p = raw as Profile;
  const fail = (field: string, why: string): never => {
    throw new Error(`${where}: ${field} ${why}`);
  };
  if (!p || typeof p !== "object") fail("", "must be a JSON object");
  if (typeof p.name !== "string" || !p.name) fail("name", "must be a non-empty string");
  if (!Number.isInteger(p.weekday) || p.weekday < 0 || p.weekday > 6) fail("weekday", "must be 0 (Sunday) to 6");
  for (const f of ["open", "close"] as const) if (typeof p[f] !== "string") fail(f, "must be HH:MM");
  if (minutesOf(p.close) <= minutesOf(p.open)) fail("close", "must be after open");
  if (!Array.isArray(p.tables) || p.tables.length === 0) fail("tables", "must list at least one table kind");
  for (const [i, t] of p.tables.entries()) {
    if (!(t.minSeats >= 1 && t.maxSeats >= t.minSeats && Number.isInteger(t.count) && t.count >= 1)) fail(`tables[${i}]`, "needs 1 ≤ minSeats ≤ maxSeats and a count ≥ 1");
  }
  if (!Array.isArray(p.walkIns) && (!Array.isArray(p.arrivals) || p.arrivals.length === 0)) fail("arrivals", "must list [\"HH:MM\", partiesPerHour] points");
  if (!p.partySizes || Object.keys(p.partySizes).length === 0) fail("partySizes", "must give weights by size");
  const maxSeat = Math.max(...p.tables.map((t) => t.maxSeats), ...(p.combinations ?? []).map((c) => c.maxSeats));
  for (const s of Object.keys(p.partySizes)) if (!(Number(s) >= 1 && Number(s) <= maxSeat)) fail(`partySizes.${s}`, `must be a size some table or combination seats (1–${maxSeat})`);
  if (!Array.isArray(p.dining) || p.dining.length === 0) fail("dining", "must give medianMinutes and sigma by maxPartySize");
  if (!Array.isArray(p.configuredDurations) || p.configuredDurations.length === 0) fail("configuredDurations", "must give minutes by maxPartySize");
  if (!p.guests || !p.host) fail(p.guests ? "host" : "guests", "is missing");
  if (!Array.isArray(p.bussingMinutes)) fail("bussingMinutes", "must be [min, max]");
  return p;
}

export function byRule<T extends { maxPartySize: number }>(rules: T[], size: number): T {
  const sorted = [...rules].sort((a, b) => a.maxPartySize - b.maxPartySize);
  return sorted.find((r) => size <= r.maxPartySize) ?? sorted.at(-1)!;
}
