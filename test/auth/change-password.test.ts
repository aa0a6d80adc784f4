// Changing the password while signed in: the current password is required; success keeps this
// session, ends the others, and is audited.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { all, auditRows, expectError, freshIp, login, loginThrottle, me, newOwner, passwordHashOf, resetToken, retryAfter, sessionRow } from "./support";

const NEW_PASSWORD = "Changed-Mind-64";
const change = (token: string, ip: string, currentPassword: string, newPassword: string) =>
  call("POST", "/api/auth/password", { token, ip, body: { currentPassword, newPassword } });

describe("POST /api/auth/password", () => {
  it("refuses a wrong current password with 400 naming currentPassword, and changes nothing", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const other = await login(owner.email, owner.password, ip);
    const hash = await passwordHashOf(owner.email);
    const res = await change(owner.token, ip, "Not-My-Password-1", NEW_PASSWORD);
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "currentPassword" })]);
    expect(await passwordHashOf(owner.email)).toBe(hash);
    expect((await me(other.json.token)).status).toBe(200);
    expect((await login(owner.email, owner.password, ip)).status).toBe(200);
    expect(await auditRows("auth.password_changed", { userId: owner.userId })).toHaveLength(0);
  });

  it("counts wrong current passwords toward the sign-in lock", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await change(owner.token, ip, `Wrong-${i}-Pass!`, NEW_PASSWORD)).status).toBe(400);
    expect((await loginThrottle(owner.email))!.consecutive_failures).toBe(10);
    const locked = await change(owner.token, ip, owner.password, NEW_PASSWORD);
    expectError(locked, 429, "rate_limited");
    expect(retryAfter(locked)).toBeGreaterThan(0);
    expect((await login(owner.email, owner.password, ip)).status).toBe(429);
  });

  it("changes the password, keeps the current session and ends the others", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const second = await login(owner.email, owner.password, ip);
    const third = await login(owner.email, owner.password, freshIp());
    const res = await change(second.json.token, ip, owner.password, NEW_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "password_changed" });

    expect((await me(second.json.token)).status).toBe(200);
    expectError(await me(owner.token), 401, "unauthorized");
    expectError(await me(third.json.token), 401, "unauthorized");
    expect(await sessionRow(owner.token)).toMatchObject({ end_reason: "password_changed" });
    expect((await sessionRow(second.json.token)).ended_at).toBeNull();

    expect((await login(owner.email, NEW_PASSWORD, ip)).status).toBe(200);
    expectError(await login(owner.email, owner.password, ip), 401, "invalid_credentials");
  });

  it("writes an auth.password_changed audit row with the client IP", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    expect((await change(owner.token, ip, owner.password, NEW_PASSWORD)).status).toBe(200);
    expect(await auditRows("auth.password_changed", { userId: owner.userId })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: owner.userId, ip }),
    ]);
  });

  it("refuses a new password equal to the current one", async () => {
    const owner = await newOwner();
    const res = await change(owner.token, freshIp(), owner.password, owner.password);
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "newPassword" })]);
  });

  it("refuses a current password longer than 72 bytes whose first 72 bytes are right", async () => {
    const password72 = "Aa1!" + "é".repeat(34);
    const owner = await newOwner({ password: password72 });
    const hash = await passwordHashOf(owner.email);
    const res = await change(owner.token, freshIp(), password72 + "zz", NEW_PASSWORD);
    expectError(res, 400, "validation_failed");
    expect(await passwordHashOf(owner.email)).toBe(hash);
  });

  it("requires a signed-in session", async () => {
    const owner = await newOwner();
    const res = await call("POST", "/api/auth/password", { ip: freshIp(), body: { currentPassword: owner.password, newPassword: NEW_PASSWORD } });
    expectError(res, 401, "unauthorized");
  });

  it("retires reset links asked for before the change", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const pending = await resetToken(owner.email, ip);
    expect((await change(owner.token, ip, owner.password, NEW_PASSWORD)).status).toBe(200);
    const res = await call("POST", `/api/auth/password-reset/${pending}`, { ip, body: { password: "Attacker-Choice-9" } });
    expectError(res, 410, "gone");
    expect((await login(owner.email, NEW_PASSWORD, ip)).status).toBe(200);
    expect(await all("SELECT id FROM password_resets WHERE user_id = ? AND used_at IS NULL", owner.userId)).toHaveLength(0);
  });
});
