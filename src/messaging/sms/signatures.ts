// Provider webhook signatures, checked exactly as each provider computes them.
import { timingSafeEqual } from "../../../lib/crypto";

const encoder = new TextEncoder();

function toBase64(bytes: ArrayBuffer): string {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(s: string): Uint8Array | null {
  try {
    const bin = atob(s);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export type TwilioAlgorithm = "HMAC_SHA1" | "HMAC_SHA256";
const TWILIO_HASH: Record<TwilioAlgorithm, "SHA-1" | "SHA-256"> = { HMAC_SHA1: "SHA-1", HMAC_SHA256: "SHA-256" };

/**
 * Twilio (X-Twilio-Signature): base64(HMAC(key, URL + each POST parameter's name and value, names
 * sorted; a repeated name contributes each distinct value, sorted)). The hash is SHA-1 with the
 * account's auth token (the default), or the one a Webhook Setting names (HMAC_SHA256) with its
 * SharedKey secret; only the hash changes, not the signed string.
 */
export async function twilioSignature(key: string, url: string, params: [string, string][], algorithm: TwilioAlgorithm = "HMAC_SHA1"): Promise<string> {
  const grouped = new Map<string, Set<string>>();
  for (const [k, v] of params) {
    if (!grouped.has(k)) grouped.set(k, new Set());
    grouped.get(k)!.add(v);
  }
  let data = url;
  for (const name of [...grouped.keys()].sort()) {
    for (const value of [...grouped.get(name)!].sort()) data += name + value;
  }
  const hmacKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: TWILIO_HASH[algorithm] }, false, ["sign"]);
  return toBase64(await crypto.subtle.sign("HMAC", hmacKey, encoder.encode(data)));
}

/**
 * The algorithm named by X-Twilio-Webhooks-Signature-Settings ("key=<id>,algorithm=HMAC_SHA256");
 * no header (or no algorithm in it) is the auth token's HMAC_SHA1; an algorithm we do not know is null.
 */
export function twilioAlgorithm(settingsHeader: string | undefined): TwilioAlgorithm | null {
  for (const part of (settingsHeader ?? "").split(",")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === "algorithm") {
      const name = part.slice(eq + 1).trim().toUpperCase();
      if (!name) break;
      return name === "HMAC_SHA1" || name === "HMAC_SHA256" ? name : null;
    }
  }
  return "HMAC_SHA1";
}

/** The URL forms Twilio may have signed: as called, and with or without the scheme's default port. */
function urlCandidates(url: string): string[] {
  const u = new URL(url);
  const defaultPort = u.protocol === "https:" ? "443" : "80";
  const withoutPort = new URL(url);
  withoutPort.port = "";
  const withPort = `${u.protocol}//${u.hostname}:${u.port || defaultPort}${u.pathname}${u.search}`;
  return [...new Set([url, withoutPort.toString(), withPort])];
}

/**
 * Checks X-Twilio-Signature. Without the signature-settings header: HMAC-SHA1 with the auth token.
 * With it: its algorithm (HMAC_SHA1 or HMAC_SHA256) with the SharedKey secret (TWILIO_WEBHOOK_SIGNING_KEY),
 * or the auth token when no shared key is configured.
 */
export async function verifyTwilioSignature(
  keys: string | { authToken: string; sharedKey?: string },
  signature: string | undefined,
  url: string,
  params: [string, string][],
  settingsHeader?: string,
): Promise<boolean> {
  if (typeof keys === "string") keys = { authToken: keys };
  if (!signature) return false;
  const algorithm = twilioAlgorithm(settingsHeader);
  if (!algorithm) return false;
  const key = settingsHeader !== undefined && keys.sharedKey ? keys.sharedKey : keys.authToken;
  if (!key) return false;
  for (const candidate of urlCandidates(url)) {
    if (timingSafeEqual(await twilioSignature(key, candidate, params, algorithm), signature)) return true;
  }
  return false;
}

export const TELNYX_TOLERANCE_MS = 5 * 60_000;

/**
 * Telnyx: an Ed25519 signature (base64, header telnyx-signature-ed25519) over
 * "<telnyx-timestamp>|<raw body>" with the account's public key (base64, from the portal); the
 * timestamp (seconds) must be within 5 minutes of now.
 */
export async function verifyTelnyxSignature(
  publicKeyBase64: string,
  signatureBase64: string | undefined,
  timestamp: string | undefined,
  rawBody: string,
  nowMs: number,
): Promise<boolean> {
  if (!publicKeyBase64 || !signatureBase64 || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs - Number(timestamp) * 1000) > TELNYX_TOLERANCE_MS) return false;
  const publicKey = fromBase64(publicKeyBase64);
  const signature = fromBase64(signatureBase64);
  if (!publicKey || publicKey.length !== 32 || !signature || signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "Ed25519" }, key, signature, encoder.encode(`${timestamp}|${rawBody}`));
  } catch {
    return false;
  }
}
