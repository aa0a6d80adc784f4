// Recurly's webhook signature (JSON webhooks): the `recurly-signature` header is a Unix timestamp in
// milliseconds followed by one or more hex HMAC-SHA256 signatures, comma-separated — more than one
// while the endpoint's secret is being rotated, and any may match. Each signs "<timestamp>.<raw body>"
// with the endpoint's secret. A timestamp more than 5 minutes away from now is refused (replays).
import { timingSafeEqual } from "../../lib/crypto";

export const RECURLY_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

const encoder = new TextEncoder();

export async function recurlySignature(secret: string, timestamp: string, rawBody: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${rawBody}`)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function verifyRecurlySignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  nowMs: number,
  toleranceMs = RECURLY_SIGNATURE_TOLERANCE_MS,
): Promise<boolean> {
  if (!secret || !header || header.length > 2048) return false;
  const [timestamp, ...signatures] = header.split(",").map((s) => s.trim());
  if (!timestamp || !/^\d{1,15}$/.test(timestamp) || signatures.length === 0) return false;
  if (Math.abs(nowMs - Number(timestamp)) > toleranceMs) return false;
  const expected = await recurlySignature(secret, timestamp, rawBody);
  let ok = false;
  // Every candidate is compared (no early exit), in constant time each.
  for (const s of signatures) if (/^[0-9a-f]{64}$/i.test(s) && timingSafeEqual(expected, s.toLowerCase())) ok = true;
  return ok;
}
