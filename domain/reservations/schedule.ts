// The DO's schedule table: what is due when, for one alarm. A reservation has at most one reminder
// and one automatic no-show pending; handlers re-check the reservation, so a repeated alarm (alarms
// are at-least-once) finds nothing to do the second time.
import type { BookingSettings, Reservation } from "./model";

export type ScheduleKind = "reminder" | "no_show";

export interface ScheduleEntry {
  kind: ScheduleKind;
  reservationId: string;
  dueAt: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The entries a reservation needs now: none once it is arrived, seated or closed. */
export function entriesFor(r: Reservation, settings: Pick<BookingSettings, "reminderHours" | "noShowGraceMinutes">): ScheduleEntry[] {
  if (r.status !== "booked" && r.status !== "confirmed") return [];
  const out: ScheduleEntry[] = [];
  const remindAt = r.start - settings.reminderHours * HOUR;
  // A booking made inside the reminder window already got its confirmation; no second text.
  if (settings.reminderHours > 0 && r.reminderSentAt === null && remindAt > r.createdAt && r.smsConsent && r.phone) {
    out.push({ kind: "reminder", reservationId: r.id, dueAt: remindAt });
  }
  out.push({ kind: "no_show", reservationId: r.id, dueAt: r.start + settings.noShowGraceMinutes * MINUTE });
  return out;
}

/** Whether a due entry still applies to the reservation as it is now. */
export function stillDue(entry: ScheduleEntry, r: Reservation | null, settings: Pick<BookingSettings, "reminderHours" | "noShowGraceMinutes">, at: number): boolean {
  if (!r) return false;
  return entriesFor(r, settings).some((e) => e.kind === entry.kind && e.dueAt <= at);
}

/** The earliest of the times given (null when none): when the one alarm should fire. */
export function earliest(...times: (number | null | undefined)[]): number | null {
  const present = times.filter((t): t is number => typeof t === "number" && Number.isFinite(t));
  return present.length === 0 ? null : Math.min(...present);
}
