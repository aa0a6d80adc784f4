// The pure scope table: what each kind of route needs, from its method and path.
import { describe, expect, it } from "vitest";
import { locationIdIn, scopeFor } from "../../domain/api-scopes";

describe("scopeFor", () => {
  it.each([
    ["GET", "/api/locations", "read"],
    ["HEAD", "/api/locations/abc", "read"],
    ["GET", "/api/locations/abc/history", "read"],
    ["POST", "/api/locations/abc/live-ticket", null],
    ["GET", "/api/locations/abc/live", null],
    ["POST", "/api/locations", "settings"],
    ["DELETE", "/api/locations/abc/", "settings"],
    ["POST", "/api/locations/abc/waitlist", "waitlist_write"],
    ["POST", "/api/locations/abc/waitlist/p/messages", "waitlist_write"],
    ["PATCH", "/api/locations/abc/waitlist-settings", "settings"],
    ["POST", "/api/locations/abc/reservations/r/seat", "reservations_write"],
    ["PATCH", "/api/locations/abc/booking-settings", "settings"],
    ["DELETE", "/api/locations/abc/tables/t", "settings"],
    ["GET", "/api/webhook-endpoints", "webhooks"],
    ["POST", "/api/webhook-endpoints/e/test", "webhooks"],
    ["GET", "/api/insights/covers", "read"],
    ["POST", "/api/insights/covers", null],
    ["GET", "/api/guests", "read"],
    ["GET", "/api/guests/g", "read"],
    ["PATCH", "/api/guests/g", "waitlist_write"],
    ["POST", "/api/guests", "waitlist_write"],
    ["DELETE", "/api/guests/g", null],
    ["GET", "/api/me", null],
    ["GET", "/api/team/members", null],
    ["POST", "/api/api-keys", null],
    ["GET", "/api/billing", null],
    ["DELETE", "/api/account", null],
    ["GET", "/api/dev/outbox", null],
    ["GET", "/webhooks/twilio/status", null],
  ] as const)("%s %s needs %s", (method, path, scope) => {
    expect(scopeFor(method, path)).toBe(scope);
  });

  it("finds the location a path is about", () => {
    expect(locationIdIn("/api/locations/4b1c/waitlist")).toBe("4b1c");
    expect(locationIdIn("/api/locations")).toBeNull();
    expect(locationIdIn("/api/team/members")).toBeNull();
  });
});
