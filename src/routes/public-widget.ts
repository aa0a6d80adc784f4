// The embeddable widget (issue 22), public: its data, the frame page (the iframe alternative) and the
// script itself. A location lists the sites that may show it (widget-settings.ts); only a request
// from one of them gets the data with CORS headers, only they may frame the page (CSP
// frame-ancestors lists exactly them), and with the widget off or no site listed, both are refused.
// What it carries is what the public location answer already shows: open or closed, the wait by
// party size, the links to join and book; never a party.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { GUEST_LANGUAGES } from "../../domain/languages";
import { ACCENT_RE } from "../../domain/contrast";
import { frameAncestors, originAllowed, widgetLive, type WidgetSettings } from "../../domain/widget/settings";
import { WIDGET_TEXT } from "../../domain/widget/text";
import { sha256Hex } from "../../lib/crypto";
import { entitlementsFor } from "../billing/entitlements";
import type { AppEnv } from "../env";
import { ApiError, errorBody } from "../lib/errors";
import { restaurant } from "../restaurant/client";
import { errors, jsonResponse, router } from "./openapi";
import { locationBySlug, SlugParams } from "./public-guests";

export const publicWidgetRoutes = router();
const tags = ["Embeddable widget"];

export const WIDGET_DATA_PATH = /^\/api\/public\/locations\/[^/]+\/widget$/;

export const WidgetDataSchema = z
  .object({
    location: z.object({
      name: z.string(),
      slug: z.string(),
      language: z.enum(GUEST_LANGUAGES).openapi({ description: "The language the widget speaks (the location's guest language)." }),
      accentColor: z.string().nullable().openapi({ description: "The location's accent colour (a snippet's own accent wins), or null." }),
    }),
    open: z.boolean().openapi({ description: "Whether the waitlist takes self check-ins now." }),
    full: z.boolean().openapi({ description: "Whether the line is at the location's most parties." }),
    estimates: z
      .array(z.object({ partySize: z.number().int(), estimatedWaitMinutes: z.number().int() }))
      .openapi({ description: "The wait a party joining now can expect, for each party size from 1 to the location's largest." }),
    joinUrl: z.string().nullable().openapi({ description: "The self check-in page, or null when the plan has no self check-in." }),
    bookUrl: z.string().nullable().openapi({ description: "The booking page, or null when the location takes no online bookings." }),
  })
  .openapi("WidgetData");

/** The sites' decision for one request: refused unless the widget is live and the Origin is listed (or ours). */
function assertWidgetOrigin(c: Context<AppEnv>, settings: WidgetSettings): string | null {
  if (!widgetLive(settings)) throw new ApiError(403, "forbidden", "This location's website widget is switched off.");
  const origin = c.req.header("Origin");
  // No Origin: the frame page's own same-origin fetch, or a client that is not a browser (the data is public).
  if (!origin || origin === new URL(c.env.APP_URL).origin || origin === new URL(c.req.url).origin) return null;
  if (!originAllowed(settings, origin)) {
    throw new ApiError(403, "forbidden", "This site is not on the location's list of sites allowed to show its widget.", [], { Vary: "Origin", "Cache-Control": "no-store" });
  }
  return origin;
}

publicWidgetRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{slug}/widget",
    tags,
    summary: "What a location's website widget shows: open or closed, the wait by party size, the links to join and book",
    description:
      "For the widget script on the location's own site: answered with `Access-Control-Allow-Origin` only to an `Origin` on the location's list " +
      "(widget settings); any other site gets 403 and no CORS headers, and so does everyone while the widget is off or lists no site. " +
      "No cookies are read or set. The answer has an `ETag` and `Cache-Control: no-cache`: a poll with `If-None-Match` gets 304 while nothing changed.",
    request: { params: SlugParams },
    responses: { 200: jsonResponse(WidgetDataSchema, "The widget's data"), 304: { description: "Not modified (the ETag still matches)" }, ...errors(403, 404) },
  }),
  async (c) => {
    const loc = await locationBySlug(c, c.req.valid("param").slug);
    const stub = restaurant(c.env, loc);
    const view = await stub.getWidgetView();
    const origin = assertWidgetOrigin(c, view.widget);
    const { plan } = await entitlementsFor(c.env, loc.accountId);
    const base = c.env.APP_URL.replace(/\/+$/, "");
    const body = {
      location: { name: loc.name, slug: loc.slug, language: view.language, accentColor: view.accentColor ?? null },
      open: view.info.open,
      full: view.info.full,
      estimates: view.info.estimates.map((e) => ({ partySize: e.size, estimatedWaitMinutes: e.estimateMinutes })),
      joinUrl: plan.features.selfCheckIn ? `${base}/join/${loc.slug}` : null,
      bookUrl: plan.features.bookings && view.onlineBooking ? `${base}/book/${loc.slug}` : null,
    };
    const json = JSON.stringify(body);
    const etag = `"${(await sha256Hex(json)).slice(0, 32)}"`;
    const headers: Record<string, string> = { ETag: etag, "Cache-Control": "no-cache", Vary: "Origin" };
    if (origin) headers["Access-Control-Allow-Origin"] = origin;
    const match = c.req.header("If-None-Match");
    if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return c.body(null, 304, headers);
    return c.json(body, 200, headers);
  },
);

