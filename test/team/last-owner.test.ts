// An account always keeps at least one owner.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { expectError, fingerprint } from "./support";

async function owners(accountId: string) {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE account_id = ? AND role = 'owner'").bind(accountId).first<{ n: number }>();
  return row!.n;
}

describe("the last owner", () => {
  it("cannot be demoted (409, clear message, nothing changed)", async () => {
    const owner = await signUp();
    const before = await fingerprint();
    for (const role of ["admin", "host"]) {
      const res = await call("PATCH", `/api/team/members/${owner.userId}`, { token: owner.token, body: { role } });
      expectError(res, 409, "conflict");
      expect(res.json.error.message).toBe("The last owner cannot be demoted. Make someone else an owner first.");
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("cannot be removed (409) and stays signed in", async () => {
    const owner = await signUp();
    const before = await fingerprint();
    const res = await call("DELETE", `/api/team/members/${owner.userId}`, { token: owner.token });
    expectError(res, 409, "conflict");
    expect(res.json.error.message).toBe("The last owner cannot be removed. Make someone else an owner first.");
    expect(await fingerprint()).toEqual(before);
    expect((await call("GET", "/api/me", { token: owner.token })).status).toBe(200);
  });

  it("can step down once there is a second owner, who then becomes the last owner", async () => {
    const owner = await signUp();
    const second = await addMember(owner, "owner");
    const down = await call("PATCH", `/api/team/members/${owner.userId}`, { token: owner.token, body: { role: "admin" } });
    expect(down.status).toBe(200);
    expect(await owners(owner.accountId)).toBe(1);
    expectError(await call("PATCH", `/api/team/members/${second.userId}`, { token: second.token, body: { role: "admin" } }), 409, "conflict");
  });

  it("can be removed while a second owner remains, who then cannot be removed", async () => {
    const owner = await signUp();
    const second = await addMember(owner, "owner");
    expect((await call("DELETE", `/api/team/members/${owner.userId}`, { token: second.token })).status).toBe(204);
    expectError(await call("DELETE", `/api/team/members/${second.userId}`, { token: second.token }), 409, "conflict");
    expect(await owners(owner.accountId)).toBe(1);
  });

  it("survives every owner demoting themselves at the same moment: exactly one owner stays", async () => {
    const first = await signUp();
    const all = [{ token: first.token, userId: first.userId }];
    for (let i = 0; i < 4; i++) all.push(await addMember(first, "owner"));
    const results = await Promise.all(all.map((m) => call("PATCH", `/api/team/members/${m.userId}`, { token: m.token, body: { role: "host" } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 409]);
    expect(await owners(first.accountId)).toBe(1);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE account_id = ? AND action = 'member.role_changed'")
      .bind(first.accountId)
      .first<{ n: number }>();
    expect(audit!.n).toBe(4);
  });

  it("survives every owner removing themselves at the same moment: exactly one owner stays, still signed in", async () => {
    const first = await signUp();
    const all = [{ token: first.token, userId: first.userId }];
    for (let i = 0; i < 4; i++) all.push(await addMember(first, "owner"));
    const results = await Promise.all(all.map((m) => call("DELETE", `/api/team/members/${m.userId}`, { token: m.token })));
    expect(results.map((r) => r.status).sort()).toEqual([204, 204, 204, 204, 409]);
    expect(await owners(first.accountId)).toBe(1);
    const survivor = all[results.findIndex((r) => r.status === 409)]!;
    expect((await call("GET", "/api/me", { token: survivor.token })).status).toBe(200);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE account_id = ? AND action = 'member.removed'")
      .bind(first.accountId)
      .first<{ n: number }>();
    expect(audit!.n).toBe(4);
  });
});
