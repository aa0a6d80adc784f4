// The password rules hold on every route that sets a password: sign-up, invite acceptance, reset
// and change. The 400 names each broken rule; bcrypt's 72-byte limit is a refusal, never a truncation.
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/auth/passwords";
import { call, uniqueEmail } from "../helpers/api";
import { all, expectError, first, freshIp, inviteToken, login, newOwner, passwordHashOf, resetToken } from "./support";

const AT_72_BYTES = "Aa1!" + "é".repeat(34);
const bytes = (s: string) => new TextEncoder().encode(s).length;

function ruleDetails(res: { json: any }) {
  return (res.json.error.details as { path: string; rule: string; message: string }[]).map((d) => ({ path: d.path, rule: d.rule }));
}

function signup(password: string, ip: string, email = uniqueEmail("rules")) {
  return call("POST", "/api/auth/signup", { ip, body: { accountName: "Rules Diner", name: "Rae", email, password } });
}

describe("password rules at sign-up", () => {
  it.each([
    ["Abc1!", ["min_length"]],
    ["abcdefg1!", ["uppercase"]],
    ["Abcdefgh!", ["number"]],
    ["Abcdefgh1", ["symbol"]],
    ["P@ssw0rd", ["common"]],
    ["p@SSW0RD", ["common"]],
    ["abc", ["min_length", "uppercase", "number", "symbol"]],
    ["Aa1!x" + "é".repeat(34), ["max_bytes"]],
  ])("refuses %j naming %j, and starts nothing", async (password, expected) => {
    const email = uniqueEmail("rules");
    const res = await signup(password, freshIp(), email);
    expectError(res, 400, "validation_failed");
    expect(ruleDetails(res)).toEqual(expected.map((rule) => ({ path: "password", rule })));
    for (const d of res.json.error.details) expect(d.message).toEqual(expect.any(String));
    expect(await first("SELECT id FROM pending_signups WHERE email = ?", email)).toBeNull();
  });

  it("accepts a 72-byte multibyte password, which then signs in", async () => {
    expect(bytes(AT_72_BYTES)).toBe(72);
    const owner = await newOwner({ password: AT_72_BYTES });
    const res = await login(owner.email, AT_72_BYTES, freshIp());
    expect(res.status).toBe(200);
  });

  it("refuses at sign-in a longer password whose first 72 bytes are the real one (no truncation)", async () => {
    const owner = await newOwner({ password: AT_72_BYTES });
    const hash = await passwordHashOf(owner.email);
    const ip = freshIp();
    for (const longer of [AT_72_BYTES + "X", AT_72_BYTES + "é", AT_72_BYTES + "!!!!!!!!"]) {
      expect(bytes(longer)).toBeGreaterThan(72);
      // bcrypt alone would accept it: it reads only the first 72 bytes.
      expect(await verifyPassword(longer, hash)).toBe(true);
      const res = await login(owner.email, longer, ip);
      expectError(res, 401, "invalid_credentials");
    }
  });
});

describe("password rules at invitation acceptance", () => {
  it("names the broken rules, creates nobody, and leaves the invitation usable", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const invite = await inviteToken(owner, "host");

    const weak = await call("POST", `/api/invites/${invite.token}/accept`, { ip, body: { name: "Hal", password: "weakpass" } });
    expectError(weak, 400, "validation_failed");
    expect(ruleDetails(weak)).toEqual([
      { path: "password", rule: "uppercase" },
      { path: "password", rule: "number" },
      { path: "password", rule: "symbol" },
    ]);

    const common = await call("POST", `/api/invites/${invite.token}/accept`, { ip, body: { name: "Hal", password: "P@ssw0rd" } });
    expect(ruleDetails(common)).toEqual([{ path: "password", rule: "common" }]);

    const tooLong = await call("POST", `/api/invites/${invite.token}/accept`, { ip, body: { name: "Hal", password: AT_72_BYTES + "x" } });
    expect(ruleDetails(tooLong)).toEqual([{ path: "password", rule: "max_bytes" }]);

    expect(await first("SELECT id FROM users WHERE email = ?", invite.email)).toBeNull();
    const ok = await call("POST", `/api/invites/${invite.token}/accept`, { ip, body: { name: "Hal", password: AT_72_BYTES } });
    expect(ok.status).toBe(201);
    expect((await login(invite.email, AT_72_BYTES, ip)).status).toBe(200);
  });
});

describe("password rules at password reset", () => {
  it("names the broken rules, changes nothing, and leaves the link usable", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const token = await resetToken(owner.email, ip);
    const before = await passwordHashOf(owner.email);

    for (const [password, expected] of [
      ["short1!", ["min_length", "uppercase"]],
      ["P@ssw0rd", ["common"]],
      [AT_72_BYTES + "x", ["max_bytes"]],
    ] as const) {
      const res = await call("POST", `/api/auth/password-reset/${token}`, { ip, body: { password } });
      expectError(res, 400, "validation_failed");
      expect(ruleDetails(res)).toEqual(expected.map((rule) => ({ path: "password", rule })));
    }
    expect(await passwordHashOf(owner.email)).toBe(before);
    expect(await all("SELECT id FROM password_resets WHERE used_at IS NOT NULL AND user_id = ?", owner.userId)).toHaveLength(0);

    const ok = await call("POST", `/api/auth/password-reset/${token}`, { ip, body: { password: AT_72_BYTES } });
    expect(ok.status).toBe(200);
    expect((await login(owner.email, AT_72_BYTES, ip)).status).toBe(200);
  });
});

describe("password rules at password change", () => {
  it("names the broken rules under newPassword and changes nothing", async () => {
    const owner = await newOwner();
    const before = await passwordHashOf(owner.email);
    for (const [newPassword, expected] of [
      ["abcdefgh", ["uppercase", "number", "symbol"]],
      ["P@SSW0RD", ["common"]],
      [AT_72_BYTES + "é", ["max_bytes"]],
    ] as const) {
      const res = await call("POST", "/api/auth/password", {
        token: owner.token,
        ip: owner.ip,
        body: { currentPassword: owner.password, newPassword },
      });
      expectError(res, 400, "validation_failed");
      expect(ruleDetails(res)).toEqual(expected.map((rule) => ({ path: "newPassword", rule })));
    }
    expect(await passwordHashOf(owner.email)).toBe(before);

    const ok = await call("POST", "/api/auth/password", {
      token: owner.token,
      ip: owner.ip,
      body: { currentPassword: owner.password, newPassword: AT_72_BYTES },
    });
    expect(ok.status).toBe(200);
    expect((await login(owner.email, AT_72_BYTES, freshIp())).status).toBe(200);
  });
});
