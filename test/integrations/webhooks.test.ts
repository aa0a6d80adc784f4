// Outgoing webhooks: endpoints, Standard Webhooks signatures (checked with the standardwebhooks
// package), retries with the same id, timeouts, redirects not followed, turning off after three days
// with an email to the owners, redelivery, filters, replayed emissions, SSRF refusals and tenancy.
import { env } from "cloudflare:test";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { DAY, MINUTE } from "../../src/lib/clock";
import { emitWebhookEvents } from "../../src/messaging/webhooks/emit";
import { queueDueDeliveries } from "../../src/messaging/webhooks/deliver";
import type { WebhookEvent } from "../../domain/webhook-events";
import { addMember, call, outbox, signUp, waitFor, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { all } from "../auth/support";
import { createKey } from "./support";

let owner: SignedUp;
let other: SignedUp;
let secondLocationId: string;

interface Got {
  headers: Record<string, string>;
  body: string;
}

const receiverUrl = (name: string) => `${inject("fakesUrl")}/receiver/${name}`;
async function received(name: string): Promise<Got[]> {
  return (await fetch(`${inject("fakesUrl")}/__control/receiver/${name}`)).json();
}
async function answerNext(name: string, answers: { status: number; delayMs?: number; body?: string }[]) {
  await fetch(`${inject("fakesUrl")}/__control/receiver/${name}`, { method: "POST", body: JSON.stringify({ answers }) });
}

async function newEndpoint(o: { token: string }, name: string, body: Record<string, unknown> = {}) {
  const res = await call("POST", "/api/webhook-endpoints", { token: o.token, body: { url: receiverUrl(name), ...body } });
  if (res.status !== 201) throw new Error(`endpoint creation failed: ${res.status} ${res.text}`);
  return res.json as { id: string; secret: string };
}

async function deliveries(o: { token: string }, endpointId: string) {
  const res = await call("GET", `/api/webhook-endpoints/${endpointId}/deliveries`, { token: o.token });
  expect(res.status, res.text).toBe(200);
  return res.json.items as any[];
}

function event(locationId: string | null, type: WebhookEvent["type"] = "party.created", sequence = 1): WebhookEvent {
  return { id: `evt_${crypto.randomUUID()}`, type, createdAt: new Date().toISOString(), locationId, sequence, data: { partyId: crypto.randomUUID(), position: 1, partiesAhead: 0 } };
}

beforeAll(async () => {
  owner = await signUp({ accountName: "Hooks A" });
  other = await signUp({ accountName: "Hooks B" });
  secondLocationId = (await call("POST", "/api/locations", { token: owner.token, body: { name: "Hooks A Two", timezone: "UTC" } })).json.id;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("webhook endpoints", () => {
  it("get a whsec_ secret shown on creation and on request, stored only encrypted", async () => {
    const ep = await newEndpoint(owner, "secret-check");
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const again = await call("GET", `/api/webhook-endpoints/${ep.id}/secret`, { token: owner.token });
    expect(again.json.secret).toBe(ep.secret);
    const listed = await call("GET", "/api/webhook-endpoints", { token: owner.token });
    expect(listed.json.items.find((e: any) => e.id === ep.id)).toMatchObject({ status: "enabled", eventTypes: null, locationIds: null, secret: null });
    const [row] = await all<Record<string, unknown>>("SELECT * FROM webhook_endpoints WHERE id = ?", ep.id);
    expect(JSON.stringify(row)).not.toContain(ep.secret.slice(6));
  });

  it("refuse URLs that are not public https, unknown events and foreign locations, storing nothing", async () => {
    const o = await signUp({ accountName: "Hooks bad input" });
    const cases: [string, Record<string, unknown>, string][] = [
      ["not a URL", { url: "not a url" }, "url"],
      ["plain http to a public host", { url: "http://example.com/hook" }, "url"],
      ["ftp", { url: "ftp://example.com/hook" }, "url"],
      ["a private address", { url: "https://10.1.2.3/hook" }, "url"],
      ["cloud metadata (link-local)", { url: "https://169.254.169.254/latest" }, "url"],
      ["IPv6 loopback", { url: "https://[::1]/hook" }, "url"],
      ["IPv4-mapped IPv6 private", { url: "https://[::ffff:192.168.0.1]/hook" }, "url"],
      ["localhost over https", { url: "https://localhost/hook" }, "url"],
      ["a .local name", { url: "https://printer.local/hook" }, "url"],
      ["credentials in the URL", { url: "https://user:pw@example.com/hook" }, "url"],
      ["an unknown event", { url: "https://example.com/hook", eventTypes: ["party.exploded"] }, "eventTypes.0"],
      ["no events", { url: "https://example.com/hook", eventTypes: [] }, "eventTypes"],
      ["another account's location", { url: "https://example.com/hook", locationIds: [other.locationId] }, "locationIds.0"],
    ];
    for (const [what, body, path] of cases) {
      const res = await call("POST", "/api/webhook-endpoints", { token: o.token, body });
      expectError(res, 400, "validation_failed", what);
      expect(res.json.error.details.map((d: any) => d.path), what).toContain(path);
    }
    expect(await all("SELECT id FROM webhook_endpoints WHERE account_id = ?", o.accountId)).toEqual([]);
    const ok = await call("POST", "/api/webhook-endpoints", { token: o.token, body: { url: "https://hooks.example.com/seatline" } });
    expect(ok.status).toBe(201);
    expectError(await call("PATCH", `/api/webhook-endpoints/${ok.json.id}`, { token: o.token, body: { url: "https://192.168.1.1/" } }), 400, "validation_failed");
  });

  it("belong to their account: other accounts' ids are 404, hosts get 403", async () => {
    const ep = await newEndpoint(owner, "tenancy");
    const host = await addMember(owner, "host");
    for (const [method, path] of [
      ["GET", `/api/webhook-endpoints/${ep.id}`],
      ["GET", `/api/webhook-endpoints/${ep.id}/secret`],
      ["PATCH", `/api/webhook-endpoints/${ep.id}`],
      ["DELETE", `/api/webhook-endpoints/${ep.id}`],
      ["GET", `/api/webhook-endpoints/${ep.id}/deliveries`],
      ["POST", `/api/webhook-endpoints/${ep.id}/test`],
    ] as const) {
      const body = method === "PATCH" ? { description: "mine now" } : undefined;
      const res = await call(method, path, { token: other.token, body });
      expectError(res, 404, "not_found", `${method} ${path}`);
      expect(res.text).not.toContain(ep.secret);
      expectError(await call(method, path, { token: host.token, body }), 403, "forbidden", `${method} ${path} as host`);
    }
    expect((await call("GET", `/api/webhook-endpoints/${ep.id}`, { token: owner.token })).json.description).toBeNull();
  });
});

describe("delivery", () => {
  it("signs per Standard Webhooks: the standardwebhooks package verifies the test event", async () => {
    const ep = await newEndpoint(owner, "signed");
    const res = await call("POST", `/api/webhook-endpoints/${ep.id}/test`, { token: owner.token });
    expect(res.status, res.text).toBe(202);
    const [got] = await waitFor(async () => {
      const r = await received("signed");
      return r.length > 0 && r;
    });
    const payload = new Webhook(ep.secret).verify(got!.body, got!.headers) as any;
    expect(payload).toMatchObject({ type: "webhook.test", id: res.json.eventId, locationId: null, sequence: null });
    expect(got!.headers["webhook-id"]).toBe(res.json.eventId);
    expect(got!.headers["content-type"]).toBe("application/json");
    // A tampered body or another secret fails verification.
    expect(() => new Webhook(ep.secret).verify(got!.body.replace("test", "tset"), got!.headers)).toThrow();
    const [log] = await waitFor(async () => {
      const d = await deliveries(owner, ep.id);
      return d[0]?.status === "succeeded" && d;
    });
    expect(log).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 204, lastError: null, eventType: "webhook.test" });
    expect(log.lastLatencyMs).toBeGreaterThanOrEqual(0);
  });

  it("retries failures with the same webhook-id until the receiver answers 2xx, logging each answer", async () => {
    const ep = await newEndpoint(owner, "flaky");
    await answerNext("flaky", [{ status: 500, body: "boom" }, { status: 503 }, { status: 200, body: "thanks" }]);
    const e = event(owner.locationId);
    await emitWebhookEvents(env, owner.accountId, [e], Date.now());
    const done = await waitFor(async () => {
      const d = (await deliveries(owner, ep.id)).find((x) => x.eventId === e.id);
      return d?.status === "succeeded" && d;
    });
    expect(done).toMatchObject({ attempts: 3, lastStatusCode: 200, lastResponse: "thanks" });
    const got = await received("flaky");
    expect(got).toHaveLength(3);
    expect(new Set(got.map((g) => g.headers["webhook-id"])).size).toBe(1);
    for (const g of got) expect(() => new Webhook(ep.secret).verify(g.body, g.headers)).not.toThrow();
  });

  it("treats no answer within the timeout as a failure and retries", async () => {
    const ep = await newEndpoint(owner, "slow");
    await answerNext("slow", [{ status: 200, delayMs: 2500 }, { status: 200 }]);
    const e = event(owner.locationId);
    await emitWebhookEvents(env, owner.accountId, [e], Date.now());
    const done = await waitFor(async () => {
      const d = (await deliveries(owner, ep.id)).find((x) => x.eventId === e.id);
      return d?.status === "succeeded" && d;
    }, 15_000);
    expect(done.attempts).toBe(2);
    expect((await received("slow")).length).toBe(2);
  });

  it("does not follow a redirect: a 3xx is a failed attempt", async () => {
    const ep = await newEndpoint(owner, "redirector");
    await answerNext("redirector", [{ status: 302 }, { status: 302 }, { status: 302 }]);
    const e = event(owner.locationId);
    await emitWebhookEvents(env, owner.accountId, [e], Date.now());
    const parked = await waitFor(async () => {
      const d = (await deliveries(owner, ep.id)).find((x) => x.eventId === e.id);
      return d?.attempts === 3 && d;
    });
    expect(parked).toMatchObject({ status: "pending", lastStatusCode: 302 });
    expect(parked.nextAttemptAt).toEqual(expect.any(String));
  });

  it("after three days of failures fails the delivery, turns the endpoint off once and emails the owners", async () => {
    // Its own account, read through an API key: three days on, every session has gone idle.
    const o = await signUp({ accountName: "Hooks dead" });
    const reader = { token: (await createKey(o, { scopes: ["webhooks"] })).secret };
    const ep = await newEndpoint(o, "dead", { description: "Dead receiver" });
    await answerNext("dead", Array.from({ length: 6 }, () => ({ status: 500 })));
    const start = Date.now();
    const e = event(o.locationId);
    await emitWebhookEvents(env, o.accountId, [e], start);
    await waitFor(async () => (await deliveries(reader, ep.id)).find((x) => x.eventId === e.id)?.attempts === 3);
    // Three days later the parked retry comes due; it fails too.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start + 3 * DAY + MINUTE);
    expect(await queueDueDeliveries(env, Date.now())).toBeGreaterThanOrEqual(1);
    const failed = await waitFor(async () => {
      const d = (await deliveries(reader, ep.id)).find((x) => x.eventId === e.id);
      return d?.status === "failed" && d;
    });
    expect(failed.attempts).toBe(4);
    const endpoint = (await call("GET", `/api/webhook-endpoints/${ep.id}`, { token: reader.token })).json;
    expect(endpoint.status).toBe("disabled");
    expect(endpoint.disabledReason).toMatch(/three days.*500/);
    const mail = await waitFor(async () => {
      const m = (await outbox(o.email)).filter((x) => /webhook endpoint was turned off/.test(x.subject));
      return m.length > 0 && m;
    }, 10_000);
    expect(mail.length).toBe(1);
    // A turned-off endpoint gets nothing new; turning it back on resumes.
    const before = (await deliveries(reader, ep.id)).length;
    await emitWebhookEvents(env, o.accountId, [event(o.locationId)], Date.now());
    expect((await deliveries(reader, ep.id)).length).toBe(before);
    const on = await call("PATCH", `/api/webhook-endpoints/${ep.id}`, { token: reader.token, body: { status: "enabled" } });
    expect(on.json).toMatchObject({ status: "enabled", disabledReason: null });
    await emitWebhookEvents(env, o.accountId, [event(o.locationId)], Date.now());
    expect((await deliveries(reader, ep.id)).length).toBe(before + 1);
  });

  it("redelivers a finished delivery with the same event id", async () => {
    const ep = await newEndpoint(owner, "redeliver");
    const e = event(owner.locationId);
    await emitWebhookEvents(env, owner.accountId, [e], Date.now());
    await waitFor(async () => (await deliveries(owner, ep.id)).find((x) => x.eventId === e.id)?.status === "succeeded");
    const id = (await deliveries(owner, ep.id)).find((x) => x.eventId === e.id).id;
    const res = await call("POST", `/api/webhook-endpoints/${ep.id}/deliveries/${id}/redeliver`, { token: owner.token });
    expect(res.status, res.text).toBe(202);
    const got = await waitFor(async () => {
      const r = await received("redeliver");
      return r.length === 2 && r;
    });
    expect(got[0]!.headers["webhook-id"]).toBe(got[1]!.headers["webhook-id"]);
    expectError(await call("POST", `/api/webhook-endpoints/${ep.id}/deliveries/${crypto.randomUUID()}/redeliver`, { token: owner.token }), 404, "not_found");
  });
});

describe("emission", () => {
  it("sends each event once per endpoint, even when emitted again, honouring event and location filters", async () => {
    const o = await signUp({ accountName: "Hooks filters" });
    const l2 = (await call("POST", "/api/locations", { token: o.token, body: { name: "Filters Two", timezone: "UTC" } })).json.id;
    const all_ = await newEndpoint(o, "f-all");
    const onlyCreated = await newEndpoint(o, "f-created", { eventTypes: ["party.created"] });
    const onlyL2 = await newEndpoint(o, "f-l2", { locationIds: [l2] });
    const e1 = event(o.locationId, "party.created", 1);
    const e2 = event(o.locationId, "party.status_changed", 2);
    const e3 = event(l2, "reservation.created", 1);
    const first = await emitWebhookEvents(env, o.accountId, [e1, e2, e3], Date.now());
    const replay = await emitWebhookEvents(env, o.accountId, [e1, e2, e3], Date.now());
    expect(first).toHaveLength(3 + 1 + 1);
    expect(replay).toEqual([]);
    const types = async (ep: { id: string }) => (await deliveries(o, ep.id)).map((d) => d.eventId).sort();
    expect(await types(all_)).toEqual([e1.id, e2.id, e3.id].sort());
    expect(await types(onlyCreated)).toEqual([e1.id]);
    expect(await types(onlyL2)).toEqual([e3.id]);
    // Another account's endpoints get nothing.
    const foreign = await newEndpoint(other, "f-foreign");
    expect(await deliveries(other, foreign.id)).toEqual([]);
    const got = await waitFor(async () => {
      const r = await received("f-all");
      return r.length === 3 && r;
    });
    const sequences = got.map((g) => JSON.parse(g.body)).map((p) => [p.locationId, p.sequence]);
    expect(sequences).toEqual(expect.arrayContaining([[o.locationId, 1], [o.locationId, 2], [l2, 1]]));
  });

  it("is reachable with an API key that has the webhooks scope", async () => {
    const key = await createKey(owner, { scopes: ["webhooks"] });
    const res = await call("POST", "/api/webhook-endpoints", { token: key.secret, body: { url: receiverUrl("by-key") } });
    expect(res.status, res.text).toBe(201);
    const readOnly = await createKey(owner, { scopes: ["read"] });
    expectError(await call("GET", "/api/webhook-endpoints", { token: readOnly.secret }), 403, "insufficient_scope");
  });
});
