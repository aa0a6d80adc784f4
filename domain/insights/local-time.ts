// Local calendar time in a location's IANA zone for the insights rollups, computed with Intl so a
// daylight-saving day has 23 or 25 hours and its hours are the wall clock's, never a fixed offset.

export interface LocalSlot {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** 0-23, the wall-clock hour. */
  hour: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes after local midnight by the wall clock. */
  minuteOfDay: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
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

function parts(at: number, timeZone: string) {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) out[p.type] = p.value;
  return out;
}

export function localSlot(at: number, timeZone: string): LocalSlot {
  const p = parts(at, timeZone);
  const hour = Number(p.hour) % 24;
  return { date: `${p.year}-${p.month}-${p.day}`, hour, weekday: Math.max(0, WEEKDAYS.indexOf(p.weekday ?? "")), minuteOfDay: hour * 60 + Number(p.minute) };
}

/** The zone's offset from UTC at `at` in ms (local wall time = UTC + offset). */
function offsetAt(at: number, timeZone: string): number {
  const p = parts(at, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute));
  return wall - Math.floor(at / 60_000) * 60_000;
}

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date "YYYY-MM-DD". */
export function isDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  const m = DATE_RE.exec(date)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  const a = DATE_RE.exec(from)!;
  const b = DATE_RE.exec(to)!;
  return Math.round((Date.UTC(+b[1]!, +b[2]! - 1, +b[3]!) - Date.UTC(+a[1]!, +a[2]! - 1, +a[3]!)) / 86_400_000);
}

/** The first instant of local `date` (midnight, or the first wall time after a skipped midnight). */
export function startOfLocalDay(date: string, timeZone: string): number {
  const m = DATE_RE.exec(date)!;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The offset is one of those in force a day either side; the right one maps back to this date.
  const offsets = [...new Set([offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone), offsetAt(wall, timeZone)])].sort((x, y) => y - x);
  for (const off of offsets) {
    const at = wall - off;
    if (offsetAt(at, timeZone) === off) return at;
  }
  // Midnight skipped by a jump (e.g. America/Santiago): the first instant whose local date is `date`.
  let at = wall - Math.max(...offsets);
  while (localSlot(at, timeZone).date !== date) at += 15 * 60_000;
  return at;
}

/** [start, end) in UTC ms of local `date`: 23, 24 or 25 hours long. */
export function localDayBounds(date: string, timeZone: string): [number, number] {
  return [startOfLocalDay(date, timeZone), startOfLocalDay(addDays(date, 1), timeZone)];
}
