import type { Context } from "hono";

/** The client's IP as Cloudflare reports it (never a client-supplied X-Forwarded-For). */
export function clientIp(c: Context): string | null {
  return c.req.header("CF-Connecting-IP") ?? null;
}

export function userAgent(c: Context): string | null {
  return c.req.header("User-Agent") ?? null;
}
