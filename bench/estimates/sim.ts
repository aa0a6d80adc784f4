// The estimate simulator (issue 19): seeded, discrete-event restaurant days. Walk-ins and self
// check-ins arrive over the day (a non-homogeneous Poisson process with the profile's peaks), join
// the line unless it is too long, and leave when their patience runs out; bookings hold their tables
// and arrive early, late or not at all; the host seats by fit (the first of the next few parties a
// free table fits, the smallest such table, combinations when no single table does), calls the
// party and gives the table away when it does not come; diners stay a log-normal time by size;
// tables are cleared before they are ready again.
//
// After every event the estimators see a snapshot of what the location's DO would know and give a
// wait for every party in line; the simulator records the estimate at join, at each later update,
// and the actual wait. Nothing an estimator says changes the day, so all of them are judged on the
// very same days.
import { byRule, minutesOf, type Profile } from "./profile";
import { exponential, logNormal, normal, pick, shuffle, stream, uniform } from "./rng";

export type Source = "host" | "self_check_in";

/** What an estimator answers for one party: minutes from now, and a range when it gives one. */
export interface Quote {
  minutes: number;
  low?: number;
  high?: number;
}

export interface SimTable {
  id: string;
  minSeats: number;
  maxSeats: number;
  active: true;
}

export interface LinePartyView {
  id: string;
  size: number;
  source: Source;
  state: "waiting" | "notified";
  /** Epoch ms. */
  joinedAt: number;
  notifiedAt: number | null;
  /** Line order, 1-based. */
  rank: number;
}

export interface SeatedView {
  size: number;
  seatedAt: number;
  tableIds: string[];
  booking: boolean;
}

export interface BookingView {
  id: string;
  partySize: number;
  start: number;
  end: number;
  tableIds: string[];
  status: "booked" | "arrived" | "seated" | "completed" | "no_show";
}

export interface ClosedView {
  source: Source;
  seated: boolean;
  size: number;
  joinedAt: number;
  notifiedAt: number | null;
  seatedAt: number | null;
}

/** What the location knows at one instant (times epoch ms). */
export interface Snapshot {
  now: number;
  profile: Profile;
  tables: SimTable[];
  combinations: { tableIds: string[]; minSeats: number; maxSeats: number }[];
  line: LinePartyView[];
  /** Who sits at a table now (known once table occupancy is tracked). */
  atTables: SeatedView[];
  /** Every party seated today, whether or not it has left (what the DO records today). */
  seatedToday: SeatedView[];
  /** Today's bookings. */
  bookings: BookingView[];
  /** Every seating so far (all days of the run, bookings included), as the DO's seatings table. */
  seatings: { at: number; size: number; booking: boolean; weekday: number; hour: number }[];
  /** Walk-ins that have left the line so far (all days), seated or not. */
  closed: ClosedView[];
}

export interface Estimator {
  name: string;
  estimate(s: Snapshot): Map<string, Quote>;
}

export interface PartyRecord {
  id: string;
  day: number;
  size: number;
  source: Source;
  /** Minutes after local midnight. */
  joinedAt: number;
  outcome: "seated" | "left" | "no_show";
  /** Minutes from joining to sitting down (seated parties only). */
  wait: number | null;
  /** Each estimator's quote at join, by estimator index. */
  atJoin: (Quote | null)[];
  /** Later quotes while waiting: minute of the update and each estimator's quote of the time still to wait. */
  updates: { at: number; quotes: (Quote | null)[] }[];
}

export interface DayResult {
  day: number;
  parties: PartyRecord[];
  balked: number;
  bookings: { total: number; noShows: number };
}

const MINUTE = 60_000;
/** 2026-01-04 was a Sunday; day d of a run is the profile's weekday d weeks later (UTC). */
const EPOCH_SUNDAY = Date.UTC(2026, 0, 4);

export function dayStart(profile: Profile, day: number): number {
  return EPOCH_SUNDAY + (profile.weekday + 7 * day) * 24 * 3600_000;
}

