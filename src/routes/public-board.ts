// The display board (issue 22): a TV by the door opens /board/<slug>, reads what the page needs here
// and follows the board socket. Both are public and carry only the board view and the place's name
// and branding; when the location has the board switched off, the page says so and the socket is
// refused (403 board_off).
import { createRoute, z } from "@hono/zod-openapi";
import { BOARD_NAMES } from "../../domain/waitlist/board";
import { restaurant, restaurantObject } from "../restaurant/client";
import { assertAllowedOrigin, assertWebSocketUpgrade } from "./live-sockets";
import { errors, jsonResponse, router } from "./openapi";
import { guestLocale, GuestLocaleSchema } from "./public-place";
import { enforceClientLimit } from "../auth/throttle";
import { db } from "../db/client";
import { clientIdentity } from "../lib/client-identity";
import { MINUTE, now } from "../lib/clock";
import { locationBySlug, SlugParams } from "./public-guests";

/**
 * Board sockets opened per network in 10 minutes. A TV redials with backoff (1 s doubling to 30 s), so
 * even a few TVs through a long outage stay well under it; a script opening sockets in a loop does not.
 */
export const BOARD_SOCKETS_PER_WINDOW = 60;
export const BOARD_SOCKET_WINDOW_MS = 10 * MINUTE;

export const publicBoardRoutes = router();
const tags = ["Guests (public)"];

const BoardPageSchema = GuestLocaleSchema.extend({
  name: z.string(),
  slug: z.string(),
  enabled: z.boolean().openapi({ description: "Whether the location has its display board switched on (the socket is refused when not)." }),
  names: z.enum(BOARD_NAMES).openapi({ description: "How the board names parties." }),
  joinUrl: z.string().openapi({ description: "The self check-in page the board's QR code leads to." }),
}).openapi("BoardPage");

publicBoardRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{slug}/board",
    tags,
    summary: "What a location's display board page shows besides the line: name, branding, the join link, on or off",
    request: { params: SlugParams },
    responses: { 200: jsonResponse(BoardPageSchema, "The board page"), ...errors(404) },
  }),
  async (c) => {
    const loc = await locationBySlug(c, c.req.valid("param").slug);
    const settings = await restaurant(c.env, loc).getSettings();
    const base = c.env.APP_URL.replace(/\/+$/, "");
    return c.json(
      { name: loc.name, slug: loc.slug, enabled: settings.boardEnabled, names: settings.boardNames, joinUrl: `${base}/join/${loc.slug}`, ...guestLocale(loc, settings) },
      200,
    );
  },
);

publicBoardRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{slug}/board/live",
    tags,
    summary: "Display board WebSocket: the whole board now and on resume, then again each time it reads differently",
    description:
      'Frames are `{"type":"board","version","open","called","next","waits"}`: parties as a masked label and a size only, never a phone, note, tag or full name. ' +
      'Send `{"type":"resume","version":N}` after a reconnect to get the board again. Closes with 4410 when the board is switched off. ' +
      `Rate limited per client network: ${BOARD_SOCKETS_PER_WINDOW} sockets in ${BOARD_SOCKET_WINDOW_MS / MINUTE} minutes (429 with Retry-After).`,
    request: { params: SlugParams },
    responses: { 101: { description: "Switching protocols" }, ...errors(403, 404, 429) },
  }),
  async (c) => {
    assertWebSocketUpgrade(c);
    assertAllowedOrigin(c);
    await enforceClientLimit(db(c.env.DB), "board-socket", clientIdentity(c), now(), BOARD_SOCKETS_PER_WINDOW, BOARD_SOCKET_WINDOW_MS, "Too many display board connections from this network. Try again later.");
    const loc = await locationBySlug(c, c.req.valid("param").slug);
    // Bind the location first, so an object that has not served it yet knows it.
    await restaurant(c.env, loc).getSettings();
    return restaurantObject(c.env, loc.id).fetch(new Request("https://restaurant/board", { headers: c.req.raw.headers }));
  },
);
