// Every route against every scope, from the OpenAPI document: a key without the scope a route needs
// gets 403 insufficient_scope and changes nothing; a key with only that scope gets through; routes
// for people refuse keys whatever their scopes. A new route fails here until it is classified below.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { all } from "../auth/support";
import { ALL_SCOPES, createKey, type CreatedKey } from "./support";

type Scope = (typeof ALL_SCOPES)[number];

// The contract, written by hand (not computed by the code under test): the scope each operation needs,
// or null for the routes that only people signed in to the account may use.
const EXPECTED: Record<string, Scope | null> = {
  "POST /api/auth/logout": null,
  "POST /api/auth/password": null,
  "GET /api/me": null,
  "GET /api/team/members": null,
  "PATCH /api/team/members/{userId}": null,
  "DELETE /api/team/members/{userId}": null,
  "GET /api/team/invites": null,
  "POST /api/team/invites": null,
  "POST /api/team/invites/{inviteId}/resend": null,
  "DELETE /api/team/invites/{inviteId}": null,
  "GET /api/api-keys": null,
  "POST /api/api-keys": null,
  "DELETE /api/api-keys/{keyId}": null,
  "GET /api/locations": "read",
  "POST /api/locations": "settings",
  "GET /api/locations/{locationId}": "read",
  "PATCH /api/locations/{locationId}": "settings",
  "DELETE /api/locations/{locationId}": "settings",
  "GET /api/locations/{locationId}/waitlist": "read",
  "POST /api/locations/{locationId}/waitlist": "waitlist_write",
  "GET /api/locations/{locationId}/waitlist/{partyId}": "read",
  "PATCH /api/locations/{locationId}/waitlist/{partyId}": "waitlist_write",
  "POST /api/locations/{locationId}/waitlist/{partyId}/notify": "waitlist_write",
  "POST /api/locations/{locationId}/waitlist/{partyId}/seat": "waitlist_write",
  "POST /api/locations/{locationId}/waitlist/{partyId}/cancel": "waitlist_write",
  "POST /api/locations/{locationId}/waitlist/{partyId}/no_show": "waitlist_write",
  "POST /api/locations/{locationId}/waitlist/{partyId}/restore": "waitlist_write",
  "POST /api/locations/{locationId}/waitlist/{partyId}/move": "waitlist_write",
  "GET /api/locations/{locationId}/waitlist-settings": "read",
  "PATCH /api/locations/{locationId}/waitlist-settings": "settings",
  "GET /api/locations/{locationId}/history": "read",
  "GET /api/locations/{locationId}/floor": "read",
  "PUT /api/locations/{locationId}/logo": "settings",
  "DELETE /api/locations/{locationId}/logo": "settings",
  "GET /api/locations/{locationId}/floor/suggestion": "read",
  "POST /api/locations/{locationId}/tables/{tableId}/clear": "waitlist_write",
  "POST /api/locations/{locationId}/live-ticket": null,
  // A kiosk token is a credential for the location's tablet (issue 22): people only, like API keys.
  "GET /api/locations/{locationId}/kiosk-token": null,
  "POST /api/locations/{locationId}/kiosk-token": null,
  "DELETE /api/locations/{locationId}/kiosk-token": null,
  "GET /api/locations/{locationId}/sms-settings": "read",
  "PATCH /api/locations/{locationId}/sms-settings": "settings",
  // The embeddable widget's allowed sites (issue 22): read with read, changed with settings.
  "GET /api/locations/{locationId}/widget-settings": "read",
  "PATCH /api/locations/{locationId}/widget-settings": "settings",
  "GET /api/locations/{locationId}/waitlist/{partyId}/messages": "read",
  "POST /api/locations/{locationId}/waitlist/{partyId}/messages": "waitlist_write",
  "GET /api/locations/{locationId}/reservations": "read",
  "POST /api/locations/{locationId}/reservations": "reservations_write",
  "GET /api/locations/{locationId}/reservations/{reservationId}": "read",
  "PATCH /api/locations/{locationId}/reservations/{reservationId}": "reservations_write",
  "POST /api/locations/{locationId}/reservations/{reservationId}/confirm": "reservations_write",
  "POST /api/locations/{locationId}/reservations/{reservationId}/arrive": "reservations_write",
  "POST /api/locations/{locationId}/reservations/{reservationId}/seat": "reservations_write",
  "POST /api/locations/{locationId}/reservations/{reservationId}/complete": "reservations_write",
  "POST /api/locations/{locationId}/reservations/{reservationId}/cancel": "reservations_write",
  "POST /api/locations/{locationId}/reservations/{reservationId}/no_show": "reservations_write",
  "GET /api/locations/{locationId}/tables": "read",
  "POST /api/locations/{locationId}/tables": "settings",
  "PATCH /api/locations/{locationId}/tables/{tableId}": "settings",
  "DELETE /api/locations/{locationId}/tables/{tableId}": "settings",
  "GET /api/locations/{locationId}/booking-settings": "read",
  "PATCH /api/locations/{locationId}/booking-settings": "settings",
  "GET /api/locations/{locationId}/feedback-settings": "read",
  "PATCH /api/locations/{locationId}/feedback-settings": "settings",
  "GET /api/locations/{locationId}/feedback-alerts": "read",
  "GET /api/webhook-endpoints": "webhooks",
  "POST /api/webhook-endpoints": "webhooks",
  "GET /api/webhook-endpoints/{endpointId}": "webhooks",
  "PATCH /api/webhook-endpoints/{endpointId}": "webhooks",
  "DELETE /api/webhook-endpoints/{endpointId}": "webhooks",
  "GET /api/webhook-endpoints/{endpointId}/secret": "webhooks",
  "GET /api/webhook-endpoints/{endpointId}/deliveries": "webhooks",
  "POST /api/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver": "webhooks",
  "POST /api/webhook-endpoints/{endpointId}/test": "webhooks",
  "GET /api/insights/covers": "read",
  "GET /api/insights/waits": "read",
  "GET /api/insights/quote_accuracy": "read",
  "GET /api/insights/drop_off": "read",
  "GET /api/insights/feedback": "read",
  "GET /api/insights/messages": "read",
  "GET /api/insights/bookings": "read",
  "POST /api/locations/{locationId}/insights/rebuild": "settings",
  "GET /api/sms-senders": null,
  "POST /api/sms-senders": null,
  "DELETE /api/sms-senders/{senderId}": null,
  "GET /api/settings/retention": null,
  "PUT /api/settings/retention": null,
  "GET /api/account/export": null,
  "DELETE /api/account": null,
  "GET /api/billing": null,
  "POST /api/billing/subscription": null,
  "POST /api/billing/subscription/change": null,
  "POST /api/billing/subscription/cancel": null,
  "POST /api/billing/subscription/reactivate": null,
  "GET /api/billing/account-link": null,
  "GET /api/guests": "read",
  "POST /api/guests": "waitlist_write",
  "GET /api/guests/{guestId}": "read",
  "PATCH /api/guests/{guestId}": "waitlist_write",
  "DELETE /api/guests/{guestId}": null,
};