export function expandTables(profile: Profile): SimTable[] {
  return profile.tables.flatMap((k) => Array.from({ length: k.count }, (_, i) => ({ id: `${k.name}-${i + 1}`, minSeats: k.minSeats, maxSeats: k.maxSeats, active: true as const })));
}

interface Party {
  id: string;
  size: number;
  source: Source;
  joinedAt: number;
  rank: number;
  state: "waiting" | "notified" | "seated" | "left" | "no_show";
  notifiedAt: number | null;
  seatedAt: number | null;
  tables: number[];
  record: PartyRecord;
}

interface Booking {
  id: string;
  size: number;
  start: number;
  end: number;
  tables: number[];
  status: BookingView["status"];
}

interface Table extends SimTable {
  /** Who sits there (party or booking id). */
  occupant: string | null;
  /** A called party or arrived booking it is kept for. */
  keptFor: string | null;
  readyAt: number;
  bookings: Booking[];
}

type Event =
  | { kind: "join"; size: number; source: Source }
  | { kind: "patience"; party: Party }
  | { kind: "comes"; party: Party }
  | { kind: "noShow"; party: Party }
  | { kind: "leaves"; tables: number[]; seated: SeatedView }
  | { kind: "ready" }
  | { kind: "bookingArrives"; booking: Booking }
  | { kind: "bookingNoShow"; booking: Booking };

/** A binary min-heap of events by time, ties in insertion order. */
class Agenda {
  private heap: { at: number; n: number; e: Event }[] = [];
  private n = 0;
  push(at: number, e: Event) {
    const h = this.heap;
    h.push({ at, n: this.n++, e });
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (this.less(h[i]!, h[p]!)) {
        [h[i], h[p]] = [h[p]!, h[i]!];
        i = p;
      } else break;
    }
  }
  pop(): { at: number; e: Event } | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
  private less(a: { at: number; n: number }, b: { at: number; n: number }) {
    return a.at < b.at || (a.at === b.at && a.n < b.n);
  }
}

/** Walk-in arrival times (minutes after midnight) for one day: thinning against the peak rate. */
export function arrivalTimes(profile: Profile, u: () => number): number[] {
  const points = profile.arrivals.map(([t, r]) => [minutesOf(t), r] as const).sort((a, b) => a[0] - b[0]);
  const rate = (t: number) => {
    if (t <= points[0]![0]) return points[0]![1];
    for (let i = 1; i < points.length; i++) {
      const [t1, r1] = points[i]!;
      const [t0, r0] = points[i - 1]!;
      if (t <= t1) return r0 + ((r1 - r0) * (t - t0)) / (t1 - t0);
    }
    return points.at(-1)![1];
  };
  const peak = Math.max(...points.map((p) => p[1]));
  if (peak <= 0) return [];
  const out: number[] = [];
  const close = minutesOf(profile.close);
  for (let t = minutesOf(profile.open); ; ) {
    t += exponential(u, 60 / peak);
    if (t >= close) break;
    if (u() * peak < rate(t)) out.push(t);
  }
  return out;
}

export interface RunOptions {
  seed: number;
  /** Days simulated before any is measured: the history that learning estimators start from. */
  warmupDays: number;
  days: number;
  estimators: Estimator[];
}

