// DELETE /api/team/members/:userId — the user is gone and so are their sessions.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call, GOOD_PASSWORD, signUp } from "../helpers/api";
import { expectError, freshIp, login } from "./support";

describe("removing a member", () => {
  it("answers 204 and their token then answers 401", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    expect((await call("GET", "/api/me", { token: host.token })).status).toBe(200);
    expect((await call("DELETE", `/api/team/members/${host.userId}`, { token: owner.token })).status).toBe(204);
    expectError(await call("GET", "/api/me", { token: host.token }), 401, "unauthorized");
    expectError(await call("GET", "/api/locations", { token: host.token }), 401, "unauthorized");
  });

  it("ends every session the member had, on every device", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    const second = await login(admin.email);
    await call("DELETE", `/api/team/members/${admin.userId}`, { token: owner.token });
    for (const token of [admin.token, second]) expectError(await call("GET", "/api/me", { token }), 401, "unauthorized");
    const live = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ? AND ended_at IS NULL").bind(admin.userId).first<{ n: number }>();
    expect(live!.n).toBe(0);
  });

  it("deletes the user: gone from D1 and the member list, and the password no longer signs in", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    await call("DELETE", `/api/team/members/${host.userId}`, { token: owner.token });
    expect(await env.DB.prepare("SELECT id FROM users WHERE id = ?").bind(host.userId).first()).toBeNull();
    const members = await call("GET", "/api/team/members", { token: owner.token });
    expect(members.json.members.map((m: any) => m.id)).not.toContain(host.userId);
    const res = await call("POST", "/api/auth/login", { body: { email: host.email, password: GOOD_PASSWORD }, ip: freshIp() });
    expectError(res, 401, "invalid_credentials");
  });

  it("answers 404 the second time", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    expect((await call("DELETE", `/api/team/members/${host.userId}`, { token: owner.token })).status).toBe(204);
    expectError(await call("DELETE", `/api/team/members/${host.userId}`, { token: owner.token }), 404, "not_found");
    expectError(await call("PATCH", `/api/team/members/${host.userId}`, { token: owner.token, body: { role: "admin" } }), 404, "not_found");
  });

  it("leaves the other members signed in", async () => {
    const owner = await signUp();
    const host = await addMember(owner, "host");
    const admin = await addMember(owner, "admin");
    await call("DELETE", `/api/team/members/${host.userId}`, { token: admin.token });
    expect((await call("GET", "/api/me", { token: owner.token })).status).toBe(200);
    expect((await call("GET", "/api/me", { token: admin.token })).status).toBe(200);
  });
});
