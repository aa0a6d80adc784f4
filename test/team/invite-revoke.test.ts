// DELETE /api/team/invites/:inviteId — a withdrawn link stops working.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { accept, expectError, preview, sendInvite } from "./support";

describe("revoking an invitation", () => {
  it("answers 204 and the link then answers 410 with a clear message, for GET and accept", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const res = await call("DELETE", `/api/team/invites/${sent.inviteId}`, { token: owner.token });
    expect(res.status).toBe(204);
    const look = await preview(sent.token);
    expectError(look, 410, "gone");
    expect(look.json.error.message).toBe("This invitation was withdrawn. Ask your team for a new one.");
    expectError(await accept(sent.token), 410, "gone");
    const row = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE email = ?").bind(sent.email).first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it("shows the invitation as revoked in the list", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    await call("DELETE", `/api/team/invites/${sent.inviteId}`, { token: owner.token });
    const list = await call("GET", "/api/team/invites", { token: owner.token });
    expect(list.json.invites.find((i: any) => i.id === sent.inviteId).status).toBe("revoked");
  });

  it("is idempotent: revoking again answers 204 and keeps the first revocation time", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    await call("DELETE", `/api/team/invites/${sent.inviteId}`, { token: owner.token });
    const first = await env.DB.prepare("SELECT revoked_at FROM invites WHERE id = ?").bind(sent.inviteId).first();
    expect((await call("DELETE", `/api/team/invites/${sent.inviteId}`, { token: owner.token })).status).toBe(204);
    const second = await env.DB.prepare("SELECT revoked_at FROM invites WHERE id = ?").bind(sent.inviteId).first();
    expect(second).toEqual(first);
  });

  it("refuses to revoke an accepted invitation (409): the member is removed instead", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    await accept(sent.token);
    const res = await call("DELETE", `/api/team/invites/${sent.inviteId}`, { token: owner.token });
    expectError(res, 409, "conflict");
    expect(res.json.error.message).toMatch(/remove the member/);
  });

  it("answers 404 for an invitation id that does not exist", async () => {
    const owner = await signUp();
    expectError(await call("DELETE", `/api/team/invites/${crypto.randomUUID()}`, { token: owner.token }), 404, "not_found");
  });
});
