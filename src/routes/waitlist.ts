// The live waitlist for hosts and API clients: list, add, edit, act, move, settings, history, and
// the live channel for host screens. Every change goes through the location's DO (DESIGN.md rule 1).
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, gte, inArray, isNotNull, lt, or } from "drizzle-orm";
import { ACTIONS, CLOSED_STATES, PARTY_STATES, SIZE_BANDS } from "../../domain/waitlist/model";
import type { RankedPartyView } from "../../domain/waitlist/protocol";
import { hasRole, requireAuth } from "../auth/middleware";
import { db } from "../db/client";
import { locations, parties } from "../db/schema";
import { isoOrNull } from "../lib/clock";
import { sha256Hex } from "../lib/crypto";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { forbidden, notFound, validationFailed } from "../lib/errors";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";
import { loadLocation } from "./locations";
import { restaurant, unwrap } from "../restaurant/client";
import { assertAllowedOrigin, assertWebSocketUpgrade } from "./live-sockets";


export const PartySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phone: z.string().nullable().openapi({ description: "E.164" }),
    size: z.number().int(),
    notes: z.string(),
    tags: z.array(z.string()),
    quotedWait: z.number().int().openapi({ description: "Minutes quoted to the guest." }),
    source: z.enum(["host", "self_check_in", "api"]),
    smsConsent: z.boolean(),
    state: z.enum(PARTY_STATES),
    position: z.number().int().nullable().openapi({ description: "1-based place in line; null once closed." }),
    ahead: z.number().int().nullable(),
    estimateMinutes: z.number().int().nullable().openapi({ description: "Automatic estimate from recent seatings." }),
    createdAt: z.string(),
    notifiedAt: z.string().nullable(),
    notifyCount: z.number().int(),
    seatedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
    onMyWayAt: z.string().nullable().openapi({ description: "When the guest replied that they are on their way." }),
  })
  .openapi("Party");

export function restParty(p: Omit<RankedPartyView, "rank"> & { rank?: number }) {
  return {
    id: p.id,
    name: p.name,
    phone: p.phone,
    size: p.size,
    notes: p.notes,
    tags: p.tags,
    quotedWait: p.quotedWait,
    source: p.source,
    smsConsent: p.smsConsent,
    state: p.state,
    position: p.position,
    ahead: p.ahead,
    estimateMinutes: p.estimateMinutes,
    createdAt: isoOrNull(p.createdAt)!,
    notifiedAt: isoOrNull(p.notifiedAt),
    notifyCount: p.notifyCount,
    seatedAt: isoOrNull(p.seatedAt),
    closedAt: isoOrNull(p.closedAt),
    updatedAt: isoOrNull(p.updatedAt)!,
    version: p.version,
    onMyWayAt: isoOrNull(p.onMyWayAt),
  };
}

const BandMinutesSchema = (min: number, max: number) =>
  z.object(Object.fromEntries(SIZE_BANDS.map((b) => [b, z.number().int().min(min).max(max)])) as Record<(typeof SIZE_BANDS)[number], z.ZodNumber>);

export const SettingsSchema = z
  .object({
    open: z.boolean().openapi({ description: "Whether guests can check themselves in." }),
    maxLength: z.number().int().min(1).max(1000).nullable().openapi({ description: "Most parties in line for self check-in; null = no limit." }),
    maxPartySize: z.number().int().min(1).max(100),
    quoteMinutes: BandMinutesSchema(0, 600).openapi({ description: "Default quoted wait by party size band." }),
    intervalMinutes: BandMinutesSchema(1, 240).openapi({ description: "Fallback minutes between seatings per band." }),
    phoneCountryCode: z.string().regex(/^[1-9]\d{0,2}$/).openapi({ description: "Assumed for numbers typed without +.", example: "1" }),
  })
  .openapi("WaitlistSettings");

// Bands are strict too: a misspelt band ("1-3") is an error, not a change silently dropped.
const SettingsPatch = SettingsSchema.extend({
  quoteMinutes: BandMinutesSchema(0, 600).partial().strict(),
  intervalMinutes: BandMinutesSchema(1, 240).partial().strict(),
})
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one setting to change." });