let owner: SignedUp;
let operations: string[] = [];
const without: Partial<Record<Scope, CreatedKey>> = {};
const only: Partial<Record<Scope, CreatedKey>> = {};
let everything: CreatedKey;
let spareLocationId: string;

beforeAll(async () => {
  owner = await signUp({ accountName: "Scopes" });
  const doc = (await call("GET", "/api/openapi.json")).json;
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) if (op.security?.length) operations.push(`${method.toUpperCase()} ${path}`);
  }
  // Deleting a location last, so the others still have theirs.
  operations = operations.sort((a, b) => Number(a === "DELETE /api/locations/{locationId}") - Number(b === "DELETE /api/locations/{locationId}"));
  for (const s of ALL_SCOPES) {
    without[s] = await createKey(owner, { scopes: ALL_SCOPES.filter((x) => x !== s) });
    only[s] = await createKey(owner, { scopes: [s] });
  }
  everything = await createKey(owner, { scopes: [...ALL_SCOPES] });
  spareLocationId = (await call("POST", "/api/locations", { token: owner.token, body: { name: "Scopes spare", timezone: "UTC" } })).json.id;
});

function concrete(op: string): [string, string] {
  const [method, template] = op.split(" ") as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === "locationId") return op === "DELETE /api/locations/{locationId}" ? spareLocationId : owner.locationId;
    return crypto.randomUUID();
  });
  return [method, path];
}

const sendsBody = (method: string) => method !== "GET" && method !== "DELETE";

describe("API key scopes", () => {
  it("classify every secured operation in the OpenAPI document, and nothing that is not there", () => {
    expect([...operations].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("refuse a key without the route's scope (403 insufficient_scope), changing nothing", async () => {
    const before = await all("SELECT id, name, updated_at FROM locations WHERE account_id = ? ORDER BY id", owner.accountId);
    for (const op of operations) {
      const need = EXPECTED[op];
      if (!need) continue;
      const [method, path] = concrete(op);
      const res = await call(method, path, { token: without[need]!.secret, body: sendsBody(method) ? {} : undefined });
      expectError(res, 403, "insufficient_scope", op);
      expect(res.json.error.details[0].scope, op).toBe(need);
    }
    expect(await all("SELECT id, name, updated_at FROM locations WHERE account_id = ? ORDER BY id", owner.accountId)).toEqual(before);
  });

  it("refuse keys on the routes for people, whatever their scopes (403 forbidden)", async () => {
    for (const op of operations) {
      if (EXPECTED[op] !== null) continue;
      const [method, path] = concrete(op);
      const res = await call(method, path, { token: everything.secret, body: sendsBody(method) ? {} : undefined });
      expectError(res, 403, "forbidden", op);
    }
  });

  it("let a key with only the route's scope through to the route (its own 2xx, 400 or 404; never 401, 403 or 5xx)", async () => {
    for (const op of operations) {
      const need = EXPECTED[op];
      if (!need) continue;
      const [method, path] = concrete(op);
      const res = await call(method, path, { token: only[need]!.secret, body: sendsBody(method) ? {} : undefined });
      expect([401, 403], `${op}: ${res.text}`).not.toContain(res.status);
      expect(res.status, `${op}: ${res.text}`).toBeLessThan(500);
    }
  });
});
