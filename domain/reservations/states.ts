// A reservation's statuses and sources: the vocabulary its declaration (reservation.ts), its rules
// (model.ts) and the web app share. Free of zod, so the web app's bundle takes only these names.
export const RESERVATION_STATUSES = ["booked", "confirmed", "arrived", "seated", "completed", "cancelled", "no_show"] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Statuses in which a reservation holds its table(s) for [start, end). */
export const HOLDING_STATUSES: readonly ReservationStatus[] = ["booked", "confirmed", "arrived", "seated"];
export const isHolding = (s: ReservationStatus) => HOLDING_STATUSES.includes(s);
export const isClosed = (s: ReservationStatus) => s === "completed" || s === "cancelled" || s === "no_show";

export const RESERVATION_SOURCES = ["host", "online", "api"] as const;
export type ReservationSource = (typeof RESERVATION_SOURCES)[number];
