// Checks every live (WebSocket) route makes before it hands the upgrade to the location's DO.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";

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
