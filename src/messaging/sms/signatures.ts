// Provider webhook signatures, checked exactly as each provider computes them.
import { timingSafeEqual } from "../../lib/crypto";

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

/**
 * Twilio (X-Twilio-Signature): base64(HMAC-SHA1(auth token, URL + each POST parameter's name and
 * value, names sorted; a repeated name contributes each distinct value, sorted)).
 */
export async function twilioSignature(authToken: string, url: string, params: [string, string][]): Promise<string> {
  const grouped = new Map<string, Set<string>>();
  for (const [k, v] of params) {
    if (!grouped.has(k)) grouped.set(k, new Set());
    grouped.get(k)!.add(v);
  }
  let data = url;
  for (const key of [...grouped.keys()].sort()) {
    for (const value of [...grouped.get(key)!].sort()) data += key + value;
  }
  const key = await crypto.subtle.importKey("raw", encoder.encode(authToken), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  return toBase64(await crypto.subtle.sign("HMAC", key, encoder.encode(data)));
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

export async function verifyTwilioSignature(authToken: string, signature: string | undefined, url: string, params: [string, string][]): Promise<boolean> {
  if (!authToken || !signature) return false;
  for (const candidate of urlCandidates(url)) {
    if (timingSafeEqual(await twilioSignature(authToken, candidate, params), signature)) return true;
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
