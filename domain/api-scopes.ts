// What an API key may do: its scopes, and which scope each route needs. Pure, so the table can be
// tested against every operation in the OpenAPI document (a new route is classified the day it
// appears, or refused to keys until it is).

export const SCOPES = ["read", "waitlist_write", "reservations_write", "settings", "webhooks"] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  read: "Read locations, the waitlist, history, reservations, tables, settings, messages, insights and guests (not the live sockets: use webhooks).",
  waitlist_write: "Add, change, move, notify, seat and close parties; text a party; tag and note guests.",
  reservations_write: "Create, change and move reservations through their statuses.",
  settings: "Create and change locations, tables, hours, booking, waitlist and SMS settings.",
  webhooks: "Manage webhook endpoints, their deliveries and test events.",
};

/** Routes under a location whose writes run the book rather than the line. */
const RESERVATION_SEGMENTS = new Set(["reservations"]);
/** Routes under a location whose writes run the line. */
const WAITLIST_SEGMENTS = new Set(["waitlist"]);

/**
 * The scope a request needs, from its method and path (concrete or templated), or null when the
 * route is for people only (sign-in, team, billing, account, API keys, developer tools): a key is
 * refused there whatever its scopes, so a leaked key can never change who runs the account.
 */
export function scopeFor(method: string, path: string): Scope | null {
  const m = method.toUpperCase();
  const read = m === "GET" || m === "HEAD";
  const parts = path.replace(/\/+$/, "").split("/").filter(Boolean);
  if (parts[0] !== "api") return null;
  const [, top, , sub] = parts;
  if (top === "webhook-endpoints") return "webhooks";
  if (top === "insights") return read ? "read" : null;
  // Guest history (issue 22): read with the line, tagged like a party; erasing a guest is a person's
  // decision (a data-subject request), never a key's.
  if (top === "guests") return read ? "read" : m === "DELETE" ? null : "waitlist_write";
  if (top !== "locations") return null;
  // The live line's sockets follow a person's session (closed when it ends); integrations follow
  // changes through webhooks instead.
  if (sub === "live-ticket" || sub === "live") return null;
  // A kiosk token is a credential for the location's tablet: made by people, like API keys (issue 22).
  if (sub === "kiosk-token") return null;
  if (read) return "read";
  if (sub === undefined) return "settings"; // create, rename or delete a location
  if (WAITLIST_SEGMENTS.has(sub)) return "waitlist_write";
  // Clearing a table is the host's part of seating (issue 17), not a change to the tables.
  if (sub === "tables" && parts[5] === "clear") return "waitlist_write";
  if (RESERVATION_SEGMENTS.has(sub)) return "reservations_write";
  return "settings";
}

/** The location a path is about (`/api/locations/{id}/…`), for keys limited to some locations. */
export function locationIdIn(path: string): string | null {
  const parts = path.split("/").filter(Boolean);
  return parts[0] === "api" && parts[1] === "locations" && parts[2] ? decodeURIComponent(parts[2]) : null;
}
