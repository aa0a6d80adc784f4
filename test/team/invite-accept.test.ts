// POST /api/invites/:token/accept — creates the user with the invited email and signs them in, once.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, GOOD_PASSWORD, signUp } from "../helpers/api";
import { accept, expectError, freshIp, preview, sendInvite } from "./support";

describe("POST /api/invites/:token/accept", () => {
  it("creates the user with the invited email and role and signs in (201, working token)", async () => {
    const owner = await signUp({ accountName: "Accepting Arms" });
    const sent = await sendInvite(owner, "admin");
    const res = await accept(sent.token, { name: "Ada Admin", password: GOOD_PASSWORD });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      tokenType: "Bearer",
      user: { email: sent.email, name: "Ada Admin", role: "admin", accountId: owner.accountId },
      account: { id: owner.accountId, name: "Accepting Arms" },
    });
    const me = await call("GET", "/api/me", { token: res.json.token });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ id: res.json.user.id, email: sent.email, role: "admin" });
  });

  it("gives the invited role: a host invite makes a host", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner, "host");
    const res = await accept(sent.token);
    expect(res.status).toBe(201);
    expect(res.json.user.role).toBe("host");
    const invites = await call("GET", "/api/team/invites", { token: res.json.token });
    expectError(invites, 403, "forbidden");
  });

  it("stores the new user's password as a bcrypt hash, and the password signs in", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const res = await accept(sent.token, { name: "Hal Host", password: "Another-Good-77" });
    const row = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(res.json.user.id).first<{ password_hash: string }>();
    expect(row!.password_hash).toMatch(/^\$2[aby]\$\d{2}\$/);
    expect(row!.password_hash).not.toContain("Another-Good-77");
    const login = await call("POST", "/api/auth/login", { body: { email: sent.email, password: "Another-Good-77" }, ip: freshIp() });
    expect(login.status).toBe(200);
  });

  it("marks the invitation accepted", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const res = await accept(sent.token);
    const list = await call("GET", "/api/team/invites", { token: owner.token });
    expect(list.json.invites.find((i: any) => i.id === sent.inviteId).status).toBe("accepted");
    const row = await env.DB.prepare("SELECT accepted_user_id FROM invites WHERE id = ?").bind(sent.inviteId).first();
    expect(row!.accepted_user_id).toBe(res.json.user.id);
  });

  it("works once: a second accept and a later GET answer 410 with a clear message", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    expect((await accept(sent.token)).status).toBe(201);
    const again = await accept(sent.token, { name: "Someone Else", password: GOOD_PASSWORD });
    expectError(again, 410, "gone");
    expect(again.json.error.message).toBe("This invitation has already been used. Sign in instead.");
    const look = await preview(sent.token);
    expectError(look, 410, "gone");
    expect(look.json.error.message).toMatch(/already been used/);
    const users = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE email = ?").bind(sent.email).first<{ n: number }>();
    expect(users!.n).toBe(1);
  });

  it("lets only one of several simultaneous accepts through", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const results = await Promise.all([1, 2, 3, 4].map((n) => accept(sent.token, { name: `Racer ${n}`, password: GOOD_PASSWORD })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expect([409, 410]).toContain(r.status);
    const users = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE email = ?").bind(sent.email).first<{ n: number }>();
    expect(users!.n).toBe(1);
  });

  it("refuses a weak password with the rule that failed, and the link still works afterwards", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const weak = await accept(sent.token, { name: "Wes Weak", password: "password" });
    expectError(weak, 400, "validation_failed");
    expect(weak.json.error.details.length).toBeGreaterThan(0);
    expect(weak.json.error.details[0].path).toBe("password");
    expect((await preview(sent.token)).status).toBe(200);
    expect((await accept(sent.token)).status).toBe(201);
  });

  it("answers 404 with a clear message for an unknown token", async () => {
    const res = await accept("Z".repeat(43));
    expectError(res, 404, "not_found");
    expect(res.json.error.message).toBe("This invitation link is not valid. Ask for a new invitation.");
  });

  it("records the sign-in as a live session for the new user", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const ip = freshIp();
    const res = await accept(sent.token, undefined, ip);
    const s = await env.DB.prepare("SELECT ip, ended_at FROM sessions WHERE user_id = ?").bind(res.json.user.id).all();
    expect(s.results).toEqual([{ ip, ended_at: null }]);
  });
});
