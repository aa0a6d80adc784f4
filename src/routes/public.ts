// Guests, with no account: a location's public page (open or closed, estimates), self check-in,
// and a party's own status by its link token — never anyone else's.
import { GUEST_LANGUAGES } from "../../domain/languages";
import { freeText } from "../lib/text";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { locationIdFromLinkToken } from "../../domain/links";
import { PARTY_STATES } from "../../domain/waitlist/model";
import type { GuestStatusAnswer } from "../../domain/waitlist/protocol";
import { enforceClientLimit, enforceRateLimit } from "../auth/throttle";
import { db } from "../db/client";
import type { AppEnv } from "../env";
import { HOUR, isoOrNull, now } from "../lib/clock";
import { ApiError } from "../lib/errors";
import { errors, jsonBody, jsonResponse, router } from "./openapi";
import { clientIp } from "../lib/request";
import { clientIdentity } from "../lib/client-identity";
import { guestIntake, KIOSK_CHECKINS_PER_HOUR, locationBySlug, locationByToken, SlugParams, TokenParams } from "./public-guests";
import { restaurant, unwrap } from "../restaurant/client";
import { assertAllowedOrigin, assertWebSocketUpgrade } from "./live-sockets";
import { GuestLocaleSchema, guestLocale, guestPlace, GuestPlaceSchema } from "./public-place";

export const GuestStatusSchema = z
  .object({
    restaurant: z.string(),
    partyName: z.string(),
    size: z.number().int(),
    state: z.enum(PARTY_STATES),
    position: z.number().int().nullable(),
    ahead: z.number().int().nullable(),
    estimateMinutes: z.number().int().nullable(),
    estimateRange: z
      .object({ lowMinutes: z.number().int(), highMinutes: z.number().int() })
      .optional()
      .openapi({ description: "Where the wait will most likely fall (about 8 in 10 parties); present when the estimate comes from the floor (the location's tables and who sits at them)." }),
    quotedWait: z.number().int(),
    onMyWayAt: z.string().nullable().openapi({ description: "When the guest said they are on their way (the page's button or an SMS reply of 1)." }),
    boardLabel: z
      .string()
      .nullable()
      .openapi({ description: 'How the location\'s display board shows this party ("Ana G." or "#417", as its `boardNames` setting says) while the board is on; null when it is off.', example: "Ana G." }),
  })
  .openapi("GuestStatus");

/** The status page's answer: the status, and the place's locale, slug (to join again) and "almost up" position. */
const GuestStatusPageSchema = GuestStatusSchema.extend({
  location: GuestLocaleSchema.extend({ name: z.string(), slug: z.string() }),
  almostUpPosition: z.number().int().openapi({ description: "From this position on, the page offers \"on my way\" (as the \"almost up\" text does)." }),
}).openapi("GuestStatusPage");

/** The DO's guest answer with REST's ISO time. */
function guestView(s: GuestStatusAnswer) {
  return { ...s, onMyWayAt: isoOrNull(s.onMyWayAt) };
}


/**
 * Guest sockets connect in storms (a whole line opening their links at once) and need only the DO,
 * which alone judges the token. The D1 lookup is there so a made-up location id never creates an
 * object; a location known to exist is remembered for a minute in this isolate. A location deleted
 * meanwhile is harmless: its DO was emptied, so every token answers 404 there.
 */
const knownLocations = new Map<string, number>();
const KNOWN_LOCATION_TTL_MS = 60_000;
const KNOWN_LOCATIONS_MAX = 5_000;

async function guestSocketStub(c: Context<AppEnv>, token: string) {
  const id = locationIdFromLinkToken(token);
  if (!id) throw new ApiError(404, "not_found", "This link is not valid.");
  const at = Date.now();
  const seen = knownLocations.get(id);
  if (seen === undefined || at - seen > KNOWN_LOCATION_TTL_MS) {
    await locationByToken(c, token);
    if (knownLocations.size >= KNOWN_LOCATIONS_MAX) knownLocations.clear();
    knownLocations.set(id, at);
  }
  return c.env.RESTAURANT.get(c.env.RESTAURANT.idFromName(id));
}

export const publicRoutes = router();
const tags = ["Guests (public)"];

publicRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{slug}",
    tags,
    summary: "A location's public waitlist: open or closed, and the current wait by party size",
    request: { params: SlugParams },
    responses: {
      200: jsonResponse(
        z
          .object({
            name: z.string(),
            slug: z.string(),
            open: z.boolean(),
            full: z.boolean(),
            maxPartySize: z.number().int(),
            inLine: z.number().int(),
            estimates: z.array(z.object({ size: z.number().int(), estimateMinutes: z.number().int() })),
          })
          .merge(GuestPlaceSchema)
          .openapi("PublicLocation"),
        "The location",
      ),
      ...errors(404),
    },
  }),
  async (c) => {
    const loc = await locationBySlug(c, c.req.valid("param").slug);
    const stub = restaurant(c.env, loc);
    const [info, place] = await Promise.all([stub.publicInfo(), guestPlace(c.env, loc)]);
    return c.json({ name: loc.name, slug: loc.slug, ...info, ...place }, 200);
  },
);

