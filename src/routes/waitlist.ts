// The live waitlist for hosts and API clients: list, add, edit, act, move, settings, history, and
// the live channel for host screens. Every change goes through the location's DO (DESIGN.md rule 1).
import { GUEST_LANGUAGES } from "../../domain/languages";
import { BOARD_NAMES } from "../../domain/waitlist/board";
import { ACCENT_RE, MIN_ACCENT_CONTRAST, readableAccent } from "../../domain/contrast";
import { freeText } from "../lib/text";
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { ACTIONS, CLOSED_STATES, SIZE_BANDS, type ClosedState } from "../../domain/waitlist/model";
import { PartyRestSchema, restParty } from "../../domain/waitlist/party";
import { requireAuth, requireRole } from "../auth/middleware";
import { db } from "../db/client";
import { locations, parties } from "../db/schema";
import { isoOrNull } from "../lib/clock";
import { sha256Hex } from "../../lib/crypto";
import { afterCursor, decodeCursor, pageOf } from "../lib/cursor";
import { notFound, validationFailed } from "../lib/errors";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";
import { restaurantObject, unwrap } from "../restaurant/client";
import { locationDo } from "./location-scope";
import { assertAllowedOrigin, assertWebSocketUpgrade } from "./live-sockets";
import { seatBody } from "./floor";


// A party's REST shape is read off its declaration (domain/waitlist/party.ts).
export const PartySchema = PartyRestSchema.openapi("Party");
/** The add answer: the party, bare, with its guest link (a secret, shown only here). */
const PartyAddedSchema = PartyRestSchema.extend({
  guestUrl: z.string().openapi({ description: "The guest's status page; carries a secret, so it is shown only in this answer.", example: "https://seatline.example/w/3f2a…" }),
}).openapi("PartyAdded");

const BandMinutesSchema = (min: number, max: number) =>
  z.object(Object.fromEntries(SIZE_BANDS.map((b) => [b, z.number().int().min(min).max(max)])) as Record<(typeof SIZE_BANDS)[number], z.ZodNumber>);

export const SettingsSchema = z
  .object({
    open: z.boolean().openapi({ description: "Whether guests can check themselves in." }),
    maxLength: z.number().int().min(1).max(1000).nullable().openapi({ description: "Most parties in line for self check-in; null = no limit." }),
    maxPartySize: z.number().int().min(1).max(100),
    quotedWaitMinutes: BandMinutesSchema(0, 600).openapi({ description: "Fallback quote by party size band. A party added without `quotedWaitMinutes` is quoted its estimate at joining, which exists whenever the line does, so this applies only when no estimate can be made." }),
    intervalMinutes: BandMinutesSchema(1, 240).openapi({ description: "Fallback minutes between seatings per band." }),
    phoneCountryCode: z.string().regex(/^[1-9]\d{0,2}$/).openapi({ description: "Assumed for numbers typed without +.", example: "1" }),
    language: z.enum(GUEST_LANGUAGES).openapi({ description: "Guest pages open in this language (BCP 47) until the guest picks another.", example: "it" }),
    accentColor: z
      .string()
      .regex(ACCENT_RE, { message: "Use a colour as #rrggbb." })
      .refine(readableAccent, { message: `White text on this colour is hard to read: pick one with a contrast of at least ${MIN_ACCENT_CONTRAST}:1 against white (a darker shade).` })
      .nullable()
      .openapi({ description: "The guest pages' accent colour; white text on it must reach 4.5:1. null = Seatline's green.", example: "#8b1e3f" }),
    tags: z
      .array(z.string().trim().min(1).max(32))
      .max(20)
      .refine((list) => new Set(list.map((t) => t.toLowerCase())).size === list.length, { message: "Each tag once." })
      .openapi({ description: "The tags hosts pick from when adding or editing a party (the whole list; a PATCH replaces it).", example: ["High chair", "Patio"] }),
    holdMinutes: z.number().int().min(1).max(120).openapi({ description: "Minutes a notified party is held (from the notify, or from the guest's \"on my way\" after it) before host screens mark it late — and, with `autoNoShow`, before it becomes a no-show.", example: 10 }),
    autoNoShow: z.boolean().openapi({ description: "Mark a notified party a no-show by itself once its hold has run out (once per hold; `closedBy` is \"automatic\"; Restore undoes it). Off by default.", example: false }),
    boardEnabled: z.boolean().openapi({ description: "Whether the public display board (/board/{slug}) and its socket are on. Off by default: a board shows the line to anyone who knows the slug." }),
    boardNames: z.enum(BOARD_NAMES).openapi({ description: 'How the display board names parties: "name" (first name and initial, "Ana G."; a one-word name shows only its initial) or "number" (a three-digit number read off the party id).', example: "name" }),
  })
  .openapi("WaitlistSettings");

// Bands are strict too: a misspelt band ("1-3") is an error, not a change silently dropped.
const SettingsPatch = SettingsSchema.extend({
  quotedWaitMinutes: BandMinutesSchema(0, 600).partial().strict(),
  intervalMinutes: BandMinutesSchema(1, 240).partial().strict(),
})
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one setting to change." });

