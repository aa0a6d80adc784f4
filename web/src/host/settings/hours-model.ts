// Service hours and special dates as the form edits them, and the checks the form makes before
// sending (the API makes the same ones and answers at the same paths: "hours.2.0.start", …).
import { isDate, minutesOf, TIME_RE } from "../../../../domain/time";
import type { BookingSettings, Service } from "../../shared/types";
import type { FieldErrors } from "./field-errors";

/** Monday first, as a restaurant's week reads; the API's keys ("0" = Sunday). */
export const WEEK: readonly string[] = ["1", "2", "3", "4", "5", "6", "0"];
export const MAX_SERVICES = 6;
export const MAX_SPECIAL_DATES = 366;

export function weekdayName(day: string, locale?: string): string {
  // 4 January 2026 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2026, 0, 4 + Number(day)));
}

export type Hours = BookingSettings["hours"];
export type SpecialDates = BookingSettings["specialDates"];

/** A new service after the day's last one (or a typical dinner service). */
export function nextService(services: Service[]): Service {
  const last = services.at(-1);
  if (!last || !TIME_RE.test(last.end)) return { start: "17:00", end: "22:00" };
  const from = Math.min(minutesOf(last.end) + 60, 22 * 60);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { start: hhmm(from), end: hhmm(Math.min(from + 180, 23 * 60 + 59)) };
}

function checkServices(services: Service[], path: string, out: FieldErrors) {
  if (services.length > MAX_SERVICES) out[path] = `At most ${MAX_SERVICES} services a day.`;
  services.forEach((s, i) => {
    const p = `${path}.${i}`;
    const startOk = TIME_RE.test(s.start);
    const endOk = TIME_RE.test(s.end);
    if (!startOk) out[`${p}.start`] = "Use a time like 17:00.";
    if (!endOk) out[`${p}.end`] = "Use a time like 22:00.";
    if (startOk && endOk && minutesOf(s.start) >= minutesOf(s.end)) out[p] = "A service must end after it starts (same day).";
    const prev = services[i - 1];
    if (!out[p] && startOk && prev && TIME_RE.test(prev.end) && minutesOf(s.start) < minutesOf(prev.end)) out[p] = "Starts before the service above it ends.";
  });
}

export function hoursErrors(hours: Hours, specialDates: SpecialDates): FieldErrors {
  const out: FieldErrors = {};
  for (const day of WEEK) checkServices(hours[day] ?? [], `hours.${day}`, out);
  const dates = Object.keys(specialDates);
  if (dates.length > MAX_SPECIAL_DATES) out.specialDates = `At most ${MAX_SPECIAL_DATES} special dates.`;
  for (const date of dates) {
    if (!isDate(date)) out[`specialDates.${date}`] = "Use a real calendar date.";
    else checkServices(specialDates[date]!, `specialDates.${date}`, out);
  }
  return out;
}

/** Services in start order, so checks and the guest page read them the same way. */
export const sorted = (services: Service[]) => [...services].sort((a, b) => a.start.localeCompare(b.start));
