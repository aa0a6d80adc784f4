import type { Context } from "hono";
import { clientIdentity } from "./client-identity";

/** The client's address under the deployment's rule (src/lib/client-identity.ts), or null. */
export function clientIp(c: Context): string | null {
  return clientIdentity(c).ip;
}

/** The key for per-client limits: never one bucket shared by every client without an address. */
export function clientKey(c: Context): string {
  return clientIdentity(c).key;
}

export function userAgent(c: Context): string | null {
  return c.req.header("User-Agent") ?? null;
}
