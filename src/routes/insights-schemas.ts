// The insights reports' shapes (OpenAPI), one per report of domain/insights/report.ts.
import { z } from "@hono/zod-openapi";
import { isDate } from "../../domain/insights/local-time";
import { BOOKING_SOURCES, DROP_OUTCOMES, SIZE_BANDS } from "../../domain/insights/rollup";
import { uuidParam } from "./openapi";

export const REPORTS = ["covers", "waits", "quote_accuracy", "drop_off", "messages", "bookings"] as const;
export type ReportName = (typeof REPORTS)[number];

const date = (name: string) =>
  z
    .string()
    .refine(isDate, { message: `${name} must be a date (YYYY-MM-DD).` })
    .openapi({ description: `Local date in each location's timeZone, inclusive.`, example: "2026-11-01" });

export const InsightsQuerySchema = z.object({
  from: date("from"),
  to: date("to"),
  locationId: z.uuid({ message: "locationId must be an id (UUID)." }).optional().openapi({ description: "One location; all of the account's locations when absent." }),
  format: z.enum(["json", "csv"]).optional().openapi({ description: "csv: one table of the report (see `table`); Accept: text/csv does the same." }),
  table: z.string().max(40).optional().openapi({ description: "With CSV: which table of the report (default its first)." }),
});

export const RebuildBody = z.object({ from: date("from"), to: date("to") }).strict();
export const LocationParams = z.object({ locationId: uuidParam("locationId") });

const share = z.number().nullable().openapi({ description: "0-1, null when nothing was counted." });
const minutes = z.number().int().nullable();
const count = z.number().int();

const coverCounts = {
  walkInParties: count, walkInGuests: count, selfCheckInParties: count, selfCheckInGuests: count,
  bookingParties: count, bookingGuests: count, parties: count, guests: count,
};
const waitCounts = { parties: count, medianWaitMinutes: minutes, p90WaitMinutes: minutes };
const accuracy = {
  against: z.enum(["quoted", "estimated"]),
  parties: count,
  meanAbsoluteErrorMinutes: z.number().nullable(),
  within5MinutesShare: share,
  within10MinutesShare: share,
  biasMinutes: z.number().nullable().openapi({ description: "Mean of actual − promised; positive: guests waited longer than told." }),
  longerShare: share,
  shorterShare: share,
};
const outcome = { parties: count, seated: count, left: count, cancelled: count, noShow: count, leftShare: share, cancelledShare: share, noShowShare: share };
const hour = z.number().int().min(0).max(23);
const band = z.enum(SIZE_BANDS);

export const LocationsSchema = z.array(z.object({ id: z.string(), name: z.string(), timeZone: z.string() }));
const head = { from: z.string(), to: z.string(), locations: LocationsSchema };

export const SCHEMAS = {
  covers: z.object({
    ...head,
    byDay: z.array(z.object({ date: z.string(), ...coverCounts })),
    byHour: z.array(z.object({ hour, ...coverCounts })),
    totals: z.object(coverCounts),
  }).openapi("InsightsCovers"),
  waits: z.object({
    ...head,
    overall: z.object(waitCounts),
    byBand: z.array(z.object({ partySizeBand: band, ...waitCounts })),
    byHour: z.array(z.object({ hour, ...waitCounts })),
    demand: z.array(z.object({ weekday: z.number().int().min(0).max(6).openapi({ description: "0 = Sunday" }), hour, parties: count, guests: count })),
  }).openapi("InsightsWaits"),
  quote_accuracy: z.object({
    ...head,
    overall: z.array(z.object(accuracy)),
    byBand: z.array(z.object({ partySizeBand: band, ...accuracy })),
    byHour: z.array(z.object({ hour, ...accuracy })),
  }).openapi("InsightsQuoteAccuracy"),
  drop_off: z.object({
    ...head,
    waitlist: z.object(outcome),
    byHour: z.array(z.object({ hour, ...outcome })),
    timeInLine: z.array(z.object({ status: z.enum(DROP_OUTCOMES), parties: count, medianMinutes: minutes, p90Minutes: minutes })),
    bookings: z.object({ bookings: count, cancelled: count, noShow: count, cancelledShare: share, noShowShare: share }),
  }).openapi("InsightsDropOff"),
  messages: z.object({
    ...head,
    providers: z.array(z.object({ provider: z.string(), sent: count, delivered: count, failed: count, failovers: count, segments: count, deliveredShare: share })),
    failures: z.array(z.object({ provider: z.string(), reason: z.string(), count })),
    totals: z.object({ sent: count, delivered: count, failed: count, failovers: count, segments: count, refused: count, optOuts: count }),
    allowance: z.array(z.object({ month: z.string(), texts: count, segments: count, allowanceTexts: z.number().int().nullable(), allowanceUsedShare: share })),
  }).openapi("InsightsMessages"),
  bookings: z.object({
    ...head,
    services: z.array(z.object({ service: z.string(), offeredSeats: count, bookings: count, seatsBooked: count, seatsBookedShare: share, cancelled: count, noShow: count })),
    bySource: z.array(z.object({ source: z.enum(BOOKING_SOURCES), bookings: count, seats: count })),
  }).openapi("InsightsBookings"),
} satisfies Record<ReportName, z.ZodType>;

/** What each report answers, for OpenAPI and README. */
export const SUMMARIES: Record<ReportName, string> = {
  covers: "Covers: parties and guests seated per day and per hour, by walk-in, self check-in and booking",
  waits: "Waits: median and 90th percentile wait by size band and hour; weekday × hour demand",
  quote_accuracy: "Quote accuracy: actual wait against the quote and the estimate at joining",
  drop_off: "Drop-off: left, cancelled and no-show shares; time in line before leaving",
  messages: "Messages: texts sent, delivered and failed by provider and reason; failovers, opt-outs, segments against the allowance",
  bookings: "Bookings: seats booked against seats offered per service; online, host and API",
};
