// B's lists show B's rows only, whatever A has.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { sendInvite } from "../team/support";

let a: SignedUp;
let b: SignedUp;
const aIds = new Set<string>();

beforeAll(async () => {
  a = await signUp({ accountName: "Lists A" });
  aIds.add(a.userId).add(a.locationId);
  aIds.add((await addMember(a, "admin")).userId);
  aIds.add((await sendInvite(a, "host")).inviteId);
  aIds.add((await call("POST", "/api/locations", { token: a.token, body: { name: "Lists A Two", timezone: "UTC" } })).json.id);
  b = await signUp({ accountName: "Lists B" });
});

describe("B's lists", () => {
  it("GET /api/locations lists only B's locations", async () => {
    const res = await call("GET", "/api/locations", { token: b.token });
    expect(res.json.locations.map((l: any) => l.id)).toEqual([b.locationId]);
    for (const id of aIds) expect(res.text).not.toContain(id);
  });

  it("GET /api/team/members lists only B's members", async () => {
    const host = await addMember(b, "host");
    const res = await call("GET", "/api/team/members", { token: host.token });
    expect(res.json.members.map((m: any) => m.id).sort()).toEqual([b.userId, host.userId].sort());
    for (const m of res.json.members) expect(m.accountId).toBe(b.accountId);
    expect(res.text).not.toContain(a.email);
  });

  it("GET /api/team/invites lists only B's invitations", async () => {
    const empty = await call("GET", "/api/team/invites", { token: b.token });
    expect(empty.json.invites.filter((i: any) => aIds.has(i.id))).toEqual([]);
    const mine = await sendInvite(b, "admin");
    const res = await call("GET", "/api/team/invites", { token: b.token });
    expect(res.json.invites.map((i: any) => i.id)).toContain(mine.inviteId);
    for (const id of aIds) expect(res.text).not.toContain(id);
  });

  it("stay separate for an email invited by both accounts", async () => {
    const shared = `both.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const fromA = await sendInvite(a, "host", shared);
    const fromB = await sendInvite(b, "host", shared);
    const listA = await call("GET", "/api/team/invites", { token: a.token });
    const listB = await call("GET", "/api/team/invites", { token: b.token });
    expect(listA.json.invites.map((i: any) => i.id)).toContain(fromA.inviteId);
    expect(listA.json.invites.map((i: any) => i.id)).not.toContain(fromB.inviteId);
    expect(listB.json.invites.map((i: any) => i.id)).toContain(fromB.inviteId);
    expect(listB.json.invites.map((i: any) => i.id)).not.toContain(fromA.inviteId);
  });
});
