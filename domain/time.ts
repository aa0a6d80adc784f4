// Local calendar time in a location's IANA zone, computed with Intl so daylight-saving changes come
// from the runtime's tz database, never from a fixed offset.

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

// The same instants come back again and again (the insights refresh re-reads a day's parties on every
// outbox flush; a day's bounds are searched in 15-minute steps), and formatToParts is the costly part:
// answers are kept per zone and instant, a bounded map that starts over when full.
const MEMO_MAX = 4096;
const memo = new Map<string, Map<number, Readonly<LocalParts>>>();

export function localParts(at: number, timeZone: string): Readonly<LocalParts> {
  let zone = memo.get(timeZone);
  const hit = zone?.get(at);
  if (hit) return hit;
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, weekday = 0;
  for (const p of formatter(timeZone).formatToParts(at)) {
    switch (p.type) {
      case "year": year = Number(p.value); break;
      case "month": month = Number(p.value); break;
      case "day": day = Number(p.value); break;
      case "hour": hour = Number(p.value) % 24; break;
      case "minute": minute = Number(p.value); break;
      case "weekday": weekday = Math.max(0, WEEKDAYS.indexOf(p.value)); break;
    }
  }
  const parts = Object.freeze({ year, month, day, hour, minute, weekday });
  if (!zone) memo.set(timeZone, (zone = new Map()));
  else if (zone.size >= MEMO_MAX) zone.clear();
  zone.set(at, parts);
  return parts;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of `at` in the zone. */
export function localDate(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "HH:MM" of `at` in the zone. */
export function localTime(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date "YYYY-MM-DD". */
export function isDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Minutes after midnight for "HH:MM". */
export function minutesOf(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new Error(`not a time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  const m = DATE_RE.exec(date)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date)!;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** The zone's offset from UTC at `at`, in ms (local = utc + offset). */
function offsetAt(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(at / 60_000) * 60_000;
}

/**
 * The instant when the wall clock in `timeZone` reads `date` at `minutes` after midnight, or null
 * when that wall time does not exist (skipped by a daylight-saving jump). A repeated wall time (the
 * hour that happens twice in autumn) is its first occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, minutes);
  // Offsets either side of the wanted instant; try the larger first so a repeated hour picks the
  // earlier instant.
  const candidates = [offsetAt(wall - 36 * 3_600_000, timeZone), offsetAt(wall + 36 * 3_600_000, timeZone), offsetAt(wall, timeZone)];
  const sorted = [...new Set(candidates)].sort((a, b) => b - a);
  for (const off of sorted) {
    const at = wall - off;
    if (offsetAt(at, timeZone) === off) return at;
  }
  return null;
}

/** The instant of local midnight starting `date` (or the first instant of that date). */
export function startOfLocalDay(date: string, timeZone: string): number {
  for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
    const at = zonedInstant(date, minutes, timeZone);
    if (at !== null) return at;
  }
  throw new Error(`no instant for ${date} in ${timeZone}`);
}
