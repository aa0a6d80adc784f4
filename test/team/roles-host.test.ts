// Hosts run the floor: they read the team and the locations, and change neither.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, uniqueEmail, type SignedUp } from "../helpers/api";
import { expectError, fingerprint, sendInvite, type SentInvite } from "./support";

let owner: SignedUp;
let host: Awaited<ReturnType<typeof addMember>>;
let admin: Awaited<ReturnType<typeof addMember>>;
let pending: SentInvite;

beforeAll(async () => {
  owner = await signUp();
  host = await addMember(owner, "host");
  admin = await addMember(owner, "admin");
  pending = await sendInvite(owner, "host");
});

const forbidden: [string, string, () => string, () => unknown][] = [
  ["lists invitations", "GET", () => "/api/team/invites", () => undefined],
  ["creates an invitation", "POST", () => "/api/team/invites", () => ({ email: uniqueEmail("nope"), role: "host" })],
  ["revokes an invitation", "DELETE", () => `/api/team/invites/${pending.inviteId}`, () => undefined],
  ["resends an invitation", "POST", () => `/api/team/invites/${pending.inviteId}/resend`, () => undefined],
  ["changes another member's role", "PATCH", () => `/api/team/members/${admin.userId}`, () => ({ role: "host" })],
  ["promotes themselves", "PATCH", () => `/api/team/members/${host.userId}`, () => ({ role: "admin" })],
  ["removes a member", "DELETE", () => `/api/team/members/${admin.userId}`, () => undefined],
  ["removes the owner", "DELETE", () => `/api/team/members/${owner.userId}`, () => undefined],
  ["creates a location", "POST", () => "/api/locations", () => ({ name: "Host Place", timezone: "UTC" })],
  ["changes a location", "PATCH", () => `/api/locations/${owner.locationId}`, () => ({ name: "Renamed by host" })],
  ["deletes a location", "DELETE", () => `/api/locations/${owner.locationId}`, () => undefined],
];

describe("a host", () => {
  it.each(forbidden)("cannot do what admins do: %s (403, the error shape, nothing changed)", async (_what, method, path, body) => {
    const before = await fingerprint();
    const res = await call(method, path(), { token: host.token, body: body() });
    expectError(res, 403, "forbidden");
    expect(res.json.error.message).toBe("This needs the admin role or higher; you are a host.");
    expect(await fingerprint()).toEqual(before);
  });

  it("can list the team's members", async () => {
    const res = await call("GET", "/api/team/members", { token: host.token });
    expect(res.status).toBe(200);
    expect(res.json.members.map((m: any) => m.id).sort()).toEqual([owner.userId, host.userId, admin.userId].sort());
    for (const m of res.json.members) {
      expect(Object.keys(m).sort()).toEqual(["accountId", "email", "id", "lastLoginAt", "name", "role"]);
    }
  });

  it("can list and read the locations", async () => {
    const list = await call("GET", "/api/locations", { token: host.token });
    expect(list.status).toBe(200);
    expect(list.json.locations.map((l: any) => l.id)).toContain(owner.locationId);
    const one = await call("GET", `/api/locations/${owner.locationId}`, { token: host.token });
    expect(one.status).toBe(200);
    expect(one.json.id).toBe(owner.locationId);
  });
});
