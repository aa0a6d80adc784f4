// Seats offered per service: what the book could have held on a date, from its opening hours and
// tables. A table seats up to its maxSeats once per turn; a service of S minutes whose last booking
// starts just before its end holds floor((S + D) / D) turns of a table's dining duration D.
import { durationFor } from "../reservations/model";
import { weekdayOf } from "./local-time";
import type { ServiceWindow } from "./compute";

export interface CapacityTable {
  maxSeats: number;
  active: boolean;
}

export interface CapacityHours {
  hours: Record<string, { start: string; end: string }[]>;
  specialDates: Record<string, { start: string; end: string }[]>;
  durations: { maxPartySize: number; minutes: number }[];
}

const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The services open on local `date`, each with its seats offered. */
export function serviceWindows(date: string, settings: CapacityHours, tables: CapacityTable[]): ServiceWindow[] {
  const services = settings.specialDates[date] ?? settings.hours[String(weekdayOf(date))] ?? [];
  return services.map((s) => {
    const startMinutes = hm(s.start);
    const endMinutes = hm(s.end);
    const length = Math.max(0, endMinutes - startMinutes);
    let offeredSeats = 0;
    for (const t of tables) {
      if (!t.active) continue;
      const d = durationFor(settings, t.maxSeats);
      offeredSeats += t.maxSeats * (length > 0 ? Math.floor((length + d) / d) : 0);
    }
    return { label: `${s.start}–${s.end}`, startMinutes, endMinutes, offeredSeats };
  });
}
