// The floor for hosts (issue 17): each table's status now (free, seated, held for a booking,
// inactive) with who sits there, the suggestion for a party size, and clearing a table. Seating at
// tables is part of the seat actions (waitlist.ts, reservations.ts), which take `SeatBody`.
import { createRoute, z } from "@hono/zod-openapi";
import { TABLE_STATUSES, type FloorTable } from "../../domain/tables/floor";
import { requireAuth } from "../auth/middleware";
import { restaurant, unwrap } from "../restaurant/client";
import { bearer, errors, jsonResponse, router, uuidParam } from "./openapi";

/** The optional body of the seat actions: the host's tables, or the suggestion. */
export const SeatBody = z
  .object({
    tableIds: z.array(z.uuid({ message: "Each table id is a UUID." })).min(1).max(20).optional().openapi({ description: "Seat at these tables (the host's choice)." }),
    suggest: z.boolean().optional().openapi({ description: "Seat at the suggested table or combination (GET …/floor/suggestion)." }),
  })
  .strict()
  .refine((v) => !(v.tableIds && v.suggest), { message: "Send tableIds or suggest, not both.", path: ["suggest"] })
  .openapi("SeatAt");

export const seatBody = {
  body: {
    required: false,
    description:
      "Optional. Without a body the party is seated without a table (a reservation at its own tables). A table that is occupied, " +
      "inactive, too small or held for a booking within the dining duration answers 409 `table_conflict`, its reason in `details`; " +
      "an unknown table answers 404.",
    content: { "application/json": { schema: SeatBody } },
  },
};

const iso = (ms: number) => new Date(ms).toISOString();

export const FloorTableSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    area: z.string(),
    minSeats: z.number().int(),
    maxSeats: z.number().int(),
    active: z.boolean(),
    status: z.enum(TABLE_STATUSES).openapi({ description: "seated wins over inactive and held; held = a booking on it starts within the dining time of a party of its size." }),
    party: z
      .object({
        kind: z.enum(["party", "reservation"]),
        id: z.string().openapi({ description: "The waitlist party's or the reservation's id." }),
        name: z.string(),
        partySize: z.number().int(),
        seatedAt: z.string(),
        expectedEndAt: z.string().openapi({ description: "seatedAt + the dining duration for the party's size (booking settings)." }),
        tableIds: z.array(z.string()).openapi({ description: "All the tables this party sits at (a combination has several)." }),
      })
      .nullable(),
    nextHold: z.object({ reservationId: z.string(), name: z.string(), partySize: z.number().int(), startAt: z.string() }).nullable(),
  })
  .openapi("FloorTable");

export const FloorSchema = z.object({ tables: z.array(FloorTableSchema) }).openapi("Floor");

export function restFloorTable(t: FloorTable) {
  return {
    ...t,
    party: t.party ? { ...t.party, seatedAt: iso(t.party.seatedAt), expectedEndAt: iso(t.party.expectedEndAt) } : null,
    nextHold: t.nextHold ? { ...t.nextHold, startAt: iso(t.nextHold.startAt) } : null,
  };
}

const LocationParams = z.object({ locationId: uuidParam("locationId") });
const TableParams = z.object({ locationId: uuidParam("locationId"), tableId: uuidParam("tableId") });
const tags = ["Floor"];

export const floorRoutes = router();
for (const path of ["/:locationId/floor", "/:locationId/floor/*", "/:locationId/tables/:tableId/clear"]) floorRoutes.use(path, requireAuth);

floorRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/floor",
    tags,
    summary: "Every table now: free, seated (who, since when, expected end), held for a booking (when) or inactive",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(FloorSchema, "The floor"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const floor = await restaurant(c.env, c.get("location")).floor();
    return c.json({ tables: floor.tables.map(restFloorTable) }, 200);
  },
);

floorRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/floor/suggestion",
    tags,
    summary: "The best free table or combination for a party now (null when none is free)",
    description: "Fits the size, smallest waste, none of its tables occupied or held by a booking starting within the dining duration; tables in `area` first.",
    security: bearer,
    request: {
      params: LocationParams,
      query: z.object({
        partySize: z.coerce.number().int().min(1).max(100).openapi({ example: 4 }),
        area: z.string().trim().max(40).optional().openapi({ description: "Preferred area.", example: "Patio" }),
      }),
    },
    responses: {
      200: jsonResponse(
        z.object({
          suggestion: z.object({ tableIds: z.array(z.string()), name: z.string(), seats: z.number().int(), combination: z.boolean() }).nullable(),
        }).openapi("TableSuggestion"),
        "The suggestion",
      ),
      ...errors(400, 401, 404),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const suggestion = await restaurant(c.env, c.get("location")).suggestTables(q.partySize, q.area || undefined);
    return c.json({ suggestion }, 200);
  },
);

floorRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/tables/{tableId}/clear",
    tags,
    summary: "Clear a table: its party has left (every table of a combination is freed; a seated reservation is completed)",
    description: "A table nobody sits at answers 409 invalid_transition.",
    security: bearer,
    request: { params: TableParams },
    responses: { 200: jsonResponse(FloorSchema, "The floor after clearing"), ...errors(400, 401, 404, 409) },
  }),
  async (c) => {
    const { tableId } = c.req.valid("param");
    const floor = unwrap(await restaurant(c.env, c.get("location")).clearTable(tableId));
    return c.json({ tables: floor.tables.map(restFloorTable) }, 200);
  },
);
