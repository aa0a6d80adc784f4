// Booking rules as the form edits them (numbers may be blank while typing) and the checks made before
// sending, with the API's bounds (src/routes/reservation-schemas.ts).
import type { BookingSettings } from "../../shared/types";
import { checkInt, type FieldErrors } from "./field-errors";

export type Rules = Omit<BookingSettings, "hours" | "specialDates">;
export type Draft = { [K in keyof Rules]: Rules[K] extends number ? number | null : K extends "durations" ? { maxPartySize: number | null; minutes: number | null }[] : Rules[K] };

export const NUMBERS: { key: Exclude<keyof Rules, "onlineBooking" | "durations">; label: string; min: number; max: number; unit: string; hint: string }[] = [
  { key: "slotIntervalMinutes", label: "Time between offered slots", min: 5, max: 120, unit: "minutes", hint: "15 offers 18:00, 18:15, 18:30…" },
  { key: "bookingWindowDays", label: "How far ahead guests can book", min: 1, max: 365, unit: "days", hint: "" },
  { key: "cutoffMinutes", label: "Online booking, changes and cancelling close", min: 0, max: 7 * 24 * 60, unit: "minutes before", hint: "60 = an hour before the time; hosts can always book." },
  { key: "maxOnlinePartySize", label: "Largest party that can book online", min: 1, max: 100, unit: "guests", hint: "Bigger parties are asked to call." },
  { key: "walkInPercent", label: "Seats kept for walk-ins", min: 0, max: 100, unit: "%", hint: "Online bookings never take this share of all seats." },
  { key: "reminderHours", label: "Reminder text", min: 0, max: 72, unit: "hours before", hint: "0 = no reminder." },
  { key: "noShowGraceMinutes", label: "A booking becomes a no-show", min: 1, max: 240, unit: "minutes after its time", hint: "If not marked arrived by then." },
];

export function rulesOf(s: BookingSettings): Draft {
  const { hours: _h, specialDates: _s, ...rules } = s;
  return rules;
}

export function ruleErrors(d: Draft): FieldErrors {
  const out: FieldErrors = {};
  for (const n of NUMBERS) {
    const e = checkInt(d[n.key], n.min, n.max);
    if (e) out[n.key] = e;
  }
  if (d.durations.length === 0) out.durations = "Keep at least one duration.";
  const seen = new Set<number>();
  d.durations.forEach((r, i) => {
    const size = checkInt(r.maxPartySize, 1, 100);
    const mins = checkInt(r.minutes, 15, 720);
    if (size) out[`durations.${i}.maxPartySize`] = size;
    else if (seen.has(r.maxPartySize!)) out[`durations.${i}.maxPartySize`] = "Another rule already covers this size.";
    else seen.add(r.maxPartySize!);
    if (mins) out[`durations.${i}.minutes`] = mins;
  });
  return out;
}

