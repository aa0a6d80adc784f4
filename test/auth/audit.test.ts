// Every sign-in event leaves an audit row: who, what, when, and from which IP.
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, linkFromEmail, tokenFromPath, uniqueEmail } from "../helpers/api";
import { all, auditRows, freezeTime, freshIp, login, newOwner, resetToken } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

describe("audit log of sign-in events", () => {
  it("auth.signup, with the account, the new owner and the IP that confirmed", async () => {
    const email = uniqueEmail("audited");
    const ip = freshIp();
    await call("POST", "/api/auth/signup", { ip, body: { accountName: "Audit Arms", name: "Al", email, password: "Audit-Trail-12" } });
    const token = tokenFromPath(await linkFromEmail(email, /Confirm your email/));
    const at = Date.now();
    freezeTime(at);
    const confirm = await call("POST", "/api/auth/signup/confirm", { ip, body: { token } });
    expect(confirm.status).toBe(201);
    expect(await auditRows("auth.signup", { userId: confirm.json.user.id })).toEqual([
      { action: "auth.signup", account_id: confirm.json.account.id, user_id: confirm.json.user.id, ip, created_at: at },
    ]);
  });

  it("auth.login for a successful sign-in", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const at = Date.now();
    freezeTime(at);
    expect((await login(owner.email, owner.password, ip)).status).toBe(200);
    expect(await auditRows("auth.login", { userId: owner.userId })).toEqual([
      { action: "auth.login", account_id: owner.accountId, user_id: owner.userId, ip, created_at: at },
    ]);
  });

  it("auth.login_failed for a wrong password (with the user) and for an unknown email (with no one)", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    expect((await login(owner.email, "Wrong-Pass-1!", ip)).status).toBe(401);
    expect(await auditRows("auth.login_failed", { userId: owner.userId })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: owner.userId, ip }),
    ]);
    const strangerIp = freshIp();
    expect((await login(uniqueEmail("stranger"), "Wrong-Pass-1!", strangerIp)).status).toBe(401);
    expect(await auditRows("auth.login_failed", { ip: strangerIp })).toEqual([
      expect.objectContaining({ account_id: null, user_id: null, ip: strangerIp }),
    ]);
  });

  it("auth.logout", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    expect((await call("POST", "/api/auth/logout", { token: owner.token, ip })).status).toBe(204);
    expect(await auditRows("auth.logout", { userId: owner.userId })).toEqual([expect.objectContaining({ account_id: owner.accountId, ip })]);
  });

  it("auth.password_changed", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const res = await call("POST", "/api/auth/password", { token: owner.token, ip, body: { currentPassword: owner.password, newPassword: "Audit-Changed-3" } });
    expect(res.status).toBe(200);
    expect(await auditRows("auth.password_changed", { userId: owner.userId })).toEqual([expect.objectContaining({ account_id: owner.accountId, ip })]);
  });

  it("auth.password_reset_requested and auth.password_reset", async () => {
    const owner = await newOwner();
    const askIp = freshIp();
    const useIp = freshIp();
    const token = await resetToken(owner.email, askIp);
    expect(await auditRows("auth.password_reset_requested", { userId: owner.userId })).toEqual([expect.objectContaining({ ip: askIp })]);
    expect((await call("POST", `/api/auth/password-reset/${token}`, { ip: useIp, body: { password: "Audit-Reset-44" } })).status).toBe(200);
    expect(await auditRows("auth.password_reset", { userId: owner.userId })).toEqual([expect.objectContaining({ account_id: owner.accountId, ip: useIp })]);
  });

  it("records no email address or password in any auth row", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    await login(owner.email, "Typo-Pass-99!", ip);
    await login(owner.email, owner.password, ip);
    const rows = await all<Record<string, unknown>>("SELECT * FROM audit_log WHERE action LIKE 'auth.%'");
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(owner.email);
    expect(text).not.toContain(owner.password);
    expect(text).not.toContain("Typo-Pass-99!");
  });
});
