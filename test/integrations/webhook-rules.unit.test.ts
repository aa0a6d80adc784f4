// Pure webhook rules: where webhooks may go (per environment), Standard Webhooks signatures against
// the standardwebhooks reference package, the retry schedule and endpoint filters.
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_DELAYS, delayAfter, retryDelays } from "../../src/messaging/webhooks/deliver";
import { endpointWants } from "../../src/messaging/webhooks/emit";
import { newWebhookSecret, signWebhook, webhookHeaders } from "../../src/messaging/webhooks/signing";
import { endpointUrlProblem } from "../../src/messaging/webhooks/url-policy";

describe("endpoint URLs", () => {
  it.each([
    "https://hooks.example.com/seatline",
    "https://203.0.113.9:8443/hook",
    "https://[2606:4700::1111]/hook",
  ])("accepts the public https URL %s in production", (url) => {
    expect(endpointUrlProblem(url, "production")).toBeNull();
  });

  it.each([
    ["http://hooks.example.com/seatline", /https/],
    ["http://127.0.0.1:8080/hook", /https/],
    ["https://127.0.0.1/hook", /private|loopback/],
    ["https://10.0.0.8/hook", /private/],
    ["https://172.20.1.1/hook", /private/],
    ["https://192.168.1.10/hook", /private/],
    ["https://100.64.0.1/hook", /private/],
    ["https://169.254.169.254/latest/meta-data", /link-local/],
    ["https://0.0.0.0/hook", /private/],
    ["https://224.0.0.1/hook", /private/],
    ["https://[::1]/hook", /private/],
    ["https://[fe80::1]/hook", /private/],
    ["https://[fd00::1]/hook", /private/],
    ["https://[::ffff:10.0.0.1]/hook", /private/],
    ["https://[::ffff:a00:1]/hook", /private/],
    ["https://localhost/hook", /public host/],
    ["https://db.internal/hook", /public host/],
    ["https://nas.local/hook", /public host/],
    ["https://intranet/hook", /public host/],
    ["https://u:p@hooks.example.com/", /user name/],
    ["javascript:alert(1)", /https/],
    ["hooks.example.com", /full URL/],
  ])("refuses %s in production", (url, why) => {
    expect(endpointUrlProblem(url, "production")).toMatch(why);
  });

  it("allows http to 127.0.0.1 and localhost only outside production", () => {
    expect(endpointUrlProblem("http://127.0.0.1:9000/hook", "development")).toBeNull();
    expect(endpointUrlProblem("http://localhost:9000/hook", "test")).toBeNull();
    expect(endpointUrlProblem("http://10.0.0.1/hook", "development")).toMatch(/https/);
    expect(endpointUrlProblem("http://example.com/hook", "test")).toMatch(/https/);
  });
});

describe("signatures", () => {
  it("verify with the standardwebhooks reference implementation", async () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ id: "evt_1", type: "party.created", data: { partySize: 4 } });
    const ts = Math.floor(Date.now() / 1000);
    const headers = await webhookHeaders(secret, "evt_1", ts, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    // The reference signer and ours agree byte for byte.
    expect(await signWebhook(secret, "evt_1", ts, body)).toBe(new Webhook(secret).sign("evt_1", new Date(ts * 1000), body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });
});

describe("retries", () => {
  it("wait 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h between attempts by default", () => {
    const delays = retryDelays({});
    expect(delays).toBe(DEFAULT_RETRY_DELAYS);
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => delayAfter(delays, n) / 1000)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000, 36000]);
  });

  it("take a configured schedule, ignoring a malformed one", () => {
    expect(retryDelays({ WEBHOOK_RETRY_DELAYS: "0, 10,60" })).toEqual([0, 10_000, 60_000]);
    expect(retryDelays({ WEBHOOK_RETRY_DELAYS: "soon" })).toBe(DEFAULT_RETRY_DELAYS);
  });
});

describe("filters", () => {
  const e = { id: "x", eventTypes: null, locationIds: null };
  it("send every event to an endpoint without filters, and only the chosen ones otherwise", () => {
    expect(endpointWants(e, { type: "party.created", locationId: "L1" })).toBe(true);
    expect(endpointWants({ ...e, eventTypes: ["party.created"] }, { type: "party.moved", locationId: "L1" })).toBe(false);
    expect(endpointWants({ ...e, locationIds: ["L2"] }, { type: "party.created", locationId: "L1" })).toBe(false);
    expect(endpointWants({ ...e, locationIds: ["L2"] }, { type: "party.created", locationId: null })).toBe(true);
  });
});
