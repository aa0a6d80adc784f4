// Link tokens: one function for every kind of link a guest is sent. A token is the location id (so
// the Worker can route it) and a 256-bit HMAC of the record's id under a key derived from JWT_SECRET
// and the kind's own label, so a reservation token is never a valid waitlist token or the reverse.
// Only the token's SHA-256 is stored; being derived, the same link can be handed again to an
// idempotent retry without ever keeping it in clear.
import { base64url } from "../lib/crypto";

export type LinkKind = "guest" | "reservation" | "feedback";

const LABELS: Record<LinkKind, string> = {
  guest: "seatline guest links",
  reservation: "seatline reservation links",
  feedback: "seatline feedback links",
};

export async function linkToken(kind: LinkKind, secret: string, locationId: string, id: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(`${LABELS[kind]}|${secret}`), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(id)));
  return locationId.replace(/-/g, "") + base64url(mac);
}
