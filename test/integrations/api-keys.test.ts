// API keys: created by owners and admins, shown once, stored hashed, refused once revoked or expired,
// limited to their locations, rate limited per key, audited, and only on plans with API access.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { all, first } from "../auth/support";
import { subscribedOwner } from "../billing/helpers";
import { ALL_SCOPES, createKey } from "./support";

let owner: SignedUp;
let other: SignedUp;
let secondLocationId: string;

beforeAll(async () => {
  owner = await signUp({ accountName: "Keys A" });
  other = await signUp({ accountName: "Keys B" });
  const second = await call("POST", "/api/locations", { token: owner.token, body: { name: "Keys A Two", timezone: "Europe/Rome" } });
  secondLocationId = second.json.id;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("creating and listing keys", () => {
  it("shows the secret once, with a recognisable prefix, and stores only its hash", async () => {
    const key = await createKey(owner, { name: "POS sync", scopes: ["read", "waitlist_write"] });
    expect(key.secret).toMatch(/^sl_live_[A-Za-z0-9_-]{43}$/);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    expect(key.json).toMatchObject({ name: "POS sync", scopes: ["read", "waitlist_write"], locationIds: null, expiresAt: null, lastUsedAt: null, revokedAt: null });

    const row = await first<Record<string, unknown>>("SELECT * FROM api_keys WHERE id = ?", key.id);
    expect(Object.values(row!).some((v) => typeof v === "string" && v.includes(key.secret.slice(12)))).toBe(false);
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);

    const list = await call("GET", "/api/api-keys", { token: owner.token });
    expect(list.status).toBe(200);
    const listed = list.json.items.find((k: any) => k.id === key.id);
    expect(listed).toMatchObject({ id: key.id, prefix: key.prefix, secret: null });
    expect(list.text).not.toContain(key.secret);
  });

  it("pages the list with limit and cursor, newest first", async () => {
    const o = await signUp({ accountName: "Keys paging" });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createKey(o, { name: `k${i}`, scopes: ["read"] }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call("GET", `/api/api-keys?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: o.token });
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.items.map((k: any) => k.name));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["k4", "k3", "k2", "k1", "k0"]);
    expectError(await call("GET", "/api/api-keys?cursor=%%%", { token: o.token }), 400, "validation_failed");
  });

  it("is for owners and admins: a host gets 403, an admin may", async () => {
    const host = await addMember(owner, "host");
    const admin = await addMember(owner, "admin");
    expectError(await call("POST", "/api/api-keys", { token: host.token, body: { name: "x", scopes: ["read"] } }), 403, "forbidden");
    expectError(await call("GET", "/api/api-keys", { token: host.token }), 403, "forbidden");
    const res = await call("POST", "/api/api-keys", { token: admin.token, body: { name: "Admin's key", scopes: ["read"] } });
    expect(res.status).toBe(201);
  });

  it("refuses bad input with the one error shape and stores nothing", async () => {
    const o = await signUp({ accountName: "Keys bad input" });
    const bad: [string, unknown, string][] = [
      ["no scopes", { name: "a", scopes: [] }, "scopes"],
      ["unknown scope", { name: "a", scopes: ["admin"] }, "scopes.0"],
      ["no name", { scopes: ["read"] }, "name"],
      ["NUL in the name", { name: "a\u0000b", scopes: ["read"] }, "name"],
      ["an over-long name", { name: "n".repeat(101), scopes: ["read"] }, "name"],
      ["a malformed location id", { name: "a", scopes: ["read"], locationIds: ["nope"] }, "locationIds.0"],
      ["another account's location", { name: "a", scopes: ["read"], locationIds: [other.locationId] }, "locationIds.0"],
      ["an expiry in the past", { name: "a", scopes: ["read"], expiresAt: "2001-01-01T00:00:00Z" }, "expiresAt"],
      ["a malformed expiry", { name: "a", scopes: ["read"], expiresAt: "tomorrow" }, "expiresAt"],
    ];
    for (const [what, body, path] of bad) {
      const res = await call("POST", "/api/api-keys", { token: o.token, body });
      expectError(res, 400, "validation_failed", what);
      expect(res.json.error.details.map((d: any) => d.path), what).toContain(path);
    }
    expect(await all("SELECT id FROM api_keys WHERE account_id = ?", o.accountId)).toEqual([]);
  });

  it("cannot be done with a key: keys do not mint or revoke keys", async () => {
    const key = await createKey(owner, { scopes: [...ALL_SCOPES] });
    expectError(await call("POST", "/api/api-keys", { token: key.secret, body: { name: "child", scopes: ["read"] } }), 403, "forbidden");
    expectError(await call("DELETE", `/api/api-keys/${key.id}`, { token: key.secret }), 403, "forbidden");
  });
});

describe("using a key", () => {
  it("authenticates as the account, with the RateLimit headers, counting one request once", async () => {
    const key = await createKey(owner, { scopes: ["read"] });
    const res = await call("GET", `/api/locations/${owner.locationId}/waitlist`, { token: key.secret });
    expect(res.status, res.text).toBe(200);
    // The test configuration sets API_KEY_RATE_LIMIT=40 (the default is 600).
    expect(res.headers.get("RateLimit-Limit")).toBe("40");
    expect(res.headers.get("RateLimit-Remaining")).toBe("39");
    expect(Number(res.headers.get("RateLimit-Reset"))).toBeGreaterThan(0);
    const again = await call("GET", `/api/locations/${owner.locationId}`, { token: key.secret });
    expect(again.headers.get("RateLimit-Remaining")).toBe("38");
  });

  it("records its first use once, even when its first requests arrive together, and shows lastUsedAt", async () => {
    const key = await createKey(owner, { scopes: ["read"] });
    await Promise.all(Array.from({ length: 8 }, () => call("GET", `/api/locations/${owner.locationId}`, { token: key.secret })));
    const rows = await all("SELECT action FROM audit_log WHERE target_id = ? ORDER BY created_at", key.id);
    expect(rows.map((r: any) => r.action)).toEqual(["api_key.created", "api_key.first_used"]);
    const list = await call("GET", "/api/api-keys", { token: owner.token });
    expect(list.json.items.find((k: any) => k.id === key.id).lastUsedAt).toEqual(expect.any(String));
  });

  it("is refused from the request after it is revoked, and the revocation is audited", async () => {
    const key = await createKey(owner, { scopes: ["read"] });
    expect((await call("GET", `/api/locations/${owner.locationId}`, { token: key.secret })).status).toBe(200);
    const del = await call("DELETE", `/api/api-keys/${key.id}`, { token: owner.token });
    expect(del.status).toBe(204);
    const res = await call("GET", `/api/locations/${owner.locationId}`, { token: key.secret });
    expectError(res, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    const list = await call("GET", "/api/api-keys", { token: owner.token });
    expect(list.json.items.find((k: any) => k.id === key.id).revokedAt).toEqual(expect.any(String));
    expect((await all("SELECT action FROM audit_log WHERE target_id = ? AND action = 'api_key.revoked'", key.id)).length).toBe(1);
    // Revoking again changes nothing; another account's key id is 404.
    expect((await call("DELETE", `/api/api-keys/${key.id}`, { token: owner.token })).status).toBe(204);
    expect((await all("SELECT action FROM audit_log WHERE target_id = ? AND action = 'api_key.revoked'", key.id)).length).toBe(1);
    expectError(await call("DELETE", `/api/api-keys/${key.id}`, { token: other.token }), 404, "not_found");
  });

  it("is refused once it has expired", async () => {
    const start = Date.now();
    const key = await createKey(owner, { scopes: ["read"], expiresAt: new Date(start + 60_000).toISOString() });
    expect((await call("GET", `/api/locations/${owner.locationId}`, { token: key.secret })).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start + 61_000);
    expectError(await call("GET", `/api/locations/${owner.locationId}`, { token: key.secret }), 401, "unauthorized");
  });

  it("is refused when malformed or unknown, without telling which", async () => {
    const unknown = `sl_live_${"A".repeat(43)}`;
    const a = await call("GET", `/api/locations/${owner.locationId}`, { token: unknown });
    expectError(a, 401, "unauthorized");
    const b = await call("GET", `/api/locations/${owner.locationId}`, { token: "sl_live_short" });
    expectError(b, 401, "unauthorized");
  });

  it("never reaches another account: its ids answer 404", async () => {
    const key = await createKey(owner, { scopes: [...ALL_SCOPES] });
    expectError(await call("GET", `/api/locations/${other.locationId}`, { token: key.secret }), 404, "not_found");
    expectError(await call("GET", `/api/locations/${other.locationId}/waitlist`, { token: key.secret }), 404, "not_found");
    const add = await call("POST", `/api/locations/${other.locationId}/waitlist`, { token: key.secret, body: { name: "Intruder", partySize: 2 } });
    expectError(add, 404, "not_found");
    const list = await call("GET", "/api/locations", { token: key.secret });
    expect(list.text).not.toContain(other.locationId);
  });

  it("limited to some locations, sees and reaches only those", async () => {
    const key = await createKey(owner, { scopes: ["read", "waitlist_write"], locationIds: [owner.locationId] });
    expect((await call("GET", `/api/locations/${owner.locationId}/waitlist`, { token: key.secret })).status).toBe(200);
    expectError(await call("GET", `/api/locations/${secondLocationId}/waitlist`, { token: key.secret }), 404, "not_found");
    expectError(await call("POST", `/api/locations/${secondLocationId}/waitlist`, { token: key.secret, body: { name: "A", partySize: 2 } }), 404, "not_found");
    // Reports: only the key's locations, and "all locations" must name one.
    expect((await call("GET", `/api/insights/covers?from=2026-11-01&to=2026-11-07&locationId=${owner.locationId}`, { token: key.secret })).status).toBe(200);
    expectError(await call("GET", `/api/insights/covers?from=2026-11-01&to=2026-11-07&locationId=${secondLocationId}`, { token: key.secret }), 404, "not_found");
    expectError(await call("GET", "/api/insights/covers?from=2026-11-01&to=2026-11-07", { token: key.secret }), 400, "validation_failed");
    const list = await call("GET", "/api/locations", { token: key.secret });
    expect(list.status).toBe(200);
    const ids = JSON.stringify(list.json);
    expect(ids).toContain(owner.locationId);
    expect(ids).not.toContain(secondLocationId);
  });

  it("is rate limited per key with 429, Retry-After and RateLimit headers; other keys are unaffected", async () => {
    const key = await createKey(owner, { scopes: ["read"] });
    const spare = await createKey(owner, { scopes: ["read"] });
    const path = `/api/locations/${owner.locationId}`;
    const batch = await Promise.all(Array.from({ length: 40 }, () => call("GET", path, { token: key.secret })));
    expect(batch.map((r) => r.status)).toEqual(Array(40).fill(200));
    const over = await call("GET", path, { token: key.secret });
    expectError(over, 429, "rate_limited");
    expect(Number(over.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(over.headers.get("RateLimit-Remaining")).toBe("0");
    expect((await call("GET", path, { token: spare.secret })).status).toBe(200);
  });

  it("needs a plan with API access: 402 plan_limit on one without", async () => {
    const starter = await subscribedOwner("starter");
    const key = await createKey(starter, { scopes: ["read"] });
    const res = await call("GET", `/api/locations/${starter.locationId}`, { token: key.secret });
    expectError(res, 402, "plan_limit");
  });

  it("cannot use the routes for people: sign-in, team, billing, account, keys", async () => {
    const key = await createKey(owner, { scopes: [...ALL_SCOPES] });
    for (const [method, path] of [
      ["GET", "/api/me"],
      ["GET", "/api/team/members"],
      ["POST", "/api/team/invites"],
      ["GET", "/api/billing"],
      ["GET", "/api/account/export"],
      ["DELETE", "/api/account"],
      ["POST", "/api/auth/logout"],
      ["POST", "/api/auth/password"],
      ["GET", "/api/api-keys"],
    ] as const) {
      expectError(await call(method, path, { token: key.secret, body: method === "GET" ? undefined : {} }), 403, "forbidden", `${method} ${path}`);
    }
  });
});
