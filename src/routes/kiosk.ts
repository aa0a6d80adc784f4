// A location's kiosk token (issue 22), managed by admins and owners from the web app's settings:
// the secret in the kiosk link `/join/<slug>?kiosk=…` that a restaurant opens on its own tablet.
// Shown once when created, kept only as its hash by the location's DO (durable-objects/kiosk.ts);
// creating a new one replaces the old at once (rotation), revoking it stops the kiosk at once.
// People only: API keys are refused here (domain/api-scopes.ts), as for minting API keys.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireAuth, requireRole } from "../auth/middleware";
import { db } from "../db/client";
import type { AppEnv } from "../env";
import { audit } from "../lib/audit";
import { isoOrNull, now } from "../lib/clock";
import { clientIp } from "../lib/request";
import { restaurant } from "../restaurant/client";
import type { KioskTokenView } from "../../durable-objects/kiosk";
import { loadLocation } from "./location-scope";
import { KIOSK_CHECKINS_PER_HOUR } from "./public-guests";
import { bearer, errors, jsonResponse, router, uuidParam } from "./openapi";

const LocationParams = z.object({ locationId: uuidParam("locationId") });

const KioskTokenSchema = z
  .object({
    status: z.enum(["none", "active", "revoked"]).openapi({ description: '"none" until one is created; "revoked" after a revoke until a new one is created.' }),
    prefix: z.string().nullable().openapi({ description: "The token's first characters, to tell tokens apart.", example: "sl_kiosk_Xy3k" }),
    createdAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    token: z.string().nullable().openapi({ description: "The token itself: in the answer that creates it, null everywhere else (only its hash is kept)." }),
    kioskUrl: z.string().nullable().openapi({ description: "The kiosk link to open on the tablet (carries the token): in the answer that creates it only." }),
    checkInsPerHour: z.number().int().openapi({ description: "Check-ins the kiosk may make in an hour: its own limit, in place of the per-network one of self check-in." }),
  })
  .openapi("KioskToken");

function restView(v: KioskTokenView, secret: { token: string; kioskUrl: string } | null = null) {
  return {
    status: v.status,
    prefix: v.prefix,
    createdAt: isoOrNull(v.createdAt),
    revokedAt: isoOrNull(v.revokedAt),
    token: secret?.token ?? null,
    kioskUrl: secret?.kioskUrl ?? null,
    checkInsPerHour: KIOSK_CHECKINS_PER_HOUR,
  };
}

async function scoped(c: Context<AppEnv>) {
  const loc = await loadLocation(db(c.env.DB), c.get("auth").accountId, c.get("location").id);
  return { loc, stub: restaurant(c.env, loc) };
}

export const kioskRoutes = router();
kioskRoutes.use("/:locationId/kiosk-token", requireAuth);
const tags = ["Locations"];

kioskRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/kiosk-token",
    tags,
    summary: "The location's kiosk token: whether one is active, its prefix and when it was made (never the token)",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(KioskTokenSchema, "The kiosk token"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const { stub } = await scoped(c);
    return c.json(restView(await stub.getKioskToken()), 200);
  },
);

kioskRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/kiosk-token",
    tags,
    summary: "Create the location's kiosk token, replacing the current one at once (admin or owner)",
    description: "The answer carries the token and the kiosk link (`/join/{slug}?kiosk=…`) once; only the token's hash is kept. The previous token, if any, stops working.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams },
    responses: { 201: jsonResponse(KioskTokenSchema, "Created"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const { loc, stub } = await scoped(c);
    const auth = c.get("auth");
    const made = await stub.createKioskToken(auth.userId);
    await audit(db(c.env.DB), { accountId: auth.accountId, userId: auth.userId, action: "kiosk_token.created", targetType: "location", targetId: loc.id, ip: clientIp(c), at: now() });
    const base = c.env.APP_URL.replace(/\/+$/, "");
    return c.json(restView(made, { token: made.token, kioskUrl: `${base}/join/${loc.slug}?kiosk=${made.token}` }), 201);
  },
);

kioskRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/{locationId}/kiosk-token",
    tags,
    summary: "Revoke the location's kiosk token: the kiosk shows that its link no longer works (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(KioskTokenSchema, "Revoked"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const { loc, stub } = await scoped(c);
    const auth = c.get("auth");
    const before = await stub.getKioskToken();
    const after = await stub.revokeKioskToken();
    if (before.status === "active") {
      await audit(db(c.env.DB), { accountId: auth.accountId, userId: auth.userId, action: "kiosk_token.revoked", targetType: "location", targetId: loc.id, ip: clientIp(c), at: now() });
    }
    return c.json(restView(after), 200);
  },
);
