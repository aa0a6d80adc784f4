// The REST path under a location costs no more D1 round trips than authentication needs (issue 14,
// item 5): the location's DO answers whether it belongs to the caller's account, so a host action is
// one D1 query (the session) and the DO call. Another account's location is still 404, and a session
// that ended is still refused on its very next request. D1 is counted at the Worker's own binding: the
// app runs here with a DB that counts every statement and batch sent through it.
import { createExecutionContext, env, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { Env } from "../../src/env";
import type { Restaurant } from "../../durable-objects/restaurant";
import { call, ORIGIN, signUp, type SignedUp } from "../helpers/api";

const app = createApp();

/** A D1 binding that counts the round trips made through it (each statement run, each batch). */
function countingD1(real: D1Database) {
  const counter = { trips: 0 };
  const statement = (s: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(s, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        if (prop === "bind") return (...args: unknown[]) => statement((value as (...a: unknown[]) => D1PreparedStatement).apply(target, args));
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw") counter.trips += 1;
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const db = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop === "prepare") return (sql: string) => statement(target.prepare(sql));
      if (prop === "batch") {
        // A batch is one round trip; its statements are counted once, here.
        return (stmts: D1PreparedStatement[]) => {
          counter.trips += 1;
          return target.batch(stmts);
        };
      }
      if (prop === "exec") counter.trips += 1;
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { db, counter };
}

/** One request through the app with a counting D1; its status, body and the round trips it made. */
async function counted(method: string, path: string, token: string, body?: unknown) {
  const { db, counter } = countingD1(env.DB);
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, "CF-Connecting-IP": "203.0.113.7" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { ...(env as unknown as Env), DB: db }, ctx);
  const json = (await res.json().catch(() => null)) as any;
  const trips = counter.trips;
  await waitOnExecutionContext(ctx);
  return { status: res.status, json, trips };
}

/**
 * A RESTAURANT binding that counts the calls made into location DOs: each method called on a stub,
 * on what `at()` returns, and on the RPC surface an ownership answer carries.
 */
function countingRestaurants(real: DurableObjectNamespace) {
  const counter = { calls: [] as string[] };
  const counting = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop);
        if (typeof value !== "function" || typeof prop !== "string" || prop === "then") return value;
        return (...args: unknown[]) => {
          counter.calls.push(prefix + prop);
          const result = (t as Record<string, (...a: unknown[]) => unknown>)[prop]!(...args);
          if (prop === "at") return counting(result as object, "at().");
          if (prop === "forAccount") {
            return Promise.resolve(result).then((r) => {
              const answer = r as { kind: string; api?: object };
              return answer.kind === "owned" && answer.api ? { ...answer, api: counting(answer.api, "scope.api.") } : answer;
            });
          }
          return result;
        };
      },
    });
  const ns = new Proxy(real, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t);
      if (prop === "get") return (id: DurableObjectId) => counting(t.get(id), "");
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
  return { ns, counter };
}

let a: SignedUp;
let partyId: string;

beforeAll(async () => {
  a = await signUp({ accountName: "Round Trips" });
  const added = await call("POST", `/api/locations/${a.locationId}/waitlist`, { token: a.token, body: { name: "Lindqvist", partySize: 2 } });
  expect(added.status).toBe(201);
  partyId = added.json.id;
});