export function simulate(profile: Profile, opts: RunOptions): DayResult[] {
  const tablesTemplate = expandTables(profile);
  const byId = new Map(tablesTemplate.map((t, i) => [t.id, i]));
  const combos = (profile.combinations ?? []).map((c) => ({ ...c, tables: c.tableIds.map((id) => byId.get(id)!) }));
  for (const c of combos) if (c.tables.some((i) => i === undefined)) throw new Error(`${profile.name}: a combination names an unknown table (${c.tableIds.join(", ")})`);
  const seatings: Snapshot["seatings"] = [];
  const closed: ClosedView[] = [];
  const out: DayResult[] = [];
  const configured = (size: number) => byRule(profile.configuredDurations, size).minutes;
  for (let day = 0; day < opts.warmupDays + opts.days; day++) {
    const r = runDay(day);
    if (day >= opts.warmupDays) out.push(r);
  }
  return out;

  function runDay(day: number): DayResult {
    const seed = opts.seed * 1000 + day;
    const rArrive = stream(seed, "arrive");
    const rParty = stream(seed, "party");
    const rDine = stream(seed, "dine");
    const rBook = stream(seed, "book");
    const rHost = stream(seed, "host");
    const base = dayStart(profile, day);
    const ms = (min: number) => base + min * MINUTE;
    const agenda = new Agenda();
    const tables: Table[] = tablesTemplate.map((t) => ({ ...t, occupant: null, keptFor: null, readyAt: 0, bookings: [] }));
    const line: Party[] = [];
    const parties: Party[] = [];
    const atTables = new Map<string, SeatedView>();
    const seatedToday: SeatedView[] = [];
    const bookings: Booking[] = [];
    let balked = 0;
    let rank = 0;
    let now = minutesOf(profile.open);

    // The day's book: tables chosen at random until the booked share of seats is reached, each
    // booked back to back (a size it seats, the configured duration, a gap) through booking hours.
    if (profile.bookings && profile.bookings.shareOfSeats > 0) {
      const b = profile.bookings;
      const totalSeats = tables.reduce((s, t) => s + t.maxSeats, 0);
      let booked = 0;
      // Tables that are part of a combination stay off the book (kept for large walk-ins).
      const inCombination = new Set(combos.flatMap((c) => c.tables));
      for (const i of shuffle(rBook, tables.map((_, i) => i).filter((i) => !inCombination.has(i)))) {
        if (booked >= b.shareOfSeats * totalSeats) break;
        const t = tables[i]!;
        booked += t.maxSeats;
        let start = Math.min(minutesOf(b.to), minutesOf(b.from) + Math.floor(rBook() * 3) * 15);
        while (start <= minutesOf(b.to)) {
          const size = Math.max(t.minSeats, Math.ceil(t.maxSeats / 2) + Math.floor(rBook() * (t.maxSeats - Math.ceil(t.maxSeats / 2) + 1)));
          const booking: Booking = { id: `b${day}-${bookings.length}`, size, start, end: start + configured(size), tables: [i], status: "booked" };
          bookings.push(booking);
          t.bookings.push(booking);
          if (rBook() < b.noShowRate) agenda.push(start + 15, { kind: "bookingNoShow", booking });
          else agenda.push(Math.max(start - 15, start + Math.min(14, b.lateSdMinutes * normal(rBook))), { kind: "bookingArrives", booking });
          start = Math.ceil((booking.end + uniform(rBook, b.gapMinutes)) / 15) * 15;
        }
      }
    }
    if (profile.walkIns) {
      for (const [t, size] of profile.walkIns) agenda.push(typeof t === "number" ? t : minutesOf(t), { kind: "join", size, source: rParty() < profile.selfCheckInShare ? "self_check_in" : "host" });
    }
    for (const t of profile.walkIns ? [] : arrivalTimes(profile, rArrive)) {
      const size = Number(pick(rParty, profile.partySizes));
      const source: Source = rParty() < profile.selfCheckInShare ? "self_check_in" : "host";
      agenda.push(t, { kind: "join", size, source });
    }

    const free = (t: Table) => t.occupant === null && t.keptFor === null && t.readyAt <= now;
    /** A booking that will claim the table before a walk-in seated now would leave. */
    const heldFor = (t: Table, size: number) => t.bookings.some((b) => (b.status === "booked" || b.status === "arrived") && b.start < now + configured(size) && b.end > now);
    /** The smallest free option that seats `size`, off the tables in `avoid` (kept for the first party). */
    const bestOption = (size: number, avoid?: Set<number>): number[] | null => {
      let best: number[] | null = null;
      let bestSeats = Infinity;
      const usable = (i: number) => free(tables[i]!) && !heldFor(tables[i]!, size) && !avoid?.has(i);
      for (const [i, t] of tables.entries()) {
        if (t.minSeats <= size && size <= t.maxSeats && usable(i) && t.maxSeats < bestSeats) {
          best = [i];
          bestSeats = t.maxSeats;
        }
      }
      if (best) return best;
      for (const c of combos) {
        if (c.minSeats <= size && size <= c.maxSeats && c.tables.every(usable) && c.maxSeats < bestSeats) {
          best = c.tables;
          bestSeats = c.maxSeats;
        }
      }
      return best;
    };
    const seat = (id: string, size: number, at: number[], booking: boolean) => {
      const stay = logNormal(rDine, byRule(profile.dining, size).medianMinutes, byRule(profile.dining, size).sigma);
      const view: SeatedView = { size, seatedAt: ms(now), tableIds: at.map((i) => tables[i]!.id), booking };
      for (const i of at) {
        tables[i]!.occupant = id;
        tables[i]!.keptFor = null;
      }
      atTables.set(id, view);
      seatedToday.push(view);
      // Weekday and hour as the DO stores them with each seating (UTC: the simulated location's zone).
      const d = new Date(ms(now));
      seatings.push({ at: ms(now), size, booking, weekday: d.getUTCDay(), hour: d.getUTCHours() });
      agenda.push(now + stay, { kind: "leaves", tables: at, seated: view });
    };
    /** The host's move after any event; true when someone was seated or called. */
    const dispatch = (): boolean => {
      let changed = false;
      // Bookings that have arrived sit first, at their table when it is ready, else at any that fits.
      for (const b of bookings) {
        if (b.status !== "arrived") continue;
        const own = b.tables.every((i) => free(tables[i]!));
        const at = own ? b.tables : bestOption(b.size);
        if (at) {
          b.status = "seated";
          seat(b.id, b.size, at, true);
          changed = true;
        }
      }
      // Then the line, by fit: the first of the next `lookAhead` waiting parties that a free option
      // seats. Once the first party has waited `holdForFirstAfterMinutes`, the tables that could seat
      // it (a combination's, in practice) are kept for it instead of going to parties behind.
      for (let seated = true; seated; ) {
        seated = false;
        let looked = 0;
        let kept: Set<number> | null = null;
        for (const p of line) {
          if (p.state !== "waiting") continue;
          if (looked++ >= profile.host.lookAhead) break;
          // Parties behind the first take other tables than those kept for it.
          const at = bestOption(p.size, kept ?? undefined);
          if (kept === null) {
            kept = new Set();
            if (!at && now - p.joinedAt >= (profile.host.holdForFirstAfterMinutes ?? 15)) {
              // Only options no booking will claim while the party would sit there.
              for (const [i, t] of tables.entries()) if (t.minSeats <= p.size && p.size <= t.maxSeats && !heldFor(t, p.size)) kept.add(i);
              for (const c of combos) {
                if (c.minSeats <= p.size && p.size <= c.maxSeats && !c.tables.some((i) => heldFor(tables[i]!, p.size))) for (const i of c.tables) kept.add(i);
              }
            }
          }
          if (!at) continue;
          p.state = "notified";
          p.notifiedAt = now;
          p.tables = at;
          for (const i of at) tables[i]!.keptFor = p.id;
          if (rHost() < profile.guests.noShowWhenCalled) agenda.push(now + profile.host.noShowGraceMinutes, { kind: "noShow", party: p });
          else agenda.push(now + uniform(rHost, profile.guests.responseMinutes[p.source]), { kind: "comes", party: p });
          seated = true;
          changed = true;
          break;
        }
      }
      return changed;
    };
    const closeParty = (p: Party, state: "seated" | "left" | "no_show") => {
      p.state = state;
      line.splice(line.indexOf(p), 1);
      p.record.outcome = state;
      if (state === "seated") {
        p.seatedAt = now;
        p.record.wait = now - p.joinedAt;
      }
      closed.push({ source: p.source, seated: state === "seated", size: p.size, joinedAt: ms(p.joinedAt), notifiedAt: p.notifiedAt === null ? null : ms(p.notifiedAt), seatedAt: p.seatedAt === null ? null : ms(p.seatedAt) });
    };

    const snapshot = (): Snapshot => ({
      now: ms(now),
      profile,
      tables: tablesTemplate,
      combinations: profile.combinations ?? [],
      line: line.map((p, i) => ({ id: p.id, size: p.size, source: p.source, state: p.state as "waiting" | "notified", joinedAt: ms(p.joinedAt), notifiedAt: p.notifiedAt === null ? null : ms(p.notifiedAt), rank: i + 1 })),
      atTables: [...atTables.values()],
      seatedToday,
      bookings: bookings.map((b) => ({ id: b.id, partySize: b.size, start: ms(b.start), end: ms(b.end), tableIds: b.tables.map((i) => tables[i]!.id), status: b.status })),
      seatings,
      closed,
    });
    const observe = (joined: Party | null) => {
      const waiting = line.filter((p) => p.state === "waiting");
      if (waiting.length === 0) return;
      const snap = snapshot();
      const answers = opts.estimators.map((e) => e.estimate(snap));
      for (const p of waiting) {
        const quotes = answers.map((a) => a.get(p.id) ?? null);
        if (p === joined) p.record.atJoin = quotes;
        else p.record.updates.push({ at: now, quotes });
      }
    };

    const records: PartyRecord[] = [];
    for (let ev = agenda.pop(); ev; ev = agenda.pop()) {
      now = ev.at;
      const e = ev.e;
      let joined: Party | null = null;
      switch (e.kind) {
        case "join": {
          if (line.filter((p) => p.state === "waiting").length >= profile.guests.balkAtLine) {
            balked++;
            continue;
          }
          const id = `p${day}-${parties.length}`;
          const record: PartyRecord = { id, day, size: e.size, source: e.source, joinedAt: now, outcome: "left", wait: null, atJoin: [], updates: [] };
          const p: Party = { id, size: e.size, source: e.source, joinedAt: now, rank: ++rank, state: "waiting", notifiedAt: null, seatedAt: null, tables: [], record };
          parties.push(p);
          records.push(record);
          line.push(p);
          if (rParty() < profile.guests.leaveShare) agenda.push(now + uniform(rParty, profile.guests.patienceMinutes), { kind: "patience", party: p });
          joined = p;
          break;
        }
        case "patience":
          if (e.party.state !== "waiting") continue;
          closeParty(e.party, "left");
          break;
        case "comes":
          closeParty(e.party, "seated");
          seat(e.party.id, e.party.size, e.party.tables, false);
          break;
        case "noShow":
          closeParty(e.party, "no_show");
          for (const i of e.party.tables) tables[i]!.keptFor = null;
          break;
        case "leaves": {
          const clear = uniform(rHost, profile.bussingMinutes);
          for (const i of e.tables) {
            const t = tables[i]!;
            t.occupant = null;
            t.readyAt = now + clear;
          }
          for (const [id, v] of atTables) if (v === e.seated) atTables.delete(id);
          agenda.push(now + clear, { kind: "ready" });
          break;
        }
        case "ready":
          break;
        case "bookingArrives":
          e.booking.status = "arrived";
          break;
        case "bookingNoShow":
          e.booking.status = "no_show";
          break;
      }
      // A join is quoted as the DO answers it (before the host acts); then every party is re-quoted.
      if (joined) observe(joined);
      if (dispatch() || !joined) observe(null);
    }
    for (const b of bookings) if (b.status === "seated") b.status = "completed";
    return { day, parties: records, balked, bookings: { total: bookings.length, noShows: bookings.filter((b) => b.status === "no_show").length } };
  }
}
