// Sign-in: a session for the right password, one indistinguishable 401 for anything else.
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, linkFromEmail, uniqueEmail } from "../helpers/api";
import { expectError, first, freezeTime, freshIp, login, me, newOwner, sessionIdOf } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

describe("login", () => {
  it("returns a bearer token, the user and the account for the right password", async () => {
    const owner = await newOwner({ accountName: "Login Lodge" });
    const ip = freshIp();
    const res = await login(owner.email, owner.password, ip);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: "Bearer",
      expiresAt: expect.any(String),
      idleTimeoutSeconds: 86400,
      user: { id: owner.userId, accountId: owner.accountId, email: owner.email, name: "Owner", role: "owner" },
      account: { id: owner.accountId, name: "Login Lodge" },
    });
    // The absolute end is 30 days out.
    const session = await first<{ created_at: number; expires_at: number; ip: string; user_id: string }>(
      "SELECT created_at, expires_at, ip, user_id FROM sessions WHERE id = ?",
      sessionIdOf(res.json.token),
    );
    expect(session).toMatchObject({ user_id: owner.userId, ip });
    expect(session!.expires_at - session!.created_at).toBe(30 * 24 * 3600_000);
    expect(new Date(res.json.expiresAt).getTime()).toBe(session!.expires_at);
    expect((await me(res.json.token)).status).toBe(200);
  });

  it("records the time of the last sign-in on the user", async () => {
    const owner = await newOwner();
    const at = Date.now() + 5 * 60_000;
    freezeTime(at);
    expect((await login(owner.email, owner.password, freshIp())).status).toBe(200);
    expect(await first("SELECT last_login_at FROM users WHERE id = ?", owner.userId)).toEqual({ last_login_at: at });
  });

  it("gives every login its own session", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const a = await login(owner.email, owner.password, ip);
    const b = await login(owner.email, owner.password, ip);
    expect(sessionIdOf(a.json.token)).not.toBe(sessionIdOf(b.json.token));
    expect((await me(a.json.token)).status).toBe(200);
    expect((await me(b.json.token)).status).toBe(200);
  });

  it("answers a wrong password and an unknown email with the same 401 body", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const wrong = await login(owner.email, "Not-The-Password-1", ip);
    const unknown = await login(uniqueEmail("nobody"), "Not-The-Password-1", ip);
    expectError(wrong, 401, "invalid_credentials");
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.text).toBe(wrong.text);
    expect(unknown.headers.get("WWW-Authenticate")).toBe(wrong.headers.get("WWW-Authenticate"));
    expect(wrong.json.token).toBeUndefined();
  });

  it("treats the password as case-sensitive and untrimmed", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    expectError(await login(owner.email, owner.password.toLowerCase(), ip), 401, "invalid_credentials");
    expectError(await login(owner.email, ` ${owner.password}`, ip), 401, "invalid_credentials");
    expectError(await login(owner.email, `${owner.password} `, ip), 401, "invalid_credentials");
  });

  it("matches the email without regard to case or surrounding spaces", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const res = await login(`  ${owner.email.toUpperCase()}\t`, owner.password, ip);
    expect(res.status).toBe(200);
    expect(res.json.user.email).toBe(owner.email);
  });

  it("does not sign in a pending sign-up that was never confirmed", async () => {
    const email = uniqueEmail("unconfirmed");
    const ip = freshIp();
    await call("POST", "/api/auth/signup", { ip, body: { accountName: "Pending", name: "P", email, password: "Pending-Pass-1" } });
    await linkFromEmail(email, /Confirm your email/);
    expect(await first("SELECT id FROM pending_signups WHERE email = ?", email)).not.toBeNull();
    expectError(await login(email, "Pending-Pass-1", ip), 401, "invalid_credentials");
  });
});
