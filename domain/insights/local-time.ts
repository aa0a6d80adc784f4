// Local calendar slots in a location's IANA zone for the insights rollups, on top of domain/time.ts
// (Intl-based, so a daylight-saving day has 23 or 25 hours and its hours are the wall clock's).
import { addDays, DATE_RE, isDate, localParts, startOfLocalDay, weekdayOf } from "../time";

export { addDays, isDate, startOfLocalDay, weekdayOf };

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

const pad = (n: number) => String(n).padStart(2, "0");

export function localSlot(at: number, timeZone: string): LocalSlot {
  const p = localParts(at, timeZone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, hour: p.hour, weekday: p.weekday, minuteOfDay: p.hour * 60 + p.minute };
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  const a = DATE_RE.exec(from)!;
  const b = DATE_RE.exec(to)!;
  return Math.round((Date.UTC(+b[1]!, +b[2]! - 1, +b[3]!) - Date.UTC(+a[1]!, +a[2]! - 1, +a[3]!)) / 86_400_000);
}

/** [start, end) in UTC ms of local `date`: 23, 24 or 25 hours long. */
export function localDayBounds(date: string, timeZone: string): [number, number] {
  return [startOfLocalDay(date, timeZone), startOfLocalDay(addDays(date, 1), timeZone)];
}