const tag = freeText({ max: 32, min: 1 });
const PartyFields = z.object({
  name: freeText({ max: 80, min: 1 }).openapi({ example: "Garcia" }),
  phone: z.string().trim().max(32).nullable().optional().openapi({ example: "+1 212 555 0100", description: "Stored in E.164." }),
  partySize: z.number().int().min(1).max(100).openapi({ example: 4 }),
  notes: freeText({ max: 500, multiline: true }).optional(),
  tags: z.array(tag).max(10).optional().openapi({ example: ["high chair", "patio"] }),
  quotedWaitMinutes: z.number().int().min(0).max(600).nullable().optional().openapi({ description: "Minutes; defaults to the party's estimate at joining (what the guest page and the joined text then say)." }),
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
    const stub = locationDo(c);
    const list = await stub.list();
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
      201: jsonResponse(PartyAddedSchema, "Added"),
      ...errors(400, 401, 404, 413, 422),
    },
  }),
  async (c) => {
    const auth = c.get("auth");
    const input = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const stub = locationDo(c);
    const idempotency = key ? { key: `${auth.userId}:${key}`, requestHash: await sha256Hex(JSON.stringify(input)) } : undefined;
    const added = unwrap(await stub.add({ ...input, source: "host" }, idempotency));
    return c.json({ ...restParty(added.party), guestUrl: `${c.env.APP_URL.replace(/\/+$/, "")}/w/${added.guestToken}` }, 201);
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
    const { partyId } = c.req.valid("param");
    const stub = locationDo(c);
    return c.json(restParty(unwrap(await stub.getParty(partyId))), 200);
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
    const { partyId } = c.req.valid("param");
    const stub = locationDo(c);
    return c.json(restParty(unwrap(await stub.update(partyId, c.req.valid("json")))), 200);
  },
);

const HOST_ACTIONS = ACTIONS.filter((a) => a !== "leave");
for (const action of HOST_ACTIONS) {
  const summaries: Record<string, string> = {
    notify: "Tell the party their table is ready (waiting/notified → notified)",
    seat: "Seat the party, at tables of the host's choice, at the suggestion, or without a table",
    cancel: "Cancel the party (by the host)",
    no_show: "Mark the party a no-show",
    restore: "Undo a close within 15 minutes: back to its place in line",
  };
  waitlistRoutes.openapi(
    createRoute({
      method: "post",
      path: `/{locationId}/waitlist/{partyId}/${action}`,
      tags,
      summary: summaries[action]!,
      description: "An action that does not fit the party's status answers 409 invalid_transition.",
      security: bearer,
      request: { params: PartyParams, ...(action === "seat" ? seatBody : {}) },
      responses: { 200: jsonResponse(PartySchema, "The party after the action"), ...errors(400, 401, 404, 409) },
    }),
    async (c) => {
      const { partyId } = c.req.valid("param");
      const stub = locationDo(c);
      const choice = action === "seat" ? ((c.req.valid("json" as never) as { tableIds?: string[]; suggest?: boolean } | undefined) ?? {}) : {};
      return c.json(restParty(unwrap(await stub.act(partyId, action, choice))), 200);
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
    const { partyId } = c.req.valid("param");
    const stub = locationDo(c);
    return c.json(restParty(unwrap(await stub.move(partyId, c.req.valid("json").position))), 200);
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
    const stub = locationDo(c);
    return c.json(await stub.getSettings(), 200);
  },
);

waitlistRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/waitlist-settings",
    tags,
    summary: "Change waitlist settings (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams, ...jsonBody(SettingsPatch) },
    responses: { 200: jsonResponse(SettingsSchema, "Settings"), ...errors(400, 401, 403, 404, 413) },
  }),
  async (c) => {
    // The location first, then the role: another account's location is 404 for every caller,
    // never 403 (DESIGN.md rule 3).
    const stub = locationDo(c);
    return c.json(await stub.updateSettings(c.req.valid("json")), 200);
  },
);

// ---- history (D1) ---------------------------------------------------------------------------------

const HistoryQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: "Closed at or after (ISO 8601)." }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: "Closed before (ISO 8601)." }),
  status: z
    .string()
    .optional()
    .openapi({ description: "Comma-separated closed statuses: seated, cancelled, no_show, left.", example: "seated,no_show" }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
  // An unknown parameter (the old `state` filter, say) is refused, not ignored: it would answer every outcome.
  .strict();

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
    const loc = c.get("location");
    const states = q.status ? q.status.split(",").map((s) => s.trim()) : [...CLOSED_STATES];
    const unknown = states.filter((s) => !(CLOSED_STATES as readonly string[]).includes(s));
    if (unknown.length > 0) {
      throw validationFailed(`Unknown status: ${unknown.join(", ")}.`, [{ path: "status", message: `Use ${CLOSED_STATES.join(", ")}.` }]);
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
          inArray(parties.status, states as ClosedState[]),
          q.from ? gte(parties.closedAt, Date.parse(q.from)) : undefined,
          q.to ? lt(parties.closedAt, Date.parse(q.to)) : undefined,
          afterCursor(parties.closedAt, parties.id, cursor),
        ),
      )
      .orderBy(desc(parties.closedAt), desc(parties.id))
      .limit(q.limit + 1);
    const page = pageOf(rows, q.limit, (r) => r.closedAt!);
    return c.json(
      {
        parties: page.rows.map((r) =>
          restParty({ ...r, position: null, partiesAhead: null, estimatedWaitMinutes: null, estimatedWaitRange: null }),
        ),
        nextCursor: page.nextCursor,
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
    const stub = locationDo(c);
    const t = await stub.createTicket(auth.userId, { sessionId: auth.sessionId, role: auth.role, sessionExpiresAt: auth.sessionExpiresAt });
    return c.json({ ticket: t.ticket, expiresAt: new Date(t.expiresAt).toISOString(), url: `/api/locations/${c.get("location").id}/live?ticket=${t.ticket}` }, 201);
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
    const stub = restaurantObject(c.env, loc.id);
    const url = new URL("https://restaurant/host");
    url.searchParams.set("ticket", ticket);
    if (since) url.searchParams.set("since", since);
    return stub.fetch(new Request(url, { headers: c.req.raw.headers }));
  },
);

