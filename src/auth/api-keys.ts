// API keys: account-owned credentials for integrations, sent as `Authorization: Bearer sl_live_…`.
// Only the SHA-256 of a secret is stored; a key does exactly what its scopes allow (src/auth/scopes.ts),
// at the locations it is limited to, within its own rate limit, and only on plans with API access.
import { and, eq, isNull } from "drizzle-orm";
import { requireFeatureFor } from "../billing/entitlements";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";
import type { ApiKeyGrant, Env } from "../env";
import { audit } from "../lib/audit";
import { MINUTE } from "../lib/clock";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { ApiError, notFound } from "../lib/errors";
import { countInWindow, rateLimited } from "./throttle";
import { locationIdIn, scopeFor, type Scope } from "../../domain/api-scopes";

export const API_KEY_PREFIX = "sl_live_";
/** 256 random bits, base64url: 43 characters after the prefix. */
export const API_KEY_PATTERN = /^sl_live_[A-Za-z0-9_-]{43}$/;
/** Characters of the secret kept in clear so an owner can tell keys apart (prefix + 4). */
export const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 4;

/** Requests per key per window unless API_KEY_RATE_LIMIT says otherwise; README states the same figures. */
export const KEY_RATE_LIMIT = 600;
export function keyRateLimit(env: Pick<Env, "API_KEY_RATE_LIMIT">): number {
  const n = Number(env.API_KEY_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : KEY_RATE_LIMIT;
}
export const KEY_RATE_WINDOW = MINUTE;
// last_used_at is written at most this often, like a session's last_seen_at.
const TOUCH_INTERVAL = MINUTE;

export type { ApiKeyGrant };

export function newKeySecret(): { secret: string; prefix: string } {
  const secret = API_KEY_PREFIX + randomToken(256);
  return { secret, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH) };
}

export const keyHash = (secret: string) => sha256Hex(secret);

export interface KeyRequest {
  method: string;
  path: string;
  /** `?locationId=` of reports that take one. */
  locationQuery?: string | null;
  ip: string | null;
}

export interface KeyAuthResult {
  grant: ApiKeyGrant;
  accountId: string;
  rate: { limit: number; remaining: number; resetSeconds: number };
}

const invalidKey = () =>
  new ApiError(401, "unauthorized", "This API key is not valid, has expired or was revoked.", [], { "WWW-Authenticate": 'Bearer realm="seatline"' });

/**
 * Checks a key for one request, in the order that tells a caller the least: the key itself (401),
 * the route's need for a person (403), its rate limit (429), the plan (402), scope (403), and the
 * location limit (404, as for another account's location).
 */
export async function authenticateKey(d: Db, env: Env, secret: string, req: KeyRequest, at: number): Promise<KeyAuthResult> {
  const row = await d.query.apiKeys.findFirst({ where: eq(apiKeys.secretHash, await keyHash(secret)) });
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= at)) throw invalidKey();

  const need = scopeFor(req.method, req.path);
  if (need === null) {
    throw new ApiError(403, "forbidden", "API keys cannot use this route; it is for people signed in to the account.");
  }
  const window = await countInWindow(d, `api-key:${row.id}`, at, KEY_RATE_WINDOW);
  const count = window?.count ?? 1;
  const windowStart = window?.windowStart ?? at;
  const resetSeconds = Math.max(1, Math.ceil((windowStart + KEY_RATE_WINDOW - at) / 1000));
  const limit = keyRateLimit(env);
  const rate = { limit, remaining: Math.max(0, limit - count), resetSeconds };
  if (count > limit) {
    const err = rateLimited(windowStart + KEY_RATE_WINDOW - at, `This API key made more than ${limit} requests in a minute.`);
    Object.assign(err.headers, rateHeaders(rate));
    throw err;
  }
  await requireFeatureFor(env, row.accountId, "apiAccess");
  const scopes = row.scopes as Scope[];
  if (!scopes.includes(need)) {
    throw new ApiError(403, "insufficient_scope", `This API key lacks the ${need} scope this route needs.`, [
      { message: `Create a key with the ${need} scope.`, scope: need },
    ]);
  }
  const locationId = locationIdIn(req.path) ?? req.locationQuery ?? null;
  if (row.locationIds) {
    if (locationId && !row.locationIds.includes(locationId)) throw notFound("Location");
    // A guest's history spans every location of the account: beyond a key limited to some of them.
    if (req.path === "/api/guests" || req.path.startsWith("/api/guests/")) {
      throw new ApiError(403, "forbidden", "Guest history spans every location of the account: use a key for all locations.");
    }
    // A report over "all locations" would reach beyond the key's: it must name one of them.
    if (!locationId && req.path.startsWith("/api/insights")) {
      throw new ApiError(400, "validation_failed", "This API key is limited to some locations: name one with locationId.", [
        { path: "locationId", message: "Required for a key limited to some locations." },
      ]);
    }
  }

  if (row.lastUsedAt === null || at - row.lastUsedAt >= TOUCH_INTERVAL) {
    const first = row.lastUsedAt === null;
    const touched = await d
      .update(apiKeys)
      .set({ lastUsedAt: at })
      .where(first ? and(eq(apiKeys.id, row.id), isNull(apiKeys.lastUsedAt)) : eq(apiKeys.id, row.id))
      .returning({ id: apiKeys.id });
    // Only the request that actually set the first use records it.
    if (first && touched.length > 0) {
      await audit(d, { accountId: row.accountId, userId: null, action: "api_key.first_used", targetType: "api_key", targetId: row.id, ip: req.ip, at });
    }
  }
  return { grant: { id: row.id, name: row.name, scopes, locationIds: row.locationIds ?? null, expiresAt: row.expiresAt }, accountId: row.accountId, rate };
}

export function rateHeaders(rate: KeyAuthResult["rate"]): Record<string, string> {
  return {
    "RateLimit-Limit": String(rate.limit),
    "RateLimit-Remaining": String(rate.remaining),
    "RateLimit-Reset": String(rate.resetSeconds),
  };
}
