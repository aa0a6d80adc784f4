// Passwords are stored only as bcrypt hashes at the configured cost, and the clear text is in no row.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bcryptCost, dummyHash, verifyPassword } from "../../src/auth/passwords";
import { call, linkFromEmail, tokenFromPath, uniqueEmail } from "../helpers/api";
import { dumpDb, emailTo, first, freshIp, inviteToken, login, newOwner, passwordHashOf, resetToken } from "./support";

const BCRYPT = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;

function costOf(hash: string): number {
  const m = BCRYPT.exec(hash);
  if (!m) throw new Error(`not a bcrypt hash: ${hash.slice(0, 7)}…`);
  return Number(m[1]);
}

describe("bcrypt at rest", () => {
  it("stores the owner's password as a bcrypt hash at bcryptCost(env)", async () => {
    const password = "Sunny-Terrace-42";
    const owner = await newOwner({ password });
    const hash = await passwordHashOf(owner.email);
    expect(hash).toMatch(BCRYPT);
    expect(costOf(hash)).toBe(bcryptCost(env));
    expect(await verifyPassword(password, hash)).toBe(true);
  });

  it("hashes a pending sign-up's password before storing it", async () => {
    const email = uniqueEmail("pending");
    const password = "Pending-Pass-77";
    const res = await call("POST", "/api/auth/signup", { ip: freshIp(), body: { accountName: "Pending Pub", name: "Pat", email, password } });
    expect(res.status).toBe(202);
    await linkFromEmail(email, /Confirm your email/);
    const row = await first<{ password_hash: string; token_hash: string }>("SELECT password_hash, token_hash FROM pending_signups WHERE email = ?", email);
    expect(row!.password_hash).toMatch(BCRYPT);
    expect(costOf(row!.password_hash)).toBe(bcryptCost(env));
    // The emailed token is stored as its SHA-256, not in clear.
    const token = tokenFromPath(await linkFromEmail(email, /Confirm your email/));
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(token);
  });

  it("hashes invited members', reset and changed passwords at the same cost", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const invite = await inviteToken(owner, "admin");
    const accepted = await call("POST", `/api/invites/${invite.token}/accept`, { ip, body: { name: "Ada", password: "Invited-Pass-31" } });
    expect(accepted.status).toBe(201);
    const invitedHash = await passwordHashOf(invite.email);
    expect(costOf(invitedHash)).toBe(bcryptCost(env));

    const reset = await call("POST", `/api/auth/password-reset/${await resetToken(owner.email, ip)}`, { ip, body: { password: "Reset-Pass-32" } });
    expect(reset.status).toBe(200);
    const resetHash = await passwordHashOf(owner.email);
    expect(costOf(resetHash)).toBe(bcryptCost(env));
    expect(await verifyPassword("Reset-Pass-32", resetHash)).toBe(true);

    const signedIn = await login(owner.email, "Reset-Pass-32", ip);
    const changed = await call("POST", "/api/auth/password", {
      token: signedIn.json.token,
      ip,
      body: { currentPassword: "Reset-Pass-32", newPassword: "Changed-Pass-33" },
    });
    expect(changed.status).toBe(200);
    const changedHash = await passwordHashOf(owner.email);
    expect(costOf(changedHash)).toBe(bcryptCost(env));
    expect(changedHash).not.toBe(resetHash);
  });

  it("keeps the clear password out of every table, including after failed sign-ins", async () => {
    const password = "Needle-In-Haystack-8";
    const owner = await newOwner({ password });
    const ip = freshIp();
    expect((await login(owner.email, password, ip)).status).toBe(200);
    // A failed attempt with a near miss, and a sign-up attempt for the taken address.
    expect((await login(owner.email, password + "x", ip)).status).toBe(401);
    await call("POST", "/api/auth/signup", { ip, body: { accountName: "Dup", name: "Dup", email: owner.email, password } });
    await emailTo(owner.email, /already have a Seatline account/);
    const reset = await call("POST", `/api/auth/password-reset/${await resetToken(owner.email, ip)}`, { ip, body: { password: "Second-Needle-9" } });
    expect(reset.status).toBe(200);

    const dump = JSON.stringify(await dumpDb());
    for (const table of ["users", "sessions", "audit_log", "pending_signups", "throttles", "password_resets"]) {
      expect(dump).toContain(`"${table}"`);
    }
    expect(dump).not.toContain(password);
    expect(dump).not.toContain("Second-Needle-9");
    expect(dump).not.toContain("Needle-In-Haystack");
  });

  it("compares unknown emails against a dummy hash of the same cost, so they cost as much work as a wrong password", async () => {
    const cost = bcryptCost(env);
    const hash = await dummyHash(cost);
    expect(costOf(hash)).toBe(cost);
    expect(await dummyHash(cost)).toBe(hash); // computed once per cost, not per request
    expect(costOf(await dummyHash(12))).toBe(12);
    expect(await verifyPassword("Any-Guess-1!", hash)).toBe(false);
  });

  it("never stores a login email in clear in the throttle keys", async () => {
    const owner = await newOwner();
    expect((await login(owner.email, "Wrong-Pass-1", freshIp())).status).toBe(401);
    const keys = (await dumpDb()).throttles!.map((t) => (t as { key: string }).key);
    expect(keys.some((k) => k.startsWith("login:"))).toBe(true);
    expect(JSON.stringify(keys)).not.toContain(owner.email);
  });
});
