// A location's logo for its guest pages (issue 21, "Branding"): uploaded by an admin as the raw
// image (PNG, JPEG or WebP, checked from its bytes, within size and pixel limits; SVG refused), kept
// in R2 (BRANDING) under a content-addressed key, and served from our own origin at /logos/… with
// its own type, nosniff and a year's immutable caching (a new logo is a new URL).
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { LOGO_EXTENSIONS, LOGO_TYPES, logoProblem, MAX_LOGO_BYTES, sniffImage, type LogoType } from "../../domain/images";
import { requireRole } from "../auth/middleware";
import { db } from "../db/client";
import { locations } from "../db/schema";
import type { AppEnv } from "../env";
import { now } from "../lib/clock";
import { sha256Hex } from "../../lib/crypto";
import { ApiError, notFound } from "../lib/errors";
import { loadLocation } from "./location-scope";
import { bearer, errors, jsonResponse, router, uuidParam } from "./openapi";

export { MAX_LOGO_BYTES };

/** /logos/<location id>/<sha-256>.<ext>: the public URL of a stored logo key ("logos/…"). */
export const logoUrl = (key: string | null | undefined) => (key ? `/${key}` : null);

const LocationParams = z.object({ locationId: uuidParam("locationId") });
const LogoSchema = z.object({ logoUrl: z.string().nullable().openapi({ description: "The logo's URL on this origin, or null.", example: "/logos/6c1f…/9b2e….png" }) }).openapi("Logo");

export const logoRoutes = router();

logoRoutes.openapi(
  createRoute({
    method: "put",
    path: "/{locationId}/logo",
    tags: ["Locations"],
    summary: "Upload the guest pages' logo (admin or owner)",
    description: `The image itself as the body, with its Content-Type: image/png, image/jpeg or image/webp (SVG is refused), at most ${MAX_LOGO_BYTES / 1024} KiB and 16–2048 pixels on each side; the bytes must be the type declared (415 otherwise). Replaces the previous logo.`,
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: {
      params: LocationParams,
      body: { content: Object.fromEntries(LOGO_TYPES.map((t) => [t, { schema: z.string().openapi({ format: "binary" }) }])), required: true },
    },
    responses: { 200: jsonResponse(LogoSchema, "Stored"), ...errors(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, c.get("location").id);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const problem = logoProblem(c.req.header("Content-Type"), bytes);
    if (problem) throw new ApiError(problem.status, problem.code, problem.message);
    const type = sniffImage(bytes)!.type;
    const key = `logos/${loc.id}/${await sha256Hex(bytes)}.${LOGO_EXTENSIONS[type]}`;
    await c.env.BRANDING.put(key, bytes, { httpMetadata: { contentType: type } });
    await db(c.env.DB).update(locations).set({ logoKey: key, updatedAt: now() }).where(eq(locations.id, loc.id));
    // The previous logo's URL is no longer handed out; its object goes.
    if (loc.logoKey && loc.logoKey !== key) await c.env.BRANDING.delete(loc.logoKey);
    return c.json({ logoUrl: logoUrl(key) }, 200);
  },
);

logoRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/{locationId}/logo",
    tags: ["Locations"],
    summary: "Remove the guest pages' logo (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(LogoSchema, "Removed"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, c.get("location").id);
    await db(c.env.DB).update(locations).set({ logoKey: null, updatedAt: now() }).where(eq(locations.id, loc.id));
    if (loc.logoKey) await c.env.BRANDING.delete(loc.logoKey);
    return c.json({ logoUrl: null }, 200);
  },
);

const FILE = /^([0-9a-f-]{36})\/([0-9a-f]{64})\.(png|jpg|webp)$/;
const TYPE_OF: Record<string, LogoType> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" };

/** GET /logos/<location id>/<sha-256>.<ext>: public, from our origin. */
export const logoFileRoutes = new Hono<AppEnv>();

logoFileRoutes.get("/:locationId/:file", async (c) => {
  const m = FILE.exec(`${c.req.param("locationId")}/${c.req.param("file")}`);
  if (!m) throw notFound("Logo");
  const object = await c.env.BRANDING.get(`logos/${m[1]}/${m[2]}.${m[3]}`);
  if (!object) throw notFound("Logo");
  const headers = {
    // The type of the bytes as they were checked at upload (the key's extension says the same).
    "Content-Type": TYPE_OF[m[3]!]!,
    "X-Content-Type-Options": "nosniff",
    // Content-addressed: the URL changes with the logo, so it can be cached for good.
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: `"${m[2]}"`,
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (c.req.header("If-None-Match") === `"${m[2]}"`) return c.body(null, 304, headers);
  return c.body(object.body, 200, headers);
});
