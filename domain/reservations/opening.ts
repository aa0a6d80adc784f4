// What a guest page says about a place's hours: today's services, when it next opens, and the last
// date online bookings reach. Pure, from the booking settings and the location's zone.
import { servicesOn } from "./availability";
import type { BookingSettings, Service } from "./model";
import { addDays, localDate, minutesOf, zonedInstant } from "../time";

const DAY = 86_400_000;

/** The services of the local date `at` falls on. */
export function servicesToday(settings: Pick<BookingSettings, "hours" | "specialDates">, at: number, timeZone: string): Service[] {
  return servicesOn(settings, localDate(at, timeZone));
}

/** The first service start after `at` within `days` local dates, or null (closed that long). */
export function nextOpening(settings: Pick<BookingSettings, "hours" | "specialDates">, at: number, timeZone: string, days = 14): number | null {
  const today = localDate(at, timeZone);
  for (let i = 0; i <= days; i++) {
    const date = addDays(today, i);
    const starts = servicesOn(settings, date)
      .map((s) => zonedInstant(date, minutesOf(s.start), timeZone))
      .filter((t): t is number => t !== null && t > at)
      .sort((a, b) => a - b);
    if (starts[0] !== undefined) return starts[0];
  }
  return null;
}

/** The last local date a guest booking online at `at` can pick (the booking window's end). */
export function lastBookableDate(settings: Pick<BookingSettings, "bookingWindowDays">, at: number, timeZone: string): string {
  return localDate(at + settings.bookingWindowDays * DAY, timeZone);
}
