// Who the client is, for per-client limits and audit rows: one rule per deployment (README, Security).
// - CLIENT_IP_HEADER names the one header the front door sets and clients cannot forge. wrangler.toml
//   ships "CF-Connecting-IP": on Cloudflare's network it is always the connecting address. Behind another
//   proxy, set the header that proxy writes (X-Real-IP, or X-Forwarded-For, whose right-most address is
//   the one the proxy appended); "" trusts no header.
// - An IPv6 client is its /64 (one subscriber's prefix), so rotating addresses inside it does not help.
// - A request without a trusted address (none configured, or the header missing) is never pooled with
//   every other such request in one "unknown" bucket: it is keyed by a fingerprint of its User-Agent
//   and Accept-Language, and all such requests together also share a cap 10× the per-client limit, so
//   rotating fingerprints cannot get past the limits either.
import type { Context } from "hono";

export const UNIDENTIFIED_SHARED_FACTOR = 10;

export interface ClientIdentity {
  /** The trusted client address (for audit rows), or null. */
  ip: string | null;
  /** The key per-client limits use: the address (IPv6: its /64), or "unidentified:<fingerprint>". */
  key: string;
  identified: boolean;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function parseIp(raw: string | null | undefined): string | null {
  const v = raw?.trim();
  if (!v || v.length > 64) return null;
  if (IPV4.test(v)) return v;
  if (/^[0-9A-Fa-f:.]+$/.test(v) && v.includes(":")) return v.toLowerCase();
  return null;
}

/** The /64 of an IPv6 address ("2001:db8:1:2::/64"); an IPv4 address as it is. */
export function limitKeyOf(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head, tail] = ip.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((g) => (g || "0").replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

function fingerprint(headers: Headers): string {
  // FNV-1a: a bucket name, not a secret.
  const text = `${headers.get("User-Agent") ?? ""}\n${headers.get("Accept-Language") ?? ""}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The client behind `headers` under the deployment's rule (`trustedHeader`: CLIENT_IP_HEADER). */
export function identify(headers: Headers, trustedHeader: string | undefined): ClientIdentity {
  const name = (trustedHeader ?? "CF-Connecting-IP").trim();
  let raw: string | null = null;
  if (name) {
    const value = headers.get(name);
    raw = name.toLowerCase() === "x-forwarded-for" ? (value?.split(",").at(-1) ?? null) : value;
  }
  const ip = parseIp(raw);
  if (ip) return { ip, key: limitKeyOf(ip), identified: true };
  return { ip: null, key: `unidentified:${fingerprint(headers)}`, identified: false };
}

export function clientIdentity(c: Context): ClientIdentity {
  return identify(c.req.raw.headers, (c.env as { CLIENT_IP_HEADER?: string } | undefined)?.CLIENT_IP_HEADER);
}
