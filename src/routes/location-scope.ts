// The one location scope for /api/locations/:locationId and everything under it: after the session
// is checked, a well-formed id is looked up in the caller's account and the route is handed its
// location (c.get("location")) and DO (locationDo). Another account's location is 404 before any
// role check or body validation (DESIGN.md rule 3); role checks come after, as route middleware.
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import { db, type Db } from "../db/client";
import { locations } from "../db/schema";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { restaurant } from "../restaurant/client";

type LocationRow = typeof locations.$inferSelect;

/** The live socket authenticates with a one-use ticket held by the DO, not a bearer token. */
const TICKET_ROUTE = /^\/api\/locations\/[^/]+\/live$/;

const wellFormed = z.uuid();

/** The caller's location, or 404 — also for another account's id (DESIGN.md rule 3). */
export async function loadLocation(d: Db, accountId: string, locationId: string): Promise<LocationRow> {
  const row = await d.query.locations.findFirst({ where: and(eq(locations.id, locationId), eq(locations.accountId, accountId)) });
  if (!row) throw notFound("Location");
  return row;
}

const findLocation = createMiddleware<AppEnv>(async (c, next) => {
  const id = c.req.param("locationId");
  // A malformed id is answered by the route's own params schema, with the one validation error.
  if (c.get("location") === undefined && id !== undefined && wellFormed.safeParse(id).success) {
    c.set("location", await loadLocation(db(c.env.DB), c.get("auth").accountId, id));
  }
  await next();
});

/** Mounted on /api/locations/:locationId and /api/locations/:locationId/* (src/app.ts). */
export const locationScope = createMiddleware<AppEnv>(async (c, next) => {
  if (TICKET_ROUTE.test(c.req.path)) {
    await next();
    return;
  }
  await requireAuth(c, async () => {
    await findLocation(c, next);
  });
});

/** The scoped location's DO, bound to it. */
export function locationDo(c: Context<AppEnv>) {
  return restaurant(c.env, c.get("location"));
}