describe("D1 round trips on the REST path", () => {
  it("a host action (notify) makes one D1 round trip, the session's", async () => {
    const r = await counted("POST", `/api/locations/${a.locationId}/waitlist/${partyId}/notify`, a.token);
    expect(r.status).toBe(200);
    expect(r.json.status).toBe("notified");
    expect(r.trips).toBe(1);
  });

  it("a host action calls its location's DO twice: the ownership answer, then the action on the surface it carried", async () => {
    const { ns, counter } = countingRestaurants(env.RESTAURANT as unknown as DurableObjectNamespace);
    const headers = { Authorization: `Bearer ${a.token}`, "CF-Connecting-IP": "203.0.113.7" };
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`${ORIGIN}/api/locations/${a.locationId}/waitlist/${partyId}/notify`, { method: "POST", headers }), { ...(env as unknown as Env), RESTAURANT: ns }, ctx);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).status).toBe("notified");
    await waitOnExecutionContext(ctx);
    expect(counter.calls).toEqual(["forAccount", "scope.api.act"]);
  });

  it("reading the line and adding a party make one D1 round trip each", async () => {
    const list = await counted("GET", `/api/locations/${a.locationId}/waitlist`, a.token);
    expect(list.status).toBe(200);
    expect(list.trips).toBe(1);
    const add = await counted("POST", `/api/locations/${a.locationId}/waitlist`, a.token, { name: "Okafor", partySize: 3 });
    expect(add.status).toBe(201);
    expect(add.trips).toBe(1);
  });

  it("a location whose DO was never bound is found in D1 once, then not again", async () => {
    const made = await call("POST", "/api/locations", { token: a.token, body: { name: "Second Room", timezone: "Europe/Rome" } });
    expect(made.status).toBe(201);
    const first = await counted("GET", `/api/locations/${made.json.id}/waitlist`, a.token);
    expect(first.status).toBe(200);
    expect(first.trips).toBe(2);
    const second = await counted("GET", `/api/locations/${made.json.id}/waitlist`, a.token);
    expect(second.trips).toBe(1);
  });

  it("another account's location answers 404, whether or not its DO was ever bound", async () => {
    const b = await signUp({ accountName: "Round Trips B" });
    const bound = await counted("POST", `/api/locations/${a.locationId}/waitlist/${partyId}/seat`, b.token);
    expect(bound.status).toBe(404);
    expect(bound.json.error.code).toBe("not_found");
    const unbound = await counted("GET", `/api/locations/${crypto.randomUUID()}/waitlist`, b.token);
    expect(unbound.status).toBe(404);
    // Nothing changed for A's party.
    const party = await call("GET", `/api/locations/${a.locationId}/waitlist/${partyId}`, { token: a.token });
    expect(party.json.status).toBe("notified");
  });

  it("asking the DO of an id that names no location leaves that object empty", async () => {
    const id = crypto.randomUUID();
    const r = await counted("GET", `/api/locations/${id}/waitlist`, a.token);
    expect(r.status).toBe(404);
    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(id)) as DurableObjectStub<Restaurant>;
    const tables = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'").one().n);
    expect(tables).toBe(0);
  });

  it("a session that logged out is refused on its next request", async () => {
    const c = await signUp({ accountName: "Round Trips C" });
    const ok = await counted("GET", `/api/locations/${c.locationId}/waitlist`, c.token);
    expect(ok.status).toBe(200);
    expect((await call("POST", "/api/auth/logout", { token: c.token })).status).toBe(204);
    const after = await counted("GET", `/api/locations/${c.locationId}/waitlist`, c.token);
    expect(after.status).toBe(401);
  });

  it("a renamed location is renamed in its DO at once, and an older reference never undoes it", async () => {
    const renamed = await call("PATCH", `/api/locations/${a.locationId}`, { token: a.token, body: { name: "Round Trips Renamed", timezone: "Asia/Tokyo" } });
    expect(renamed.status).toBe(200);
    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(a.locationId)) as DurableObjectStub<Restaurant>;
    const held = await stub.forAccount(a.accountId);
    expect(held).toMatchObject({ kind: "owned", location: { name: "Round Trips Renamed", timezone: "Asia/Tokyo" } });
    if (held.kind !== "owned") throw new Error("not owned");
    // A request that read the location before the rename binds the old reference afterwards.
    await stub.bind({ ...held.location, name: "Round Trips", timezone: "UTC", updatedAt: held.location.updatedAt! - 1 });
    expect(await stub.forAccount(a.accountId)).toMatchObject({ kind: "owned", location: { name: "Round Trips Renamed", timezone: "Asia/Tokyo" } });
  });
});
