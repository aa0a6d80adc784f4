// Bearer-token authentication and role checks for /api routes.
import { createMiddleware } from "hono/factory";
import { db } from "../db/client";
import type { Role } from "../db/schema";
import type { AppEnv } from "../env";
import { now } from "../lib/clock";
import { ApiError, forbidden } from "../lib/errors";
import { clientIp } from "../lib/request";
import { API_KEY_PATTERN, authenticateKey, rateHeaders } from "./api-keys";
import { authenticate } from "./sessions";

export type { AuthContext } from "../env";

// The scheme name is case-insensitive (RFC 9110 §11.1); the token is not.
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const API_KEY = new RegExp(`^Bearer (${API_KEY_PATTERN.source.slice(1, -1)})$`, "i");

function unauthorized(message: string) {
  return new ApiError(401, "unauthorized", message, [], { "WWW-Authenticate": 'Bearer realm="seatline"' });
}

/** Requires `Authorization: Bearer <jwt>` for a live session; tokens anywhere else are ignored. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  // Already authenticated by an outer middleware (the location scope): one session look-up.
  if (c.get("auth") !== undefined) return next();
  const header = c.req.header("Authorization");
  if (!header) throw unauthorized("Sign in to continue: send Authorization: Bearer <token>.");
  const keyMatch = API_KEY.exec(header.trim());
  if (keyMatch) {
    const at = now();
    const { grant, accountId, rate } = await authenticateKey(db(c.env.DB), c.env, keyMatch[1]!, { method: c.req.method, path: c.req.path, locationQuery: c.req.query("locationId") ?? null, ip: clientIp(c) }, at);
    c.set("auth", { sessionId: grant.id, userId: grant.id, accountId, role: "admin", email: "", name: grant.name, sessionExpiresAt: grant.expiresAt ?? Number.MAX_SAFE_INTEGER, apiKey: grant });
    await next();
    for (const [k, v] of Object.entries(rateHeaders(rate))) c.res.headers.set(k, v);
    return;
  }
  const match = BEARER.exec(header.trim());
  if (!match) throw unauthorized("The Authorization header must be 'Bearer <token>' (a session token or an sl_live_ API key).");
  const user = await authenticate(db(c.env.DB), c.env.JWT_SECRET, match[1]!, now(), c.get("sessionVerified"));
  if (!user) throw unauthorized("Your session has ended or the token is not valid. Sign in again.");
  c.set("auth", { ...user, apiKey: null });
  await next();
});

const RANK: Record<Role, number> = { host: 0, admin: 1, owner: 2 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

/** Throws 403 unless `role` is at least `atLeast`; for routes that look up their ids (404) first. */
export function assertRole(role: Role, atLeast: Role) {
  if (!hasRole(role, atLeast)) throw forbidden(`This needs the ${atLeast} role or higher; you are ${role === "admin" ? "an" : "a"} ${role}.`);
}

/** Requires the signed-in user's role to be at least `atLeast` (owner > admin > host). */
export function requireRole(atLeast: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    assertRole(c.get("auth").role, atLeast);
    await next();
  });
}
