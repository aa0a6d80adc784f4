// Reaching a location's Restaurant DO from the Worker, after the caller's access is checked.
import type { Context } from "hono";
import type { DoResult, LocationRef } from "../../durable-objects/waitlist/protocol";
import type { locations } from "../db/schema";
import type { AppEnv, Env } from "../env";
import { ApiError, type ErrorCode } from "../lib/errors";

export function restaurant(env: Env, loc: typeof locations.$inferSelect) {
  const ref: LocationRef = { id: loc.id, accountId: loc.accountId, name: loc.name, timezone: loc.timezone };
  return { stub: env.RESTAURANT.get(env.RESTAURANT.idFromName(loc.id)), ref };
}

/** The value of a DO result, or its error as the one API error shape. */
export function unwrap<T>(result: DoResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.status, result.code as ErrorCode, result.message, result.details ?? []);
}

/**
 * Browsers cannot send Authorization on a WebSocket, so live sockets authenticate with a ticket or
 * guest token; the Origin check stops another site from opening them in a visitor's browser.
 * Clients that are not browsers send no Origin and are judged by their credential alone.
 */
export function assertAllowedOrigin(c: Context<AppEnv>) {
  const origin = c.req.header("Origin");
  if (!origin) return;
  const allowed = new Set([new URL(c.req.url).origin, new URL(c.env.APP_URL).origin]);
  for (const o of (c.env.CORS_ORIGINS ?? "").split(",")) if (o.trim()) allowed.add(o.trim());
  if (!allowed.has(origin)) throw new ApiError(403, "forbidden", "This origin may not open live connections.");
}

export function assertWebSocketUpgrade(c: Context<AppEnv>) {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError(426, "upgrade_required", "This endpoint is a WebSocket: connect with Upgrade: websocket.");
  }
}
