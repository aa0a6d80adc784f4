// The reservation book for hosts and admins: a day's book, create, edit, move, act; tables and
// combinations; booking rules. Every change goes through the location's DO (DESIGN.md rule 1).
// Hosts run the book; tables and booking rules need the admin role.
import { createRoute, z } from "@hono/zod-openapi";
import { RESERVATION_ACTIONS } from "../../domain/reservations/model";
import { requireAuth, requireRole } from "../auth/middleware";
import { requireFeature } from "../billing/entitlements";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";
import { restaurant, unwrap } from "../restaurant/client";
import { seatBody } from "./floor";
import {
  BookingSettingsInput,
  BookingSettingsSchema,
  CombinationInput,
  CombinationSchema,
  dateString,
  ReservationFields,
  ReservationSchema,
  TableInput,
  TablePatch,
  TableSchema,
  TablesSchema,
} from "./reservation-schemas";
import { restReservation } from "../../domain/reservations/reservation";

const LocationParams = z.object({ locationId: uuidParam("locationId") });
const ReservationParams = z.object({ locationId: uuidParam("locationId"), reservationId: uuidParam("reservationId") });
const TableParams = z.object({ locationId: uuidParam("locationId"), tableId: uuidParam("tableId") });

const CreateInput = ReservationFields.strict();
const PatchInput = ReservationFields.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change." });

export const reservationRoutes = router();
for (const path of ["/:locationId/reservations", "/:locationId/reservations/*", "/:locationId/tables", "/:locationId/tables/*", "/:locationId/booking-settings"]) {
  reservationRoutes.use(path, requireAuth);
}

const tags = ["Reservations"];

reservationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/reservations",
    tags,
    summary: "A day's reservation book (the location's local date; today by default)",
    security: bearer,
    request: { params: LocationParams, query: z.object({ date: dateString.optional() }) },
    responses: {
      200: jsonResponse(z.object({ date: z.string(), timezone: z.string(), reservations: z.array(ReservationSchema) }).openapi("ReservationBook"), "The book"),
      ...errors(400, 401, 404),
    },
  }),
  async (c) => {
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    const book = await stub.listReservations(c.req.valid("query").date);
    return c.json({ date: book.date, timezone: book.timezone, reservations: book.reservations.map(restReservation) }, 200);
  },
);

reservationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/reservations",
    tags,
    summary: "Book a table (hosts and up)",
    description:
      "Without `tableIds` the best free table or combination is assigned. A taken time answers 409 `slot_unavailable` " +
      "with the nearest free times in `details`; a taken table answers 409 `table_conflict`. A plan without bookings answers 402 `plan_limit`.",
    security: bearer,
    request: { params: LocationParams, ...jsonBody(CreateInput) },
    responses: { 201: jsonResponse(z.object({ reservation: ReservationSchema }), "Booked"), ...errors(400, 401, 402, 404, 409, 413) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const loc = c.get("location");
    // New bookings need a plan with bookings; the existing book stays readable and workable after a
    // downgrade, so guests who already booked are still seated.
    await requireFeature(c, "bookings");
    const stub = restaurant(c.env, loc);
    const made = unwrap(await stub.createReservation({ ...input, start: Date.parse(input.start), source: "host" }));
    return c.json({ reservation: restReservation(made.reservation) }, 201);
  },
);

reservationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/reservations/{reservationId}",
    tags,
    summary: "One reservation",
    security: bearer,
    request: { params: ReservationParams },
    responses: { 200: jsonResponse(z.object({ reservation: ReservationSchema }), "The reservation"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const { reservationId } = c.req.valid("param");
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json({ reservation: restReservation(unwrap(await stub.getReservation(reservationId))) }, 200);
  },
);

reservationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/reservations/{reservationId}",
    tags,
    summary: "Edit a reservation: details, time, size, duration, or move it to other tables",
    security: bearer,
    request: { params: ReservationParams, ...jsonBody(PatchInput) },
    responses: { 200: jsonResponse(z.object({ reservation: ReservationSchema }), "Updated"), ...errors(400, 401, 404, 409, 413) },
  }),
  async (c) => {
    const { reservationId } = c.req.valid("param");
    const input = c.req.valid("json");
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    const patch = { ...input, start: input.start === undefined ? undefined : Date.parse(input.start) };
    return c.json({ reservation: restReservation(unwrap(await stub.updateReservation(reservationId, patch))) }, 200);
  },
);

