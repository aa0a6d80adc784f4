// The reservation book's pure model: tables, booking settings, reservations and their states.
// The Durable Object stores and broadcasts; decisions about a reservation's state are made here. What
// a reservation is (its fields) is declared once, in reservation.ts.
import { isClosed, type ReservationStatus } from "./states";
import type { Reservation } from "./reservation";

export { HOLDING_STATUSES, isClosed, isHolding, RESERVATION_SOURCES, RESERVATION_STATUSES } from "./states";
export type { ReservationSource, ReservationStatus } from "./states";
export type { Reservation } from "./reservation";

export const RESERVATION_ACTIONS = ["confirm", "arrive", "seat", "complete", "cancel", "no_show"] as const;
export type ReservationAction = (typeof RESERVATION_ACTIONS)[number];

export interface Table {
  id: string;
  name: string;
  minSeats: number;
  maxSeats: number;
  area: string;
  active: boolean;
}

export interface Combination {
  id: string;
  name: string;
  tableIds: string[];
  minSeats: number;
  maxSeats: number;
}

export interface Service {
  /** "HH:MM" local: the first bookable start. */
  start: string;
  /** "HH:MM" local: bookings start strictly before this. */
  end: string;
}

export interface DurationRule {
  /** This duration applies to parties up to this size (the first rule that fits wins). */
  maxPartySize: number;
  minutes: number;
}

export interface BookingSettings {
  /** Whether guests can book online (hosts can always book). */
  onlineBooking: boolean;
  /** Services per weekday, "0" = Sunday … "6" = Saturday; no entry or [] = closed. */
  hours: Record<string, Service[]>;
  /** Dates ("YYYY-MM-DD") with their own services; [] = closed that day. */
  specialDates: Record<string, Service[]>;
  slotIntervalMinutes: number;
  durations: DurationRule[];
  /** How far ahead guests may book. */
  bookingWindowDays: number;
  /** Guests book, change or cancel online at least this many minutes before the start. */
  cutoffMinutes: number;
  maxOnlinePartySize: number;
  /** Share of the seats (0-100) that online bookings may never take, kept for walk-ins. */
  walkInPercent: number;
  /** The reminder text goes out this many hours before the start (0 = no reminder). */
  reminderHours: number;
  /** A booking not marked arrived this many minutes after its start becomes a no-show. */
  noShowGraceMinutes: number;
}

/**
 * A change to the booking rules (PATCH): a field not sent keeps its value; `hours` merges by weekday
 * and `specialDates` by date, where `null` removes that date's own services; arrays (services,
 * `durations`) are replaced whole.
 */
export type BookingSettingsPatch = Partial<Omit<BookingSettings, "hours" | "specialDates">> & {
  hours?: Partial<Record<string, Service[]>>;
  specialDates?: Record<string, Service[] | null>;
};

/** Most dates with their own services a location keeps. */
export const MAX_SPECIAL_DATES = 366;

export function mergeBookingSettings(current: BookingSettings, patch: BookingSettingsPatch): BookingSettings {
  const { hours, specialDates, ...rest } = patch;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<BookingSettings>;
  const next: BookingSettings = { ...current, ...defined };
  if (hours) {
    next.hours = { ...current.hours };
    for (const [day, services] of Object.entries(hours)) if (services !== undefined) next.hours[day] = services;
  }
  if (specialDates) {
    next.specialDates = { ...current.specialDates };
    for (const [date, services] of Object.entries(specialDates)) {
      if (services === null) delete next.specialDates[date];
      else next.specialDates[date] = services;
    }
  }
  return next;
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  onlineBooking: true,
  hours: {
    "0": [{ start: "12:00", end: "21:00" }],
    "1": [],
    "2": [{ start: "17:00", end: "22:00" }],
    "3": [{ start: "17:00", end: "22:00" }],
    "4": [{ start: "17:00", end: "22:00" }],
    "5": [
      { start: "12:00", end: "14:30" },
      { start: "17:00", end: "23:00" },
    ],
    "6": [
      { start: "12:00", end: "14:30" },
      { start: "17:00", end: "23:00" },
    ],
  },
  specialDates: {},
  slotIntervalMinutes: 15,
  durations: [
    { maxPartySize: 2, minutes: 90 },
    { maxPartySize: 4, minutes: 105 },
    { maxPartySize: 100, minutes: 120 },
  ],
  bookingWindowDays: 60,
  cutoffMinutes: 60,
  maxOnlinePartySize: 8,
  walkInPercent: 0,
  reminderHours: 2,
  noShowGraceMinutes: 15,
};

/** Dining minutes for a party size: the first rule whose maxPartySize fits, else the last rule. */
export function durationFor(settings: Pick<BookingSettings, "durations">, partySize: number): number {
  const rules = [...settings.durations].sort((a, b) => a.maxPartySize - b.maxPartySize);
  return (rules.find((r) => partySize <= r.maxPartySize) ?? rules.at(-1) ?? { minutes: 90 }).minutes;
}

export class ReservationTransitionError extends Error {}

const NEXT: Record<ReservationAction, { from: ReservationStatus[]; to: ReservationStatus }> = {
  confirm: { from: ["booked"], to: "confirmed" },
  arrive: { from: ["booked", "confirmed"], to: "arrived" },
  seat: { from: ["booked", "confirmed", "arrived"], to: "seated" },
  complete: { from: ["seated"], to: "completed" },
  cancel: { from: ["booked", "confirmed", "arrived"], to: "cancelled" },
  no_show: { from: ["booked", "confirmed"], to: "no_show" },
};

const DONE: Record<ReservationAction, string> = {
  confirm: "confirmed",
  arrive: "marked arrived",
  seat: "seated",
  complete: "completed",
  cancel: "cancelled",
  no_show: "marked a no-show",
};

/** The reservation after `action` at `at`, or a ReservationTransitionError (answered 409). */
export function reservationTransition(r: Reservation, action: ReservationAction, at: number): Reservation {
  const rule = NEXT[action];
  if (!rule.from.includes(r.status)) {
    throw new ReservationTransitionError(`A ${r.status.replace("_", "-")} reservation cannot be ${DONE[action]}.`);
  }
  const next: Reservation = { ...r, status: rule.to, updatedAt: at };
  if (rule.to === "confirmed") next.confirmedAt = at;
  if (rule.to === "arrived") next.arrivedAt = at;
  if (rule.to === "seated") next.seatedAt = at;
  if (isClosed(rule.to)) next.closedAt = at;
  return next;
}

/** Whether a reservation's time or size may still be changed. */
export const canReschedule = (s: ReservationStatus) => s === "booked" || s === "confirmed";
