// GET /api/me describes the signed-in user; POST /api/auth/logout ends exactly this session.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { auditRows, expectError, freshIp, login, me, newOwner, sessionIdOf, sessionRow } from "./support";

describe("GET /api/me", () => {
  it("returns the user, the account and the session", async () => {
    const owner = await newOwner({ accountName: "Me Myself Diner" });
    const res = await me(owner.token);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      user: { id: owner.userId, accountId: owner.accountId, email: owner.email, name: "Owner", role: "owner" },
      account: { id: owner.accountId, name: "Me Myself Diner" },
      session: { id: sessionIdOf(owner.token), expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(res.text).not.toMatch(/password|hash/i);
  });

  it("answers 401 in the error shape without a token", async () => {
    const res = await call("GET", "/api/me");
    expectError(res, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="seatline"');
  });
});

describe("POST /api/auth/logout", () => {
  it("ends the session: 204, then the token is refused", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const session = await login(owner.email, owner.password, ip);
    const out = await call("POST", "/api/auth/logout", { token: session.json.token, ip });
    expect(out.status).toBe(204);
    expect(out.text).toBe("");
    expectError(await me(session.json.token), 401, "unauthorized");
    expect(await sessionRow(session.json.token)).toMatchObject({ end_reason: "logout", ended_at: expect.any(Number) });
  });

  it("writes an auth.logout audit row with the client IP", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const session = await login(owner.email, owner.password, ip);
    expect((await call("POST", "/api/auth/logout", { token: session.json.token, ip })).status).toBe(204);
    const rows = await auditRows("auth.logout", { userId: owner.userId });
    expect(rows).toEqual([expect.objectContaining({ account_id: owner.accountId, user_id: owner.userId, ip })]);
  });

  it("leaves the user's other sessions alone", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const a = await login(owner.email, owner.password, ip);
    const b = await login(owner.email, owner.password, ip);
    expect((await call("POST", "/api/auth/logout", { token: a.json.token, ip })).status).toBe(204);
    expect((await me(a.json.token)).status).toBe(401);
    expect((await me(b.json.token)).status).toBe(200);
    expect((await me(owner.token)).status).toBe(200);
  });

  it("answers 401 to a second logout with the same token, and without a token", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    expect((await call("POST", "/api/auth/logout", { token: owner.token, ip })).status).toBe(204);
    expectError(await call("POST", "/api/auth/logout", { token: owner.token, ip }), 401, "unauthorized");
    expectError(await call("POST", "/api/auth/logout", { ip }), 401, "unauthorized");
    expect(await auditRows("auth.logout", { userId: owner.userId })).toHaveLength(1);
  });
});
