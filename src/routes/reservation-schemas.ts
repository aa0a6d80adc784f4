// Zod schemas shared by the host/admin and the public reservation routes (validation + OpenAPI).
import { freeText } from "../lib/text";
import { z } from "@hono/zod-openapi";
import { RESERVATION_SOURCES, RESERVATION_STATUSES, type Reservation } from "../../domain/reservations/model";
import { ReservationRestSchema } from "../../domain/reservations/reservation";
import { isDate, localDate, localTime, minutesOf, TIME_RE } from "../../domain/time";

// A reservation's REST shape is read off its declaration (domain/reservations/reservation.ts).
export const ReservationSchema = ReservationRestSchema.openapi("Reservation");

export const PublicReservationSchema = z
  .object({
    name: z.string(),
    partySize: z.number().int(),
    start: z.string(),
    end: z.string(),
    localDate: z.string().openapi({ example: "2026-12-05" }),
    localTime: z.string().openapi({ example: "18:30" }),
    status: z.enum(RESERVATION_STATUSES),
    notes: z.string(),
  })
  .openapi("PublicReservation");

export function publicReservation(r: Reservation, timeZone: string) {
  return {
    name: r.name,
    partySize: r.partySize,
    start: new Date(r.start).toISOString(),
    end: new Date(r.end).toISOString(),
    localDate: localDate(r.start, timeZone),
    localTime: localTime(r.start, timeZone),
    status: r.status,
    notes: r.notes,
  };
}

export const SlotSchema = z.object({ start: z.string(), localTime: z.string() }).openapi("Slot");

export const dateString = z
  .string()
  .refine(isDate, { message: "Use a calendar date YYYY-MM-DD." })
  .openapi({ type: "string", example: "2026-12-05", description: "The location's local date." });

export const isoTime = z.iso.datetime({ offset: true, message: "Use an ISO 8601 time, e.g. 2026-12-05T23:30:00.000Z." }).openapi({ example: "2026-12-05T23:30:00.000Z" });

const tag = freeText({ max: 32, min: 1 });
export const tableIdsSchema = z.array(z.uuid({ message: "Table ids are UUIDs." })).max(10);

export const ReservationFields = z.object({
  name: freeText({ max: 80, min: 1 }).openapi({ example: "Garcia" }),
  phone: z.string().trim().max(32).nullable().optional().openapi({ example: "+1 212 555 0100" }),
  email: z.string().trim().max(254).pipe(z.email({ message: "Enter a valid email address." })).nullable().optional(),
  partySize: z.number().int().min(1).max(100),
  start: isoTime,
  durationMinutes: z.number().int().min(15).max(720).optional().openapi({ description: "Defaults to the dining duration for the party size." }),
  tableIds: tableIdsSchema.optional().openapi({ description: "Omit to assign the best free table; [] leaves it unassigned." }),
  notes: freeText({ max: 500, multiline: true }).optional(),
  tags: z.array(tag).max(10).optional(),
  smsConsent: z.boolean().optional(),
});

// ---- tables ---------------------------------------------------------------------------------------

export const TableSchema = z
  .object({ id: z.string(), name: z.string(), minSeats: z.number().int(), maxSeats: z.number().int(), area: z.string(), active: z.boolean() })
  .openapi("Table");
export const CombinationSchema = z
  .object({ id: z.string(), name: z.string(), tableIds: z.array(z.string()), minSeats: z.number().int(), maxSeats: z.number().int() })
  .openapi("TableCombination");
export const TablesSchema = z.object({ tables: z.array(TableSchema), combinations: z.array(CombinationSchema) }).openapi("Tables");

const seats = z.number().int().min(1).max(100);
export const TableInput = z
  .object({
    name: freeText({ max: 40, min: 1 }),
    minSeats: seats,
    maxSeats: seats,
    area: freeText({ max: 40 }).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const CombinationInput = z
  .object({ name: freeText({ max: 40, min: 1 }), tableIds: tableIdsSchema.min(2), minSeats: seats, maxSeats: seats })
  .strict();
export const TablePatch = z
  .object({
    name: freeText({ max: 40, min: 1 }),
    minSeats: seats,
    maxSeats: seats,
    area: freeText({ max: 40 }),
    active: z.boolean(),
    tableIds: tableIdsSchema.min(2).openapi({ description: "Combinations only." }),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change." });

// ---- booking settings ------------------------------------------------------------------------------

const hhmm = z.string().regex(TIME_RE, { message: "Use HH:MM (24-hour)." });
const ServiceSchema = z
  .object({ start: hhmm, end: hhmm })
  .strict()
  // Refinements run even when a field failed its own check (zod 4), so only compare valid times.
  .refine((s) => !TIME_RE.test(s.start) || !TIME_RE.test(s.end) || minutesOf(s.start) < minutesOf(s.end), {
    message: "A service must end after it starts (same day).",
  });
const services = z.array(ServiceSchema).max(6);

export const BookingSettingsSchema = z
  .object({
    onlineBooking: z.boolean(),
    hours: z
      .partialRecord(z.enum(["0", "1", "2", "3", "4", "5", "6"]), services)
      .openapi({ description: 'Services per weekday, "0" = Sunday; [] or absent = closed.' }),
    specialDates: z
      .record(dateString, services)
      .refine((v) => Object.keys(v).length <= 366, { message: "At most 366 special dates." })
      .openapi({ description: "Dates with their own services; [] = closed." }),
    slotIntervalMinutes: z.number().int().min(5).max(120),
    durations: z
      .array(z.object({ maxPartySize: seats, minutes: z.number().int().min(15).max(720) }).strict())
      .min(1)
      .max(20)
      .openapi({ description: "Dining minutes by party size: the first rule whose maxPartySize fits applies." }),
    bookingWindowDays: z.number().int().min(1).max(365),
    cutoffMinutes: z.number().int().min(0).max(7 * 24 * 60),
    maxOnlinePartySize: seats,
    walkInPercent: z.number().int().min(0).max(100).openapi({ description: "Share of seats online bookings never take." }),
    reminderHours: z.number().int().min(0).max(72).openapi({ description: "0 = no reminder." }),
    noShowGraceMinutes: z.number().int().min(1).max(240),
  })
  .openapi("BookingSettings");

export const BookingSettingsInput = BookingSettingsSchema.extend({
  specialDates: z
    .record(dateString, services.nullable())
    .refine((v) => Object.keys(v).length <= 366, { message: "At most 366 special dates." })
    .openapi({ description: "Dates with their own services; [] = closed; null = back to the weekday's hours." }),
})
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one setting." });