const tag = z.string().trim().min(1).max(32);
const PartyFields = z.object({
  name: z.string().trim().min(1).max(80).openapi({ example: "Garcia" }),
  phone: z.string().trim().max(32).nullable().optional().openapi({ example: "+1 212 555 0100", description: "Stored in E.164." }),
  size: z.number().int().min(1).max(100).openapi({ example: 4 }),
  notes: z.string().trim().max(500).optional(),
  tags: z.array(tag).max(10).optional().openapi({ example: ["high chair", "patio"] }),
  quotedWait: z.number().int().min(0).max(600).nullable().optional().openapi({ description: "Minutes; defaults to the location's table." }),
  smsConsent: z.boolean().optional().openapi({ description: "The guest agreed to texts about their place in line." }),
});
const PartyInput = PartyFields.strict();
const PartyPatch = PartyFields.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change." });

const LocationParams = z.object({ locationId: uuidParam("locationId") });
const PartyParams = z.object({ locationId: uuidParam("locationId"), partyId: uuidParam("partyId") });
const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: "Idempotency-Key: a retried add with the same key returns the first result." }),
});

export const waitlistRoutes = router();
waitlistRoutes.use("/:locationId/waitlist", requireAuth);
waitlistRoutes.use("/:locationId/waitlist/*", requireAuth);
waitlistRoutes.use("/:locationId/waitlist-settings", requireAuth);
waitlistRoutes.use("/:locationId/history", requireAuth);
waitlistRoutes.use("/:locationId/live-ticket", requireAuth);

const tags = ["Waitlist"];

waitlistRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/waitlist",
    tags,
    summary: "The parties in line, in order, with positions and estimates",
    security: bearer,
    request: { params: LocationParams },
    responses: {
      200: jsonResponse(
        z.object({ version: z.number().int(), parties: z.array(PartySchema), settings: SettingsSchema }).openapi("Waitlist"),
        "The line",
      ),
      ...errors(400, 401, 404),
    },
  }),
  async (c) => {
    const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, c.req.valid("param").locationId);
    const { stub, ref } = restaurant(c.env, loc);
    const list = await stub.list(ref);
    return c.json({ version: list.version, parties: list.parties.map(restParty), settings: list.settings }, 200);
  },
);

waitlistRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/waitlist",
    tags,
    summary: "Add a party (hosts and up); honours Idempotency-Key",
    description:
      "Hosts can always add, even when self check-in is closed or full. The answer includes the guest's status link " +
      "(`guestUrl`), shown only here.",
    security: bearer,
    request: { params: LocationParams, headers: IdempotencyHeader, ...jsonBody(PartyInput) },
    responses: {
      201: jsonResponse(z.object({ party: PartySchema, guestUrl: z.string() }), "Added"),
      ...errors(400, 401, 404, 413, 422),
    },
  }),
  async (c) => {
    const auth = c.get("auth");
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const loc = await loadLocation(db(c.env.DB), auth.accountId, c.req.valid("param").locationId);
    const { stub, ref } = restaurant(c.env, loc);
    const idempotency = key ? { key: `${auth.userId}:${key}`, requestHash: await sha256Hex(JSON.stringify(input)) } : undefined;
    const added = unwrap(await stub.add(ref, { ...input, source: "host" }, idempotency));
    return c.json({ party: restParty(added.party), guestUrl: `${c.env.APP_URL.replace(/\/+$/, "")}/w/${added.guestToken}` }, 201);
  },
);

waitlistRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/waitlist/{partyId}",
    tags,
    summary: "One party (in line, or closed within the last day)",
    security: bearer,
    request: { params: PartyParams },
    responses: { 200: jsonResponse(PartySchema, "The party"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const { locationId, partyId } = c.req.valid("param");
    const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, locationId);
    const { stub, ref } = restaurant(c.env, loc);
    return c.json(restParty(unwrap(await stub.getParty(ref, partyId))), 200);
  },
);

waitlistRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/waitlist/{partyId}",
    tags,
    summary: "Edit a party in line",
    security: bearer,
    request: { params: PartyParams, ...jsonBody(PartyPatch) },
    responses: { 200: jsonResponse(PartySchema, "Updated"), ...errors(400, 401, 404, 409, 413) },
  }),
  async (c) => {
    const { locationId, partyId } = c.req.valid("param");
    const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, locationId);
    const { stub, ref } = restaurant(c.env, loc);
    return c.json(restParty(unwrap(await stub.update(ref, partyId, c.req.valid("json")))), 200);
  },
);

const HOST_ACTIONS = ACTIONS.filter((a) => a !== "leave");
for (const action of HOST_ACTIONS) {
  const summaries: Record<string, string> = {
    notify: "Tell the party their table is ready (waiting/notified → notified)",
    seat: "Seat the party",
    cancel: "Cancel the party (by the host)",
    "no-show": "Mark the party a no-show",
    restore: "Undo a close within 15 minutes: back to its place in line",
  };
  waitlistRoutes.openapi(
    createRoute({
      method: "post",
      path: `/{locationId}/waitlist/{partyId}/${action}`,
      tags,
      summary: summaries[action]!,
      description: "An action that does not fit the party's state answers 409 invalid_transition.",
      security: bearer,
      request: { params: PartyParams },
      responses: { 200: jsonResponse(PartySchema, "The party after the action"), ...errors(400, 401, 404, 409) },
    }),
    async (c) => {
      const { locationId, partyId } = c.req.valid("param");
      const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, locationId);
      const { stub, ref } = restaurant(c.env, loc);
      return c.json(restParty(unwrap(await stub.act(ref, partyId, action))), 200);
    },
  );
}

waitlistRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/waitlist/{partyId}/move",
    tags,
    summary: "Move a party to a position in line (1 = first)",
    security: bearer,
    request: { params: PartyParams, ...jsonBody(z.object({ position: z.number().int().min(1).max(10_000) }).strict()) },
    responses: { 200: jsonResponse(PartySchema, "The party at its new place"), ...errors(400, 401, 404, 409) },
  }),
  async (c) => {
    const { locationId, partyId } = c.req.valid("param");
    const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, locationId);
    const { stub, ref } = restaurant(c.env, loc);
    return c.json(restParty(unwrap(await stub.move(ref, partyId, c.req.valid("json").position))), 200);
  },
);

waitlistRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/waitlist-settings",
    tags,
    summary: "Waitlist settings: open/closed, maximum length, party sizes, quotes",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(SettingsSchema, "Settings"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, c.req.valid("param").locationId);
    const { stub, ref } = restaurant(c.env, loc);
    return c.json(await stub.getSettings(ref), 200);
  },
);

waitlistRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/waitlist-settings",
    tags,
    summary: "Change waitlist settings (admin or owner)",
    security: bearer,
    request: { params: LocationParams, ...jsonBody(SettingsPatch) },
    responses: { 200: jsonResponse(SettingsSchema, "Settings"), ...errors(400, 401, 403, 404, 413) },
  }),
  async (c) => {
    const auth = c.get("auth");
    // The location first, then the role: another account's location is 404 for every caller,
    // never 403 (DESIGN.md rule 3).
    const loc = await loadLocation(db(c.env.DB), auth.accountId, c.req.valid("param").locationId);
    if (!hasRole(auth.role, "admin")) throw forbidden("This needs the admin role or higher; you are a host.");
    const { stub, ref } = restaurant(c.env, loc);
    return c.json(await stub.updateSettings(ref, c.req.valid("json")), 200);
  },
);

// ---- history (D1) ---------------------------------------------------------------------------------

const HistoryQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: "Closed at or after (ISO 8601)." }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: "Closed before (ISO 8601)." }),
  state: z
    .string()
    .optional()
    .openapi({ description: "Comma-separated closed states: seated, cancelled, no_show, left." }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

waitlistRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/history",
    tags,
    summary: "Closed parties, newest first, with filters and cursor pagination",
    description: "Read from D1, which the location's DO updates within seconds of each change.",
    security: bearer,
    request: { params: LocationParams, query: HistoryQuery },
    responses: {
      200: jsonResponse(z.object({ parties: z.array(PartySchema), nextCursor: z.string().nullable() }).openapi("History"), "A page"),
      ...errors(400, 401, 404),
    },
  }),
  async (c) => {
    const auth = c.get("auth");
    const q = c.req.valid("query");
    const d = db(c.env.DB);
    const loc = await loadLocation(d, auth.accountId, c.req.valid("param").locationId);
    const states = q.state ? q.state.split(",").map((s) => s.trim()) : [...CLOSED_STATES];
    const unknown = states.filter((s) => !(CLOSED_STATES as readonly string[]).includes(s));
    if (unknown.length > 0) {
      throw validationFailed(`Unknown state: ${unknown.join(", ")}.`, [{ path: "state", message: `Use ${CLOSED_STATES.join(", ")}.` }]);
    }
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await d
      .select()
      .from(parties)
      .where(
        and(
          eq(parties.accountId, auth.accountId),
          eq(parties.locationId, loc.id),
          isNotNull(parties.closedAt),
          inArray(parties.state, states),
          q.from ? gte(parties.closedAt, Date.parse(q.from)) : undefined,
          q.to ? lt(parties.closedAt, Date.parse(q.to)) : undefined,
          cursor ? or(lt(parties.closedAt, cursor.at), and(eq(parties.closedAt, cursor.at), lt(parties.id, cursor.id))) : undefined,
        ),
      )
      .orderBy(desc(parties.closedAt), desc(parties.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return c.json(
      {
        parties: page.map((r) =>
          restParty({ ...r, source: r.source as RankedPartyView["source"], state: r.state as RankedPartyView["state"], position: null, ahead: null, estimateMinutes: null, onMyWayAt: null }),
        ),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.closedAt!, last.id) : null,
      },
      200,
    );
  },
);

// ---- live channel for host screens --------------------------------------------------------------

waitlistRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/live-ticket",
    tags: ["Live"],
    summary: "A one-use ticket (60 s) to open the host WebSocket",
    description:
      "Browsers cannot send Authorization on a WebSocket: get a ticket here, then connect to " +
      "`GET /api/locations/{locationId}/live?ticket=...` (optionally `&since=<version>` to resume).",
    security: bearer,
    request: { params: LocationParams },
    responses: {
      201: jsonResponse(z.object({ ticket: z.string(), expiresAt: z.string(), url: z.string() }).openapi("LiveTicket"), "Ticket"),
      ...errors(400, 401, 404),
    },
  }),
  async (c) => {
    const auth = c.get("auth");
    const loc = await loadLocation(db(c.env.DB), auth.accountId, c.req.valid("param").locationId);
    const { stub, ref } = restaurant(c.env, loc);
    const t = await stub.createTicket(ref, auth.userId);
    return c.json({ ticket: t.ticket, expiresAt: new Date(t.expiresAt).toISOString(), url: `/api/locations/${loc.id}/live?ticket=${t.ticket}` }, 201);
  },
);

waitlistRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/live",
    tags: ["Live"],
    summary: "Host WebSocket: a snapshot, then one event per change (see README for the protocol)",
    request: {
      params: LocationParams,
      query: z.object({ ticket: z.string().max(128), since: z.string().regex(/^\d{1,15}$/).optional() }),
    },
    responses: { 101: { description: "Switching protocols" }, ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    assertWebSocketUpgrade(c);
    assertAllowedOrigin(c);
    const { locationId } = c.req.valid("param");
    const { ticket, since } = c.req.valid("query");
    // No bearer here: the ticket, held only by the DO of this location, is the credential.
    const loc = await db(c.env.DB).query.locations.findFirst({ where: eq(locations.id, locationId) });
    if (!loc) throw notFound("Location");
    const { stub } = restaurant(c.env, loc);
    const url = new URL("https://restaurant/host");
    url.searchParams.set("ticket", ticket);
    if (since) url.searchParams.set("since", since);
    return stub.fetch(new Request(url, { headers: c.req.raw.headers }));
  },
);

