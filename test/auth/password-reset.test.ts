// Forgot password: one answer for every email; a registered one gets a single-use link valid for
// an hour that sets a new password (same rules) and ends every session of that user.
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, outbox, uniqueEmail } from "../helpers/api";
import {
  all,
  auditRows,
  emailTo,
  expectError,
  first,
  freezeTime,
  freshIp,
  login,
  loginThrottle,
  me,
  newOwner,
  passwordHashOf,
  resetToken,
  retryAfter,
} from "./support";

afterEach(() => {
  vi.useRealTimers();
});

const NEW_PASSWORD = "Brand-New-Pass-7";
const reset = (token: string, password: string, ip: string) => call("POST", `/api/auth/password-reset/${token}`, { ip, body: { password } });

describe("asking for a reset link", () => {
  it("answers 202 with the same body for a known and an unknown email", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const unknownEmail = uniqueEmail("nobody");
    const unknown = await call("POST", "/api/auth/password-reset", { ip, body: { email: unknownEmail } });
    const known = await call("POST", "/api/auth/password-reset", { ip, body: { email: owner.email } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    expect(known.json).toEqual({ status: "accepted", message: expect.any(String) });

    // The known address gets its link; by then the unknown one (asked first) has been dealt with, and got nothing.
    const mail = await emailTo(owner.email, /Reset your Seatline password/);
    expect(mail.text).toMatch(/https:\/\/seatline\.test\/reset-password\/[A-Za-z0-9_-]{43}\b/);
    expect(await outbox(unknownEmail)).toHaveLength(0);
    expect(await all("SELECT id FROM password_resets WHERE user_id = ?", owner.userId)).toHaveLength(1);
  });

  it("stores only the SHA-256 of the 256-bit token, valid for one hour", async () => {
    const owner = await newOwner();
    const token = await resetToken(owner.email, freshIp());
    const row = await first<{ token_hash: string; created_at: number; expires_at: number }>(
      "SELECT token_hash, created_at, expires_at FROM password_resets WHERE user_id = ?",
      owner.userId,
    );
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
    expect(row!.token_hash).toBe([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join(""));
    expect(row!.expires_at - row!.created_at).toBe(3600_000);
    expect(await auditRows("auth.password_reset_requested", { userId: owner.userId })).toHaveLength(1);
  });

  it("matches the email without regard to case or spaces, and mails the stored address", async () => {
    const owner = await newOwner();
    const res = await call("POST", "/api/auth/password-reset", { ip: freshIp(), body: { email: `  ${owner.email.toUpperCase()} ` } });
    expect(res.status).toBe(202);
    const mail = await emailTo(owner.email, /Reset your Seatline password/);
    expect(mail.to).toBe(owner.email);
    expect(await all("SELECT id FROM password_resets WHERE user_id = ?", owner.userId)).toHaveLength(1);
  });

  it("limits requests per IP with 429", async () => {
    const ip = freshIp();
    freezeTime(Date.now());
    for (let i = 0; i < 20; i++) expect((await call("POST", "/api/auth/password-reset", { ip, body: { email: uniqueEmail("r") } })).status).toBe(202);
    const limited = await call("POST", "/api/auth/password-reset", { ip, body: { email: uniqueEmail("r") } });
    expectError(limited, 429, "rate_limited");
    expect(retryAfter(limited)).toBe(3600);
  });
});

describe("using the reset link", () => {
  it("sets the new password: the new one signs in, the old one does not", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const token = await resetToken(owner.email, ip);
    const res = await reset(token, NEW_PASSWORD, ip);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "password_changed" });
    expect((await login(owner.email, NEW_PASSWORD, ip)).status).toBe(200);
    expectError(await login(owner.email, owner.password, ip), 401, "invalid_credentials");
  });

  it("ends every existing session of the user", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const second = await login(owner.email, owner.password, ip);
    const third = await login(owner.email, owner.password, freshIp());
    for (const t of [owner.token, second.json.token, third.json.token]) expect((await me(t)).status).toBe(200);
    expect((await reset(await resetToken(owner.email, ip), NEW_PASSWORD, ip)).status).toBe(200);
    for (const t of [owner.token, second.json.token, third.json.token]) expectError(await me(t), 401, "unauthorized");
    const ended = await all<{ end_reason: string }>("SELECT end_reason FROM sessions WHERE user_id = ?", owner.userId);
    expect(ended.map((s) => s.end_reason)).toEqual(ended.map(() => "password_reset"));
  });

  it("works once: the second use answers 410 and changes nothing", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const token = await resetToken(owner.email, ip);
    expect((await reset(token, NEW_PASSWORD, ip)).status).toBe(200);
    const hash = await passwordHashOf(owner.email);
    const again = await reset(token, "Sneaky-Other-8", ip);
    expectError(again, 410, "gone");
    expect(await passwordHashOf(owner.email)).toBe(hash);
    expect((await login(owner.email, NEW_PASSWORD, ip)).status).toBe(200);
  });

  it("sets the password once when the link is used twice at once", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const token = await resetToken(owner.email, ip);
    const results = await Promise.all([reset(token, "Racer-One-11", ip), reset(token, "Racer-Two-22", ip)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const winner = results[0]!.status === 200 ? "Racer-One-11" : "Racer-Two-22";
    const loser = winner === "Racer-One-11" ? "Racer-Two-22" : "Racer-One-11";
    expect((await login(owner.email, winner, ip)).status).toBe(200);
    expect((await login(owner.email, loser, ip)).status).toBe(401);
  });

  it("expires after one hour: 410 one second later, and the password stays", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const lateToken = await resetToken(owner.email, ip);
    const { created_at: createdAt } = (await first<{ created_at: number }>(
      "SELECT created_at FROM password_resets WHERE user_id = ? ORDER BY created_at DESC",
      owner.userId,
    ))!;
    freezeTime(createdAt + 3600_000 + 1000);
    const late = await reset(lateToken, NEW_PASSWORD, ip);
    expectError(late, 410, "gone");
    expect(late.json.error.message).toMatch(/expired/);
    expect((await login(owner.email, owner.password, ip)).status).toBe(200);
  });

  it("still works one second before the hour is up", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const token = await resetToken(owner.email, ip);
    const { created_at: createdAt } = (await first<{ created_at: number }>("SELECT created_at FROM password_resets WHERE user_id = ?", owner.userId))!;
    freezeTime(createdAt + 3600_000 - 1000);
    expect((await reset(token, NEW_PASSWORD, ip)).status).toBe(200);
  });

  it("retires the user's other outstanding reset links once one has been used", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const older = await resetToken(owner.email, ip);
    const newer = await resetToken(owner.email, ip);
    expect(older).not.toBe(newer);
    expect((await reset(newer, NEW_PASSWORD, ip)).status).toBe(200);
    expectError(await reset(older, "Attacker-Choice-9", ip), 410, "gone");
    expect((await login(owner.email, NEW_PASSWORD, ip)).status).toBe(200);
  });

  it("answers 404 to a token nobody was sent", async () => {
    const ip = freshIp();
    expectError(await reset("A".repeat(43), NEW_PASSWORD, ip), 404, "not_found");
    expectError(await reset("nope", NEW_PASSWORD, ip), 404, "not_found");
  });

  it("clears the sign-in failure count, and the reset is audited with the IP", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await login(owner.email, `Wrong-${i}-Pass!`, ip)).status).toBe(401);
    expect((await loginThrottle(owner.email))!.consecutive_failures).toBe(5);
    expect((await reset(await resetToken(owner.email, ip), NEW_PASSWORD, ip)).status).toBe(200);
    expect((await loginThrottle(owner.email))!.consecutive_failures).toBe(0);
    expect(await auditRows("auth.password_reset", { userId: owner.userId, ip })).toHaveLength(1);
  });
});
