// The one location scope for /api/locations/:locationId and everything under it: after the session
// is checked, a well-formed id is looked up in the caller's account and the route is handed its
// location (c.get("location")) and DO (locationDo). Another account's location is 404 before any
// role check or body validation (DESIGN.md rule 3); role checks come after, as route middleware.
//
// Under the location (waitlist, bookings, texts…) the location's own DO answers whether it belongs
// to the caller's account (Restaurant.forAccount): it holds the reference the Worker bound after a
// D1 check, so the request costs no D1 round trip beyond the session's (issue 14, item 5). Only a DO
// that was never bound ("unknown") sends the Worker to D1, once. The location itself
// (GET/PATCH/DELETE /api/locations/:id) is read from D1, where its other fields live.
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { LocationRef } from "../../domain/waitlist/protocol";
import { requireAuth } from "../auth/middleware";
import { db, type Db } from "../db/client";
import { locations } from "../db/schema";
import type { AppEnv, Env } from "../env";
import { notFound } from "../lib/errors";
import { restaurant, restaurantObject, type LocationApiStub, type ScopeAnswer } from "../restaurant/client";
import { retryReads } from "../restaurant/retry";

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

/** The location row itself: /api/locations/:locationId with nothing after it. */
const LOCATION_ITSELF = /^\/api\/locations\/[^/]+\/?$/;

/** The DO's answer, asked while the session row is read; used only for the account it was asked about. */
interface EarlyScope {
  accountId: string;
  scope: Promise<ScopeAnswer>;
}

function findLocation(early: () => EarlyScope | null) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = c.req.param("locationId");
    // A malformed id is answered by the route's own params schema, with the one validation error.
    if (c.get("location") === undefined && id !== undefined && wellFormed.safeParse(id).success) {
      const accountId = c.get("auth").accountId;
      if (LOCATION_ITSELF.test(c.req.path)) {
        const row = await loadLocation(db(c.env.DB), accountId, id);
        c.set("locationRow", row);
        c.set("location", row);
      } else {
        const asked = early();
        const found = await scopedLocation(c.env, accountId, id, asked?.accountId === accountId ? asked.scope : null);
        c.set("location", found.location);
        if (found.api) c.set("locationApi", retryReads(found.api));
      }
    }
    await next();
  });
}

/**
 * The location as its DO knows it, when it is this account's, with the DO's RPC surface for it (no
 * `at()` call needed after); D1 only for a DO never bound.
 */
async function scopedLocation(env: Env, accountId: string, id: string, asked: Promise<ScopeAnswer> | null): Promise<{ location: LocationRef; api?: LocationApiStub }> {
  const scope = await (asked ?? scopeOf(env, id, accountId));
  if (scope.kind === "owned") return { location: scope.location, api: scope.api };
  if (scope.kind === "foreign") throw notFound("Location");
  return { location: await loadLocation(db(env.DB), accountId, id) };
}

function scopeOf(env: Env, id: string, accountId: string): Promise<ScopeAnswer> {
  return restaurantObject(env, id).forAccount(accountId);
}

/** Mounted on /api/locations/:locationId and /api/locations/:locationId/* (src/app.ts). */
export const locationScope = createMiddleware<AppEnv>(async (c, next) => {
  if (TICKET_ROUTE.test(c.req.path)) {
    await next();
    return;
  }
  // Under the location, the DO is asked whether it is this account's as soon as the session token's
  // signature is verified, while the session row is read from D1: one round trip's wait instead of
  // two. Its answer is used only after the session is found alive, and only for that session's account.
  let early: EarlyScope | null = null;
  const id = c.req.param("locationId");
  if (c.get("auth") === undefined && id !== undefined && !LOCATION_ITSELF.test(c.req.path) && wellFormed.safeParse(id).success) {
    c.set("sessionVerified", (accountId) => {
      const scope = Promise.resolve(scopeOf(c.env, id, accountId));
      scope.catch(() => {}); // a refused session never reads it; otherwise a failure surfaces there, as before
      early = { accountId, scope };
    });
  }
  await requireAuth(c, async () => {
    await findLocation(() => early)(c, next);
  });
});

/** The scoped location's DO, bound to it: the surface its ownership answer carried, else `at()`. */
export function locationDo(c: Context<AppEnv>) {
  return c.get("locationApi") ?? restaurant(c.env, c.get("location"));
}
