// The shape of a guest or reservation link token: the location id (32 hex, no dashes) and then a
// 256-bit HMAC in base64url. The Worker routes a token to its location's DO by the prefix alone.

export const LINK_TOKEN = /^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/;

/** The location a link token belongs to, or null when the token cannot be one of ours. */
export function locationIdFromLinkToken(token: string): string | null {
  if (!LINK_TOKEN.test(token)) return null;
  const h = token.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