publicRoutes.openapi(
  createRoute({
    method: "post",
    path: "/locations/{slug}/waitlist",
    tags,
    summary: "Self check-in: join the line (when it is open) and get a status link",
    description: "Rate limited per client IP (or per kiosk token, for a kiosk) and per phone number. SMS consent is recorded as given.",
    request: {
      params: SlugParams,
      ...jsonBody(
        z
          .object({
            name: freeText({ max: 80, min: 1 }),
            phone: z.string().trim().min(1).max(32).openapi({ example: "+1 212 555 0100" }),
            size: z.number().int().min(1).max(100),
            smsConsent: z.boolean().openapi({ description: "The guest agrees to texts about their place in line." }),
            notes: freeText({ max: 500, multiline: true }).optional(),
            language: z.enum(GUEST_LANGUAGES).optional().openapi({ description: "The page's language: this guest's texts are in it (default: the location's)." }),
            kioskToken: z
              .string()
              .max(128)
              .optional()
              .openapi({ description: `From the kiosk link (\`/join/{slug}?kiosk=…\`, the restaurant's own tablet): the check-in counts against that kiosk's limit (${KIOSK_CHECKINS_PER_HOUR} an hour) instead of the network's. A token that is not this location's current one answers 404 and adds no one.` }),
          })
          .strict(),
      ),
    },
    responses: {
      201: jsonResponse(z.object({ token: z.string(), statusUrl: z.string(), status: GuestStatusSchema }), "In line"),
      ...errors(400, 402, 404, 409, 413, 429),
    },
  }),
  async (c) => {
    const { kioskToken, ...input } = c.req.valid("json");
    const loc = await locationBySlug(c, c.req.valid("param").slug);
    const { stub, phone } = await guestIntake(c, loc, input.phone, {
      kioskToken,
      feature: "selfCheckIn",
      kind: "checkin",
      perIpPerHour: 10,
      perPhonePerHour: 3,
      ipMessage: "Too many check-ins from this network. Ask the host.",
      phoneMessage: "This phone number has checked in too often. Ask the host.",
    });
    const added = unwrap(await stub.add({ ...input, phone, source: "self_check_in" }));
    const status = unwrap(await stub.guestStatus(added.guestToken));
    const base = c.env.APP_URL.replace(/\/+$/, "");
    return c.json({ token: added.guestToken, statusUrl: `${base}/w/${added.guestToken}`, status: guestView(status) }, 201);
  },
);

publicRoutes.openapi(
  createRoute({
    method: "get",
    path: "/parties/{token}",
    tags,
    summary: "A guest's own status: position, parties ahead, estimated and quoted wait",
    description: "The link stops working a day after the party closes.",
    request: { params: TokenParams },
    responses: { 200: jsonResponse(GuestStatusPageSchema, "Status"), ...errors(404, 410) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const loc = await locationByToken(c, token);
    const stub = restaurant(c.env, loc);
    const status = unwrap(await stub.guestStatus(token));
    const [settings, sms] = await Promise.all([stub.getSettings(), stub.getSmsSettings()]);
    return c.json(
      { ...guestView(status), location: { name: loc.name, slug: loc.slug, ...guestLocale(loc, settings) }, almostUpPosition: sms.almostUpPosition },
      200,
    );
  },
);

publicRoutes.openapi(
  createRoute({
    method: "post",
    path: "/parties/{token}/on-my-way",
    tags,
    summary: "The guest says they are on their way (as an SMS reply of 1 does); host screens see it at once",
    description:
      "Only once the party is almost up (at or above the location's `almostUpPosition`, the position that sends the \"almost up\" text; 3 unless set) or notified, the rule the status page offers the button by; else 409 invalid_transition and nothing changes. Repeating it keeps the first time.",
    request: { params: TokenParams },
    responses: { 200: jsonResponse(GuestStatusSchema, "Status"), ...errors(404, 409, 410, 429) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const at = now();
    await enforceClientLimit(db(c.env.DB), "on-my-way", clientIdentity(c), at, 60, HOUR, "Too many requests from this network. Ask the host.");
    const loc = await locationByToken(c, token);
    const stub = restaurant(c.env, loc);
    return c.json(guestView(unwrap(await stub.guestOnMyWay(token))), 200);
  },
);

publicRoutes.openapi(
  createRoute({
    method: "post",
    path: "/parties/{token}/cancel",
    tags,
    summary: "The guest leaves the line",
    request: { params: TokenParams },
    responses: { 200: jsonResponse(GuestStatusSchema.omit({ restaurant: true, partyName: true, size: true, onMyWayAt: true, boardLabel: true }), "Left"), ...errors(404, 409, 410) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const loc = await locationByToken(c, token);
    const stub = restaurant(c.env, loc);
    return c.json(unwrap(await stub.guestLeave(token)), 200);
  },
);

publicRoutes.openapi(
  createRoute({
    method: "get",
    path: "/parties/{token}/live",
    tags,
    summary: "Guest WebSocket: a status now, then one each time this party's own position, state or estimate changes",
    request: { params: TokenParams },
    responses: { 101: { description: "Switching protocols" }, ...errors(403, 404, 410) },
  }),
  async (c) => {
    assertWebSocketUpgrade(c);
    assertAllowedOrigin(c);
    const { token } = c.req.valid("param");
    const stub = await guestSocketStub(c, token);
    const url = new URL("https://restaurant/guest");
    url.searchParams.set("token", token);
    return stub.fetch(new Request(url, { headers: c.req.raw.headers }));
  },
);