// ---- the frame page and the script (not under /api: pages and a static file) ----------------------

const FrameQuery = z
  .object({
    theme: z.enum(["light", "dark", "auto"]).optional(),
    accent: z.string().regex(ACCENT_RE, { message: "Use a colour as #rrggbb (write # as %23 in the address)." }).optional(),
    partySize: z.coerce.number().int().min(1).max(100).optional(),
    partyPicker: z.enum(["on", "off"]).optional(),
  })
  .strict();

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The frame's policy: our script, styles and data only, and only the location's sites may frame it. */
export function frameCsp(settings: WidgetSettings): string {
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
    `base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors(settings)}`
  );
}

export const widgetPageRoutes = router();

widgetPageRoutes.get("/widget/:slug", async (c) => {
  const query = FrameQuery.safeParse(c.req.query());
  if (!query.success) {
    const details = query.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(query)", message: i.message, code: i.code }));
    throw new ApiError(400, "validation_failed", "The widget's address is not valid.", details);
  }
  const loc = await locationBySlug(c, c.req.param("slug"));
  const view = await restaurant(c.env, loc).getWidgetView();
  const headers = { "Content-Security-Policy": frameCsp(view.widget), "Cache-Control": "no-cache", "Referrer-Policy": "no-referrer" };
  const text = WIDGET_TEXT[view.language] ?? WIDGET_TEXT.en;
  const title = escapeHtml(text.region.replace("{name}", loc.name));
  if (!widgetLive(view.widget)) {
    return c.html(`<!doctype html><html lang="${view.language}"><head><meta charset="utf-8"><title>${title}</title></head><body><main><p>${escapeHtml(text.unavailable)}</p></main></body></html>`, 403, headers);
  }
  // Every value below is checked above (slug as stored, enums, #rrggbb, an integer).
  const q = query.data;
  const attrs = [
    `data-location="${escapeHtml(loc.slug)}"`,
    "data-frame",
    q.theme ? `data-theme="${q.theme}"` : "",
    q.accent ? `data-accent="${q.accent}"` : "",
    q.partySize ? `data-party-size="${q.partySize}"` : "",
    q.partyPicker ? `data-party-picker="${q.partyPicker}"` : "",
  ].filter(Boolean);
  return c.html(
    `<!doctype html><html lang="${view.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="robots" content="noindex"><title>${title}</title></head><body><script src="/widget.js" ${attrs.join(" ")}></script></body></html>`,
    200,
    headers,
  );
});

// The script under a stable name (the snippet on restaurants' sites names it): cached for a few
// minutes, not for a year, so a deploy reaches every site soon. Any site may load it (CORP
// cross-origin); it does nothing without a listed site's data.
widgetPageRoutes.get("/widget.js", async (c) => {
  const res = await c.env.ASSETS.fetch(new Request(new URL("/widget.js", c.req.url), { method: c.req.method }));
  if (!res.ok) return c.json(errorBody("not_found", "The widget is not built. Run npm run build:web."), 404);
  const out = new Response(res.body, res);
  out.headers.set("Content-Type", "text/javascript; charset=utf-8");
  out.headers.set("Cache-Control", "public, max-age=300");
  out.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  return out;
});
