// Team changes leave audit rows: what, who, on what, and from which IP (CF-Connecting-IP).
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { accept, auditRows, freshIp, sendInvite } from "./support";

describe("the team audit trail", () => {
  it("records invite.created with the actor, the invite and the IP", async () => {
    const owner = await signUp();
    const ip = freshIp();
    const sent = await sendInvite(owner, "admin", undefined, ip);
    expect(await auditRows({ action: "invite.created", targetId: sent.inviteId })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: owner.userId, target_type: "invite", ip, detail: JSON.stringify({ role: "admin" }) }),
    ]);
  });

  it("records invite.revoked", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    const sent = await sendInvite(owner);
    const ip = freshIp();
    await call("DELETE", `/api/team/invites/${sent.inviteId}`, { token: admin.token, ip });
    expect(await auditRows({ action: "invite.revoked", targetId: sent.inviteId })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: admin.userId, target_type: "invite", ip }),
    ]);
  });

  it("records invite.resent", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const ip = freshIp();
    await call("POST", `/api/team/invites/${sent.inviteId}/resend`, { token: owner.token, ip });
    expect(await auditRows({ action: "invite.resent", targetId: sent.inviteId })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: owner.userId, target_type: "invite", ip }),
    ]);
  });

  it("records invite.accepted with the new user as the actor", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const ip = freshIp();
    const res = await accept(sent.token, undefined, ip);
    expect(await auditRows({ action: "invite.accepted", targetId: sent.inviteId })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: res.json.user.id, target_type: "invite", ip }),
    ]);
  });

  it("records member.role_changed with the old and new role", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    const ip = freshIp();
    await call("PATCH", `/api/team/members/${host.userId}`, { token: owner.token, body: { role: "admin" }, ip });
    expect(await auditRows({ action: "member.role_changed", targetId: host.userId })).toEqual([
      expect.objectContaining({
        account_id: owner.accountId,
        user_id: owner.userId,
        target_type: "user",
        ip,
        detail: JSON.stringify({ from: "host", to: "admin" }),
      }),
    ]);
  });

  it("records member.removed with the removed member's role", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    const ip = freshIp();
    await call("DELETE", `/api/team/members/${admin.userId}`, { token: owner.token, ip });
    expect(await auditRows({ action: "member.removed", targetId: admin.userId })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: owner.userId, target_type: "user", ip, detail: JSON.stringify({ role: "admin" }) }),
    ]);
  });

  it("records nothing for refused changes", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    await call("PATCH", `/api/team/members/${owner.userId}`, { token: owner.token, body: { role: "admin" } });
    await call("DELETE", `/api/team/members/${owner.userId}`, { token: admin.token });
    await call("PATCH", `/api/team/members/${admin.userId}`, { token: owner.token, body: { role: "admin" } });
    expect(await auditRows({ action: "member.role_changed", accountId: owner.accountId })).toEqual([]);
    expect(await auditRows({ action: "member.removed", accountId: owner.accountId })).toEqual([]);
  });
});
