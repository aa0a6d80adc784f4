// Owners can do everything on the team, including to other owners.
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { accept, sendInvite } from "./support";

describe("an owner", () => {
  it("can invite another owner, who joins as owner", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner, "owner");
    const res = await accept(sent.token);
    expect(res.status).toBe(201);
    expect(res.json.user.role).toBe("owner");
  });

  it("can promote an admin to owner", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    const res = await call("PATCH", `/api/team/members/${admin.userId}`, { token: owner.token, body: { role: "owner" } });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe("owner");
    const me = await call("GET", "/api/me", { token: admin.token });
    expect(me.json.user.role).toBe("owner");
  });

  it("can demote another owner", async () => {
    const owner = await signUp();
    const second = await addMember(owner, "owner");
    const res = await call("PATCH", `/api/team/members/${second.userId}`, { token: owner.token, body: { role: "host" } });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe("host");
  });

  it("can remove another owner", async () => {
    const owner = await signUp();
    const second = await addMember(owner, "owner");
    expect((await call("DELETE", `/api/team/members/${second.userId}`, { token: owner.token })).status).toBe(204);
  });

  it("can revoke and resend an owner invitation", async () => {
    const owner = await signUp();
    const a = await sendInvite(owner, "owner");
    const b = await sendInvite(owner, "owner");
    expect((await call("POST", `/api/team/invites/${a.inviteId}/resend`, { token: owner.token })).status).toBe(200);
    expect((await call("DELETE", `/api/team/invites/${b.inviteId}`, { token: owner.token })).status).toBe(204);
  });

  it("gets the member back unchanged when setting the role it already has", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    const res = await call("PATCH", `/api/team/members/${host.userId}`, { token: owner.token, body: { role: "host" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: host.userId, accountId: owner.accountId, email: host.email, name: "A host", role: "host" });
  });
});
