// Issue 20, item 7: team and invite routes look the id up in the caller's account before checking the
// role, so another account's ids answer 404 at every role (a host included), and 403 is only for an id
// of the caller's own account that their role may not touch.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { accountRows, expectError, sendInvite } from "./support";

let a: { owner: SignedUp; hostId: string; adminId: string; pendingInviteId: string };
let bHost: { token: string };
let aHost: { token: string };

beforeAll(async () => {
  const owner = await signUp({ accountName: "Account A" });
  const host = await addMember(owner, "host");
  const admin = await addMember(owner, "admin");
  const pending = await sendInvite(owner, "host");
  a = { owner, hostId: host.userId, adminId: admin.userId, pendingInviteId: pending.inviteId };
  aHost = host;
  const b = await signUp({ accountName: "Account B" });
  bHost = await addMember(b, "host");
});

const routes: [string, string, () => string, unknown][] = [
  ["PATCH a member's role", "PATCH", () => `/api/team/members/${a.adminId}`, { role: "host" }],
  ["DELETE a member", "DELETE", () => `/api/team/members/${a.hostId}`, undefined],
  ["POST resend an invite", "POST", () => `/api/team/invites/${a.pendingInviteId}/resend`, undefined],
  ["DELETE an invite", "DELETE", () => `/api/team/invites/${a.pendingInviteId}`, undefined],
];

describe("team and invite ids: tenancy before role", () => {
  it.each(routes)("%s with another account's id as a host: 404, nothing changed", async (_name, method, path, body) => {
    const before = await accountRows(a.owner.accountId);
    const res = await call(method, path(), { token: bHost.token, body });
    expectError(res, 404, "not_found");
    expect(res.text).not.toContain(a.owner.accountId);
    expect(await accountRows(a.owner.accountId)).toEqual(before);
  });

  it.each(routes)("%s with an id of nowhere as a host: the same 404", async (_name, method, path, body) => {
    const real = await call(method, path(), { token: bHost.token, body });
    const nowhere = await call(method, path().replace(/[0-9a-f-]{36}/, crypto.randomUUID()), { token: bHost.token, body });
    expect([real.status, real.json]).toEqual([nowhere.status, nowhere.json]);
  });

  it.each(routes)("%s with the host's own account's id: 403 (the role is what is missing)", async (_name, method, path, body) => {
    const before = await accountRows(a.owner.accountId);
    const res = await call(method, path(), { token: aHost.token, body });
    expectError(res, 403, "forbidden");
    expect(await accountRows(a.owner.accountId)).toEqual(before);
  });
});
