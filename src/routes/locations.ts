// Locations of an account: hosts read, admins and owners write.
import { freeText } from "../lib/text";
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { requireAuth, requireRole } from "../auth/middleware";
import { requireLocationSlot } from "../billing/entitlements";
import { db } from "../db/client";
import { locations } from "../db/schema";
import { audit } from "../lib/audit";
import { now } from "../lib/clock";
import { newId } from "../../lib/crypto";
import { conflict, validationFailed } from "../lib/errors";
import { bearer, errors, jsonBody, jsonResponse, router, text, uuidParam } from "./openapi";
import { clientIp } from "../lib/request";
import { isValidSlug, slugify, slugWithSuffix } from "../lib/slug";
import { canonicalTimeZone, isValidTimeZone } from "../../domain/timezone";
import { locationRef, restaurantObject } from "../restaurant/client";
import { logoUrl } from "./logos";

export const LocationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    logoUrl: z.string().nullable().openapi({ description: "The guest pages' logo on this origin (PUT /api/locations/{id}/logo), or null." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Location");

const timezone = z
  .string()
  .trim()
  .max(64)
  .refine(isValidTimeZone, { message: "Use an IANA time zone such as Europe/London or America/New_York." })
  .transform(canonicalTimeZone)
  .openapi({ example: "Europe/London" });
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isValidSlug, { message: "Use 2-63 lower-case letters, digits and single dashes (not a reserved word)." })
  .openapi({ example: "luigis-soho" });
// Stored in E.164; spaces, dashes, dots and brackets are accepted on input.
const phone = z
  .string()
  .trim()
  .max(32)
  .transform((s) => s.replace(/[\s().-]/g, ""))
  .refine((s) => /^\+[1-9]\d{6,14}$/.test(s), { message: "Use international format, e.g. +44 20 7946 0000." })
  .openapi({ example: "+442079460000" });
const address = freeText({ max: 500, multiline: true });

const LocationInput = z.object({
  name: text(120).openapi({ example: "Luigi's Soho" }),
  timezone,
  slug: slug.optional(),
  phone: phone.nullable().optional(),
  address: address.nullable().optional(),
});
const LocationPatch = LocationInput.partial().refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change." });

const Params = z.object({ locationId: uuidParam("locationId") });

type LocationRow = typeof locations.$inferSelect;
export function locationView(l: LocationRow) {
  return {
    id: l.id,
    name: l.name,
    slug: l.slug,
    timezone: l.timezone,
    phone: l.phone,
    address: l.address,
    logoUrl: logoUrl(l.logoKey),
    createdAt: new Date(l.createdAt).toISOString(),
    updatedAt: new Date(l.updatedAt).toISOString(),
  };
}

function isUniqueViolation(err: unknown) {
  return String(err).includes("UNIQUE constraint failed") || String((err as Error)?.cause ?? "").includes("UNIQUE constraint failed");
}

export const locationRoutes = router();
// Per path, not "*": the waitlist routes share the /api/locations prefix and the host WebSocket
// under it authenticates with a ticket instead of a bearer token.
locationRoutes.use("/", requireAuth);
locationRoutes.use("/:locationId", requireAuth);

locationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Locations"],
    summary: "List the account's locations",
    security: bearer,
    responses: { 200: jsonResponse(z.object({ locations: z.array(LocationSchema) }), "Locations"), ...errors(401) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const rows = await db(c.env.DB).query.locations.findMany({
      where: eq(locations.accountId, auth.accountId),
      orderBy: [asc(locations.createdAt), asc(locations.name)],
    });
    // A key limited to some locations sees only those.
    const allowed = auth.apiKey?.locationIds;
    return c.json({ locations: (allowed ? rows.filter((l) => allowed.includes(l.id)) : rows).map(locationView) }, 200);
  },
);

locationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["Locations"],
    summary: "Create a location (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: jsonBody(LocationInput),
    responses: { 201: jsonResponse(LocationSchema, "Created"), ...errors(400, 401, 402, 403, 409, 413) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const auth = c.get("auth");
    const d = db(c.env.DB);
    await requireLocationSlot(c.env, auth.accountId);
    const at = now();
    let chosen = input.slug ?? slugify(input.name);
    if (!input.slug && (await d.query.locations.findFirst({ where: eq(locations.slug, chosen) }))) chosen = slugWithSuffix(chosen);
    const row = {
      id: newId(),
      accountId: auth.accountId,
      name: input.name,
      slug: chosen,
      timezone: input.timezone,
      phone: input.phone ?? null,
      address: input.address ?? null,
      logoKey: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await d.insert(locations).values(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // A slug we generated lost a race for the name between the check above and the insert: the
      // caller never chose it, so pick another rather than report a conflict they cannot act on.
      if (input.slug) throw conflict(`The address /${chosen} is taken; choose another slug.`, [{ path: "slug", message: "Taken." }]);
      row.slug = slugWithSuffix(slugify(input.name));
      try {
        await d.insert(locations).values(row);
      } catch (retryErr) {
        if (isUniqueViolation(retryErr)) throw conflict("Could not find a free address for this name; send a slug.", [{ path: "slug", message: "Taken." }]);
        throw retryErr;
      }
    }
    await audit(d, { accountId: auth.accountId, userId: auth.userId, action: "location.created", targetType: "location", targetId: row.id, ip: clientIp(c), at });
    return c.json(locationView(row), 201);
  },
);

locationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}",
    tags: ["Locations"],
    summary: "Get a location",
    security: bearer,
    request: { params: Params },
    responses: { 200: jsonResponse(LocationSchema, "The location"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const row = c.get("locationRow");
    return c.json(locationView(row), 200);
  },
);

locationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}",
    tags: ["Locations"],
    summary: "Change a location (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: Params, ...jsonBody(LocationPatch) },
    responses: { 200: jsonResponse(LocationSchema, "Updated"), ...errors(400, 401, 403, 404, 409, 413) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const patch = c.req.valid("json");
    const d = db(c.env.DB);
    const current = c.get("locationRow");
    const at = now();
    const next = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      updatedAt: at,
    } as LocationRow;
    if (!next.name) throw validationFailed("The name cannot be empty.");
    try {
      await d
        .update(locations)
        .set({ name: next.name, slug: next.slug, timezone: next.timezone, phone: next.phone, address: next.address, updatedAt: at })
        .where(and(eq(locations.id, current.id), eq(locations.accountId, auth.accountId)));
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`The address /${next.slug} is taken; choose another slug.`, [{ path: "slug", message: "Taken." }]);
      throw err;
    }
    // The DO answers requests under the location from the reference it holds: give it the new one.
    await restaurantObject(c.env, current.id).bind(locationRef(next));
    await audit(d, {
      accountId: auth.accountId,
      userId: auth.userId,
      action: "location.updated",
      targetType: "location",
      targetId: current.id,
      ip: clientIp(c),
      detail: { fields: Object.keys(patch) },
      at,
    });
    return c.json(locationView(next), 200);
  },
);

locationRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/{locationId}",
    tags: ["Locations"],
    summary: "Delete a location (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: Params },
    responses: { 204: { description: "Deleted" }, ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const current = c.get("locationRow");
    const at = now();
    // The live state goes first: the DO drops its parties, sockets, alarm and the account it
    // answered for, so no request it would still accept outlives the row (location-scope.ts).
    await restaurantObject(c.env, current.id).destroy();
    await d.delete(locations).where(and(eq(locations.id, current.id), eq(locations.accountId, auth.accountId)));
    // Its logo goes with it (src/routes/logos.ts).
    if (current.logoKey) await c.env.BRANDING.delete(current.logoKey);
    await audit(d, { accountId: auth.accountId, userId: auth.userId, action: "location.deleted", targetType: "location", targetId: current.id, ip: clientIp(c), at });
    return c.body(null, 204);
  },
);
