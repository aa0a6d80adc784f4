// Admins manage hosts and admins; only owners touch the owner role.
import { describe, expect, it } from "vitest";
import { addMember, call, signUp, uniqueEmail } from "../helpers/api";
import { expectError, fingerprint, preview, sendInvite } from "./support";

async function team() {
  const owner = await signUp();
  const admin = await addMember(owner, "admin");
  return { owner, admin };
}

describe("an admin", () => {
  it("can invite hosts and admins", async () => {
    const { admin } = await team();
    for (const role of ["host", "admin"]) {
      const res = await call("POST", "/api/team/invites", { token: admin.token, body: { email: uniqueEmail(role), role } });
      expect(res.status).toBe(201);
    }
  });

  it("cannot invite an owner (403) and nothing is sent", async () => {
    const { admin } = await team();
    const before = await fingerprint();
    const res = await call("POST", "/api/team/invites", { token: admin.token, body: { email: uniqueEmail("would-be-owner"), role: "owner" } });
    expectError(res, 403, "forbidden");
    expect(res.json.error.message).toBe("Only an owner can grant the owner role or change an owner.");
    expect(await fingerprint()).toEqual(before);
  });

  it("cannot revoke or resend an owner's invitation (403)", async () => {
    const { owner, admin } = await team();
    const ownerInvite = await sendInvite(owner, "owner");
    const before = await fingerprint();
    expectError(await call("DELETE", `/api/team/invites/${ownerInvite.inviteId}`, { token: admin.token }), 403, "forbidden");
    expectError(await call("POST", `/api/team/invites/${ownerInvite.inviteId}/resend`, { token: admin.token }), 403, "forbidden");
    expect(await fingerprint()).toEqual(before);
  });

  it("cannot replace an owner's invitation by inviting the same email again (403); the owner invite stays pending", async () => {
    const { owner, admin } = await team();
    const email = uniqueEmail("future-owner");
    const ownerInvite = await sendInvite(owner, "owner", email);
    const before = await fingerprint();
    const res = await call("POST", "/api/team/invites", { token: admin.token, body: { email, role: "host" } });
    expectError(res, 403, "forbidden");
    expect(await fingerprint()).toEqual(before);
    expect((await preview(ownerInvite.token)).status).toBe(200);
  });

  it("can replace a host invitation with an admin one", async () => {
    const { owner, admin } = await team();
    const email = uniqueEmail("upgrade");
    const first = await sendInvite(owner, "host", email);
    const second = await sendInvite(admin, "admin", email);
    expectError(await preview(first.token), 410, "gone");
    expect((await preview(second.token)).json.role).toBe("admin");
  });

  it("can list, revoke and resend host and admin invitations", async () => {
    const { owner, admin } = await team();
    const a = await sendInvite(owner, "host");
    const b = await sendInvite(owner, "admin");
    expect((await call("GET", "/api/team/invites", { token: admin.token })).status).toBe(200);
    expect((await call("POST", `/api/team/invites/${a.inviteId}/resend`, { token: admin.token })).status).toBe(200);
    expect((await call("DELETE", `/api/team/invites/${b.inviteId}`, { token: admin.token })).status).toBe(204);
  });

  it("can promote a host to admin and demote an admin to host", async () => {
    const { owner, admin } = await team();
    const host = await addMember(owner, "host");
    const other = await addMember(owner, "admin");
    const up = await call("PATCH", `/api/team/members/${host.userId}`, { token: admin.token, body: { role: "admin" } });
    expect(up.status).toBe(200);
    expect(up.json).toMatchObject({ id: host.userId, role: "admin" });
    const down = await call("PATCH", `/api/team/members/${other.userId}`, { token: admin.token, body: { role: "host" } });
    expect(down.status).toBe(200);
    expect(down.json.role).toBe("host");
  });

  it("cannot promote anyone to owner, itself included (403)", async () => {
    const { owner, admin } = await team();
    const host = await addMember(owner, "host");
    const before = await fingerprint();
    for (const id of [host.userId, admin.userId]) {
      const res = await call("PATCH", `/api/team/members/${id}`, { token: admin.token, body: { role: "owner" } });
      expectError(res, 403, "forbidden");
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("cannot demote or remove an owner (403), even with several owners", async () => {
    const { owner, admin } = await team();
    await addMember(owner, "owner");
    const before = await fingerprint();
    for (const role of ["admin", "host"]) {
      expectError(await call("PATCH", `/api/team/members/${owner.userId}`, { token: admin.token, body: { role } }), 403, "forbidden");
    }
    expectError(await call("DELETE", `/api/team/members/${owner.userId}`, { token: admin.token }), 403, "forbidden");
    expect(await fingerprint()).toEqual(before);
  });

  it("can remove hosts and other admins (204)", async () => {
    const { owner, admin } = await team();
    const host = await addMember(owner, "host");
    const other = await addMember(owner, "admin");
    expect((await call("DELETE", `/api/team/members/${host.userId}`, { token: admin.token })).status).toBe(204);
    expect((await call("DELETE", `/api/team/members/${other.userId}`, { token: admin.token })).status).toBe(204);
    const members = await call("GET", "/api/team/members", { token: admin.token });
    expect(members.json.members.map((m: any) => m.id).sort()).toEqual([owner.userId, admin.userId].sort());
  });

  it("can create, change and delete locations", async () => {
    const { admin } = await team();
    const created = await call("POST", "/api/locations", { token: admin.token, body: { name: "Admin Annex", timezone: "UTC" } });
    expect(created.status).toBe(201);
    const patched = await call("PATCH", `/api/locations/${created.json.id}`, { token: admin.token, body: { name: "Admin Annex II" } });
    expect(patched.status).toBe(200);
    expect((await call("DELETE", `/api/locations/${created.json.id}`, { token: admin.token })).status).toBe(204);
  });

  it("loses admin rights at once when demoted to host", async () => {
    const { owner, admin } = await team();
    expect((await call("GET", "/api/team/invites", { token: admin.token })).status).toBe(200);
    await call("PATCH", `/api/team/members/${admin.userId}`, { token: owner.token, body: { role: "host" } });
    expectError(await call("GET", "/api/team/invites", { token: admin.token }), 403, "forbidden");
  });
});
