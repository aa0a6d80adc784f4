// The attack run as a table (issue 20, item 9): generated from /api/openapi.json, so a route is
// covered the day it is documented. For every operation: without a token (401 where it needs one),
// with another account's ids (the same answer as ids that exist nowhere, never 2xx), with bad path
// ids, and for every JSON body wrong types, NUL bytes, lone surrogates and oversize strings. Never a
// 5xx, and every 4xx in the one error shape.
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, ORIGIN, signUp, type SignedUp } from "../helpers/api";

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] };
type Operation = { security?: unknown[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string }[] };
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const METHODS = ["get", "post", "put", "patch", "delete"];
let doc: Doc;
let a: SignedUp & { partyId: string; memberId: string; inviteId: string };
let b: SignedUp;
let aHost: { token: string };
let ipCounter = 0;
const ip = () => `10.99.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

interface Op {
  method: string;
  path: string;
  op: Operation;
}
const ops = (): Op[] => Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path, op: item[m]! })));
const needsToken = (o: Op) => (o.op.security?.length ?? 0) > 0;
const paramsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** A's real ids by parameter name; anything else gets a fresh UUID (or a token-shaped junk value). */
function aIds(name: string): string {
  const known: Record<string, string> = { locationId: a.locationId, partyId: a.partyId, userId: a.memberId, inviteId: a.inviteId };
  return known[name] ?? (/token|slug|date/i.test(name) ? `x${crypto.randomUUID().replace(/-/g, "")}` : crypto.randomUUID());
}
const fill = (path: string, value: (name: string) => string) => path.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(value(n)));

function resolve(s: Schema | undefined): Schema | undefined {
  if (!s) return s;
  if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split("/").at(-1)!]);
  return s;
}
/** Top-level string properties of an operation's JSON body (through refs, unions and intersections). */
function stringProps(o: Op): string[] {
  const root = resolve(o.op.requestBody?.content?.["application/json"]?.schema);
  const out = new Set<string>();
  const walk = (s: Schema | undefined) => {
    s = resolve(s);
    if (!s) return;
    for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(sub);
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      const t = resolve(v)?.type;
      if (t === "string" || (Array.isArray(t) && t.includes("string"))) out.add(k);
    }
  };
  walk(root);
  return [...out];
}

async function send(o: Op, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}) {
  const res = await call(o.method, path, { token: opts.token, body: opts.body, raw: opts.raw, ip: ip(), headers: opts.raw !== undefined ? { "Content-Type": "application/json" } : {} });
  return res;
}

function expectSafe(res: { status: number; json: any; text: string }, what: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.json, `${what}: the one error shape`).toEqual({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) } });
  }
}

beforeAll(async () => {
  a = (await signUp({ accountName: "Attack Target" })) as typeof a;
  const party = await call("POST", `/api/locations/${a.locationId}/waitlist`, { token: a.token, body: { name: "Target Party", partySize: 2, phone: "+12125550111", smsConsent: true } });
  a.partyId = party.json.id;
  const member = await addMember(a, "host");
  a.memberId = member.userId;
  aHost = member;
  const invite = await call("POST", "/api/team/invites", { token: a.token, body: { email: `pending.${Date.now()}@example.com`, role: "host" } });
  a.inviteId = invite.json.invite.id;
  b = await signUp({ accountName: "Attacker" });
  doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as Doc;
}, 120_000);

describe("attack table generated from /api/openapi.json", () => {
  it("documents enough operations to be worth running", () => {
    expect(ops().length).toBeGreaterThan(40);
  });

  it("every operation that needs a token answers 401 without one (and no 5xx anywhere)", async () => {
    for (const o of ops().filter(needsToken)) {
      const res = await send(o, fill(o.path, aIds), { body: o.op.requestBody ? {} : undefined });
      expectSafe(res, `${o.method} ${o.path}`);
      // A body may be refused before the token is looked at; never anything else.
      expect([400, 401, 413, 415, 426], `${o.method} ${o.path}`).toContain(res.status);
    }
  }, 240_000);

  it("another account's ids answer like ids that exist nowhere: never 2xx, never a hint", async () => {
    for (const o of ops().filter((x) => needsToken(x) && paramsOf(x.path).length > 0)) {
      const body = o.op.requestBody ? {} : undefined;
      const theirs = await send(o, fill(o.path, aIds), { token: b.token, body });
      const nowhere = await send(o, fill(o.path, (n) => (/token|slug|date/i.test(n) ? aIds(n) : crypto.randomUUID())), { token: b.token, body });
      const what = `${o.method} ${o.path}`;
      expectSafe(theirs, what);
      expect(theirs.status, what).toBeGreaterThanOrEqual(400);
      expect(theirs.status, `${what}: 404, not 403`).not.toBe(403);
      expect([theirs.status, theirs.json?.error?.code], what).toEqual([nowhere.status, nowhere.json?.error?.code]);
      for (const secret of [a.accountId, a.partyId, a.memberId, a.inviteId, "Attack Target", "Target Party", "2125550111"]) expect(theirs.text, what).not.toContain(secret);
    }
  }, 240_000);

  it("bad path ids are a 4xx, never a 5xx", async () => {
    for (const o of ops().filter((x) => paramsOf(x.path).length > 0)) {
      // Already percent-encoded as a client would send them: NUL, a UTF-8-encoded lone surrogate, invalid UTF-8.
      for (const junk of ["not-an-id", "%00", "%ED%A0%80", "%FF%FE", "%27%3B%20DROP%20TABLE%20users%3B%20--", "x".repeat(2000), "..%2f..%2f"]) {
        const res = await send(o, o.path.replace(/\{(\w+)\}/g, junk), { token: a.token, body: o.op.requestBody ? {} : undefined });
        expectSafe(res, `${o.method} ${o.path} with ${JSON.stringify(junk.slice(0, 20))}`);
      }
    }
  }, 240_000);

  it("every JSON body refuses wrong types, NUL bytes, lone surrogates and oversize strings with a 4xx", async () => {
    // As A's owner at A's own ids, so validation (not tenancy) is what answers.
    for (const o of ops().filter((x) => x.op.requestBody?.content?.["application/json"])) {
      const path = fill(o.path, aIds);
      const what = `${o.method} ${o.path}`;
      for (const raw of ["[]", '"text"', "123", "null", "{", '{"a":1}'.repeat(3)]) {
        const res = await send(o, path, { token: a.token, raw });
        expectSafe(res, `${what} body ${raw}`);
        if (raw !== '{"a":1}{"a":1}{"a":1}') expect(res.status, `${what} body ${raw}`).toBeGreaterThanOrEqual(400);
      }
      for (const prop of stringProps(o)) {
        for (const evil of ["a\u0000b", "\ud800x", "x".repeat(70_000), 42, { nested: true }, ["list"]]) {
          const res = await send(o, path, { token: a.token, body: { [prop]: evil } });
          expectSafe(res, `${what} ${prop}=${JSON.stringify(evil).slice(0, 20)}`);
          expect(res.status, `${what} ${prop}=${JSON.stringify(evil).slice(0, 20)}`).toBeGreaterThanOrEqual(400);
        }
      }
    }
  }, 240_000);

  it("a host calling every operation gets answers, never a 5xx; documented 403s only", async () => {
    for (const o of ops().filter(needsToken)) {
      if (o.method === "DELETE" && /\/account$|\/locations\/\{locationId\}$/.test(o.path)) continue; // would end the run's account
      const res = await send(o, fill(o.path, aIds), { token: aHost.token, body: o.op.requestBody ? {} : undefined });
      const what = `${o.method} ${o.path}`;
      expectSafe(res, what);
      if (res.status === 403) expect(Object.keys((doc.paths[o.path]![o.method.toLowerCase()] as any).responses ?? {}), `${what}: 403 documented`).toContain("403");
    }
  }, 240_000);
});
