// Availability and table assignment: which times can be booked for a party, and which table (or
// combination) a booking gets. Pure, so property tests can check that no table is ever held twice
// for overlapping time and no slot falls outside service hours, across daylight-saving changes.
import { isHolding, type BookingSettings, type Combination, type Reservation, type ReservationSource, type Service, type Table, durationFor } from "./model";
import { localDate, localParts, localTime, minutesOf, weekdayOf, zonedInstant } from "../time";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What a held booking looks like to availability (only holding reservations matter). */
export type Hold = Pick<Reservation, "id" | "start" | "end" | "tableIds" | "status">;

export interface Book {
  settings: BookingSettings;
  timeZone: string;
  tables: Table[];
  combinations: Combination[];
  reservations: Hold[];
}

/** The services on a local date: the special date's own, else the weekday's. */
export function servicesOn(settings: Pick<BookingSettings, "hours" | "specialDates">, date: string): Service[] {
  return settings.specialDates[date] ?? settings.hours[String(weekdayOf(date))] ?? [];
}

/** Every bookable start on `date` (epoch ms, ascending): each service from its start, every interval, before its end. */
export function slotStarts(settings: BookingSettings, date: string, timeZone: string): number[] {
  const out = new Set<number>();
  for (const s of servicesOn(settings, date)) {
    const end = minutesOf(s.end);
    for (let m = minutesOf(s.start); m < end; m += settings.slotIntervalMinutes) {
      const at = zonedInstant(date, m, timeZone);
      // A wall time skipped by a daylight-saving jump does not exist that day: no slot.
      if (at !== null && localDate(at, timeZone) === date) out.add(at);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Whether `start` falls inside one of the services of its own local date. */
export function withinService(settings: BookingSettings, start: number, timeZone: string): boolean {
  const date = localDate(start, timeZone);
  const p = localParts(start, timeZone);
  const m = p.hour * 60 + p.minute;
  return servicesOn(settings, date).some((s) => m >= minutesOf(s.start) && m < minutesOf(s.end));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Holding reservations (other than `exceptId`) that overlap [start, end). */
function overlapping(reservations: Hold[], start: number, end: number, exceptId?: string): Hold[] {
  return reservations.filter((r) => r.id !== exceptId && isHolding(r.status) && overlaps(r, { start, end }));
}

/** The first table of `tableIds` already held for overlapping time, or null. */
export function conflictingTable(reservations: Hold[], tableIds: string[], start: number, end: number, exceptId?: string): string | null {
  const held = new Set(overlapping(reservations, start, end, exceptId).flatMap((r) => r.tableIds));
  return tableIds.find((t) => held.has(t)) ?? null;
}

interface Candidate {
  tableIds: string[];
  maxSeats: number;
  combination: boolean;
  name: string;
}

/** Tables and combinations (of active tables only) that seat `partySize`, best fit first. */
export function candidatesFor(tables: Table[], combinations: Combination[], partySize: number): Candidate[] {
  const active = new Map(tables.filter((t) => t.active).map((t) => [t.id, t]));
  const out: Candidate[] = [];
  for (const t of active.values()) {
    if (partySize >= t.minSeats && partySize <= t.maxSeats) out.push({ tableIds: [t.id], maxSeats: t.maxSeats, combination: false, name: t.name });
  }
  for (const c of combinations) {
    if (c.tableIds.length === 0 || !c.tableIds.every((id) => active.has(id))) continue;
    if (partySize >= c.minSeats && partySize <= c.maxSeats) out.push({ tableIds: [...c.tableIds], maxSeats: c.maxSeats, combination: true, name: c.name });
  }
  // Smallest that fits, single tables before combinations, then by name: big tables stay free for big parties.
  return out.sort((a, b) => a.maxSeats - b.maxSeats || Number(a.combination) - Number(b.combination) || a.name.localeCompare(b.name));
}

/** Seats the tables hold (their maximum). */
function seatsOf(tables: Map<string, Table>, tableIds: string[]): number {
  return tableIds.reduce((s, id) => s + (tables.get(id)?.maxSeats ?? 0), 0);
}

/**
 * Whether holding `tableIds` over [start, end) keeps the walk-in share free: at every moment of the
 * interval, the seats held by bookings stay within (100 − walkInPercent)% of all active seats.
 */
export function leavesWalkInShare(book: Book, tableIds: string[], start: number, end: number, exceptId?: string): boolean {
  if (book.settings.walkInPercent <= 0) return true;
  const tables = new Map(book.tables.filter((t) => t.active).map((t) => [t.id, t]));
  const total = [...tables.values()].reduce((s, t) => s + t.maxSeats, 0);
  const limit = (total * (100 - book.settings.walkInPercent)) / 100;
  const others = overlapping(book.reservations, start, end, exceptId);
  // The held seats only rise when a booking starts, so checking each start inside the interval is enough.
  const points = [start, ...others.map((r) => r.start).filter((s) => s > start && s < end)];
  const mine = seatsOf(tables, tableIds);
  return points.every((p) => mine + others.filter((r) => r.start <= p && p < r.end).reduce((s, r) => s + seatsOf(tables, r.tableIds), 0) <= limit);
}

/** The best free table or combination for a party over [start, end), or null when none is free. */
export function assignTables(book: Book, partySize: number, start: number, end: number, opts: { exceptId?: string; online?: boolean } = {}): string[] | null {
  for (const c of candidatesFor(book.tables, book.combinations, partySize)) {
    if (conflictingTable(book.reservations, c.tableIds, start, end, opts.exceptId)) continue;
    if (opts.online && !leavesWalkInShare(book, c.tableIds, start, end, opts.exceptId)) continue;
    return c.tableIds;
  }
  return null;
}

export interface Slot {
  start: number;
  localTime: string;
}

/** What a guest (or host, with online: false) can book on `date` for `partySize`, at `now`. */
export function availableSlots(book: Book, date: string, partySize: number, now: number, opts: { online: boolean; exceptId?: string }): Slot[] {
  const duration = durationFor(book.settings, partySize) * MINUTE;
  const earliest = opts.online ? now + book.settings.cutoffMinutes * MINUTE : now;
  const latest = now + book.settings.bookingWindowDays * DAY;
  if (opts.online && partySize > book.settings.maxOnlinePartySize) return [];
  return slotStarts(book.settings, date, book.timeZone)
    .filter((s) => s >= earliest && (!opts.online || s <= latest))
    .filter((s) => assignTables(book, partySize, s, s + duration, { online: opts.online, exceptId: opts.exceptId }) !== null)
    .map((s) => ({ start: s, localTime: localTime(s, book.timeZone) }));
}

/** Up to `n` free times on the same date, nearest to the wanted one first (for a 409 answer). */
export function nearestSlots(slots: Slot[], wanted: number, n = 5): Slot[] {
  return [...slots].sort((a, b) => Math.abs(a.start - wanted) - Math.abs(b.start - wanted) || a.start - b.start).slice(0, n).sort((a, b) => a.start - b.start);
}

export type BookingCheck =
  | { ok: true; tableIds: string[]; end: number; durationMinutes: number }
  | { ok: false; status: 400 | 409; code: "validation_failed" | "slot_unavailable" | "table_conflict"; message: string; path?: string };

export interface BookingRequest {
  start: number;
  partySize: number;
  source: ReservationSource;
  durationMinutes?: number;
  /** Tables the host chose; undefined = assign automatically; [] = leave unassigned (hosts only). */
  tableIds?: string[];
  exceptId?: string;
}

/** Every rule a booking (new or changed) must meet at `now`, and its table(s). */
export function checkBooking(book: Book, req: BookingRequest, now: number): BookingCheck {
  const s = book.settings;
  const online = req.source === "online";
  const bad = (message: string, path: string): BookingCheck => ({ ok: false, status: 400, code: "validation_failed", message, path });
  if (req.start < now) return bad("That time has already passed.", "start");
  if (online) {
    if (!s.onlineBooking) return bad("This restaurant does not take online bookings.", "start");
    if (req.partySize > s.maxOnlinePartySize) return bad(`Online bookings are for up to ${s.maxOnlinePartySize} guests; please call the restaurant.`, "partySize");
    if (req.start < now + s.cutoffMinutes * MINUTE) return bad(`Online bookings close ${s.cutoffMinutes} minutes before the time.`, "start");
    if (req.start > now + s.bookingWindowDays * DAY) return bad(`Bookings open ${s.bookingWindowDays} days ahead.`, "start");
    if (!slotStarts(s, localDate(req.start, book.timeZone), book.timeZone).includes(req.start)) {
      return withinService(s, req.start, book.timeZone) ? bad("Pick one of the offered times.", "start") : bad("The restaurant is not taking bookings at that time.", "start");
    }
  } else if (!withinService(s, req.start, book.timeZone)) {
    return bad("That time is outside the service hours.", "start");
  }
  const durationMinutes = req.durationMinutes ?? durationFor(s, req.partySize);
  const end = req.start + durationMinutes * MINUTE;
  if (req.tableIds !== undefined) {
    const known = new Set(book.tables.map((t) => t.id));
    const unknown = req.tableIds.find((id) => !known.has(id));
    if (unknown) return bad(`Unknown table: ${unknown}.`, "tableIds");
    const taken = conflictingTable(book.reservations, req.tableIds, req.start, end, req.exceptId);
    if (taken) {
      const name = book.tables.find((t) => t.id === taken)?.name ?? taken;
      return { ok: false, status: 409, code: "table_conflict", message: `Table ${name} is already booked for part of that time.` };
    }
    return { ok: true, tableIds: [...new Set(req.tableIds)], end, durationMinutes };
  }
  const tableIds = assignTables(book, req.partySize, req.start, end, { online, exceptId: req.exceptId });
  if (!tableIds) return { ok: false, status: 409, code: "slot_unavailable", message: "No table is free for that party at that time." };
  return { ok: true, tableIds, end, durationMinutes };
}
