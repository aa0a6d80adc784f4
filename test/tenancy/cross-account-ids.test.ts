// DESIGN.md rule 3: another account's ids answer 404 — never 403, never data — and change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { accountRows, expectError, sendInvite } from "../team/support";

interface AccountA {
  owner: SignedUp;
  hostId: string;
  adminId: string;
  pendingInviteId: string;
  acceptedInviteId: string;
  secondLocationId: string;
}

let a: AccountA;
// Account B's members at each role: the owner can do everything, so it is the sharpest probe.
const b: Record<"owner" | "admin" | "host", { token: string }> = {} as never;

beforeAll(async () => {
  const owner = await signUp({ accountName: "Account A" });
  const host = await addMember(owner, "host");
  const admin = await addMember(owner, "admin");
  const pending = await sendInvite(owner, "admin");
  const second = await call("POST", "/api/locations", { token: owner.token, body: { name: "A Second", timezone: "Europe/Rome", phone: "+390612345678" } });
  a = { owner, hostId: host.userId, adminId: admin.userId, pendingInviteId: pending.inviteId, acceptedInviteId: host.inviteId, secondLocationId: second.json.id };

  const bOwner = await signUp({ accountName: "Account B" });
  b.owner = bOwner;
  b.admin = await addMember(bOwner, "admin");
  b.host = await addMember(bOwner, "host");
});

type Route = { method: string; path: () => string; body?: unknown; roles: ("owner" | "admin" | "host")[] };

// Every team, invite and location route that takes an id, with every kind of A's id it accepts.
const routes: Record<string, Route> = {
  "GET a location": { method: "GET", path: () => `/api/locations/${a.owner.locationId}`, roles: ["owner", "admin", "host"] },
  "GET a second location": { method: "GET", path: () => `/api/locations/${a.secondLocationId}`, roles: ["owner", "admin", "host"] },
  "PATCH a location's name": { method: "PATCH", path: () => `/api/locations/${a.owner.locationId}`, body: { name: "Hijacked" }, roles: ["owner", "admin"] },
  "PATCH a location's slug": { method: "PATCH", path: () => `/api/locations/${a.secondLocationId}`, body: { slug: "stolen-slug-b" }, roles: ["owner", "admin"] },
  "DELETE a location": { method: "DELETE", path: () => `/api/locations/${a.owner.locationId}`, roles: ["owner", "admin"] },
  "PATCH the owner's role": { method: "PATCH", path: () => `/api/team/members/${a.owner.userId}`, body: { role: "host" }, roles: ["owner", "admin"] },
  "PATCH a host's role": { method: "PATCH", path: () => `/api/team/members/${a.hostId}`, body: { role: "admin" }, roles: ["owner", "admin"] },
  "PATCH an admin's role to owner": { method: "PATCH", path: () => `/api/team/members/${a.adminId}`, body: { role: "owner" }, roles: ["owner"] },
  "DELETE the owner": { method: "DELETE", path: () => `/api/team/members/${a.owner.userId}`, roles: ["owner", "admin"] },
  "DELETE a host": { method: "DELETE", path: () => `/api/team/members/${a.hostId}`, roles: ["owner", "admin"] },
  "DELETE a pending invite": { method: "DELETE", path: () => `/api/team/invites/${a.pendingInviteId}`, roles: ["owner", "admin"] },
  "DELETE an accepted invite": { method: "DELETE", path: () => `/api/team/invites/${a.acceptedInviteId}`, roles: ["owner", "admin"] },
  "POST resend a pending invite": { method: "POST", path: () => `/api/team/invites/${a.pendingInviteId}/resend`, roles: ["owner", "admin"] },
  "POST resend an accepted invite": { method: "POST", path: () => `/api/team/invites/${a.acceptedInviteId}/resend`, roles: ["owner", "admin"] },
};

const cases = Object.entries(routes).flatMap(([name, route]) => route.roles.map((role) => [name, role, route] as const));

describe("account B using account A's ids", () => {
  it.each(cases)("%s as B's %s: 404, no data, nothing in A changed", async (_name, role, route) => {
    const before = await accountRows(a.owner.accountId);
    const res = await call(route.method, route.path(), { token: b[role].token, body: route.body });
    expectError(res, 404, "not_found");
    // Not a single id, name or email of A in the answer.
    for (const secret of [a.owner.accountId, a.owner.locationId, a.owner.userId, a.owner.email, a.hostId, a.pendingInviteId, "Account A"]) {
      expect(res.text).not.toContain(secret);
    }
    expect(await accountRows(a.owner.accountId)).toEqual(before);
  });

  it.each(Object.entries(routes))("%s: A's id answers exactly like an id that exists nowhere", async (_name, route) => {
    const real = await call(route.method, route.path(), { token: b.owner.token, body: route.body });
    const path = route.path().replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, crypto.randomUUID());
    const nowhere = await call(route.method, path, { token: b.owner.token, body: route.body });
    expect(real.status).toBe(nowhere.status);
    expect(real.json).toEqual(nowhere.json);
  });

  it("leaves A fully working afterwards", async () => {
    const loc = await call("GET", `/api/locations/${a.owner.locationId}`, { token: a.owner.token });
    expect(loc.status).toBe(200);
    expect(loc.json.name).toBe("Account A");
    const members = await call("GET", "/api/team/members", { token: a.owner.token });
    expect(members.json.members.map((m: any) => [m.id, m.role]).sort()).toEqual(
      [
        [a.owner.userId, "owner"],
        [a.hostId, "host"],
        [a.adminId, "admin"],
      ].sort(),
    );
    const invites = await call("GET", "/api/team/invites", { token: a.owner.token });
    expect(invites.json.invites.find((i: any) => i.id === a.pendingInviteId).status).toBe("pending");
  });
});
