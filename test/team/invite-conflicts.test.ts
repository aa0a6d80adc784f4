// Invitations that would clash with existing users.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { accept, expectError, fingerprint, preview, sendInvite } from "./support";

describe("invitation conflicts", () => {
  it("refuses to invite an existing member of the same account (409) and sends nothing", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    const before = await fingerprint();
    const res = await call("POST", "/api/team/invites", { token: owner.token, body: { email: host.email.toUpperCase(), role: "admin" } });
    expectError(res, 409, "conflict");
    expect(res.json.error.message).toBe("This person is already a member of your team.");
    expect(res.json.error.details).toEqual([{ path: "email", message: "Already a member." }]);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses an owner inviting themselves (409)", async () => {
    const owner = await signUp();
    expectError(await call("POST", "/api/team/invites", { token: owner.token, body: { email: owner.email, role: "admin" } }), 409, "conflict");
  });

  it("refuses to accept when the email already has an account elsewhere (409); the invitation stays pending", async () => {
    const elsewhere = await signUp();
    const owner = await signUp();
    const sent = await sendInvite(owner, "host", elsewhere.email);
    const res = await accept(sent.token);
    expectError(res, 409, "conflict");
    expect(res.json.error.message).toMatch(/already has a Seatline account/);
    const user = await env.DB.prepare("SELECT account_id, role FROM users WHERE email = ?").bind(elsewhere.email).all();
    expect(user.results).toEqual([{ account_id: elsewhere.accountId, role: "owner" }]);
    expect((await preview(sent.token)).status).toBe(200);
    const list = await call("GET", "/api/team/invites", { token: owner.token });
    expect(list.json.invites.find((i: any) => i.id === sent.inviteId).status).toBe("pending");
  });

  it("lets a removed member be invited again and accept", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    expect((await call("DELETE", `/api/team/members/${host.userId}`, { token: owner.token })).status).toBe(204);
    const sent = await sendInvite(owner, "admin", host.email);
    const res = await accept(sent.token);
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email: host.email, role: "admin" });
    expect(res.json.user.id).not.toBe(host.userId);
  });
});