const ACTION_SUMMARIES: Record<(typeof RESERVATION_ACTIONS)[number], string> = {
  confirm: "Confirm (booked → confirmed)",
  arrive: "Mark arrived",
  seat: "Seat: the party takes its tables (or the host's choice, or the suggestion); counts as a seating for walk-in estimates",
  complete: "Complete: the party has left and its tables are free again",
  cancel: "Cancel",
  no_show: "Mark a no-show",
};
for (const action of RESERVATION_ACTIONS) {
  reservationRoutes.openapi(
    createRoute({
      method: "post",
      path: `/{locationId}/reservations/{reservationId}/${action}`,
      tags,
      summary: ACTION_SUMMARIES[action],
      description: "An action that does not fit the reservation's status answers 409 invalid_transition.",
      security: bearer,
      request: { params: ReservationParams, ...(action === "seat" ? seatBody : {}) },
      responses: { 200: jsonResponse(z.object({ reservation: ReservationSchema }), "After the action"), ...errors(400, 401, 404, 409) },
    }),
    async (c) => {
      const { reservationId } = c.req.valid("param");
      const loc = c.get("location");
      const stub = restaurant(c.env, loc);
      const choice = action === "seat" ? ((c.req.valid("json" as never) as { tableIds?: string[]; suggest?: boolean } | undefined) ?? {}) : {};
      return c.json({ reservation: restReservation(unwrap(await stub.actOnReservation(reservationId, action, choice))) }, 200);
    },
  );
}

// ---- tables ---------------------------------------------------------------------------------------

reservationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/tables",
    tags,
    summary: "Tables and combinations",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(TablesSchema, "Tables"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json(await stub.listTables(), 200);
  },
);

reservationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/tables",
    tags,
    summary: "Add a table, or a combination of tables for big parties (admin or owner)",
    description: "A body with `tableIds` makes a combination; without, a table. The answer has the new item and the full lists.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams, ...jsonBody(z.union([CombinationInput, TableInput])) },
    responses: {
      201: jsonResponse(TablesSchema.extend({ table: TableSchema.optional(), combination: CombinationSchema.optional() }), "Added"),
      ...errors(400, 401, 403, 404, 413),
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    if ("tableIds" in input) return c.json(unwrap(await stub.createCombination(input)), 201);
    return c.json(unwrap(await stub.createTable({ ...input, area: input.area ?? "", active: input.active ?? true })), 201);
  },
);

reservationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/tables/{tableId}",
    tags,
    summary: "Change a table or combination (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: TableParams, ...jsonBody(TablePatch) },
    responses: {
      200: jsonResponse(TablesSchema.extend({ table: TableSchema.optional(), combination: CombinationSchema.optional() }), "Changed"),
      ...errors(400, 401, 403, 404, 413),
    },
  }),
  async (c) => {
    const { tableId } = c.req.valid("param");
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json(unwrap(await stub.updateTable(tableId, c.req.valid("json"))), 200);
  },
);

reservationRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/{locationId}/tables/{tableId}",
    tags,
    summary: "Remove a table or combination (admin or owner); a table with upcoming bookings answers 409",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: TableParams },
    responses: { 200: jsonResponse(TablesSchema, "The remaining tables"), ...errors(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const { tableId } = c.req.valid("param");
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json(unwrap(await stub.deleteTable(tableId)), 200);
  },
);

// ---- booking settings ------------------------------------------------------------------------------

reservationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/booking-settings",
    tags,
    summary: "Booking rules: service hours, slot interval, durations, window, cut-off, party size, walk-in share, reminders, no-shows",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(BookingSettingsSchema, "Settings"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json(await stub.getBookingSettings(), 200);
  },
);

reservationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/booking-settings",
    tags,
    summary: "Change booking rules (admin or owner), merged in one step: fields not sent keep their value",
    description:
      "`hours` merges by weekday and `specialDates` by date (`null` removes a date's own services); arrays are replaced whole. " +
      "The change is applied inside the location's Durable Object in one call, so concurrent changes to different fields all stay.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams, ...jsonBody(BookingSettingsInput) },
    responses: { 200: jsonResponse(BookingSettingsSchema, "Settings"), ...errors(400, 401, 403, 404, 413) },
  }),
  async (c) => {
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json(unwrap(await stub.updateBookingSettings(c.req.valid("json"))), 200);
  },
);
