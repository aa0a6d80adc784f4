// Bad input on every billing endpoint: a clear 4xx in the one error shape, and nothing changes
// (no Recurly call, no subscription row).
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { client } from "../../src/billing/service";
import { call, signUp } from "../helpers/api";
import { postWebhook, recurly, row, subscribedOwner } from "./helpers";

const BIG = "x".repeat(70 * 1024);

describe("POST /api/billing/subscription with bad input", () => {
  const cases: [string, unknown][] = [
    ["no body fields", {}],
    ["missing billingToken", { planCode: "starter" }],
    ["missing planCode", { billingToken: "tok-abc" }],
    ["planCode a number", { planCode: 1, billingToken: "tok-abc" }],
    ["billingToken an object", { planCode: "starter", billingToken: { id: "x" } }],
    ["an unknown plan", { planCode: "platinum", billingToken: "tok-abc" }],
    ["the free plan (not for sale)", { planCode: "free", billingToken: "tok-abc" }],
    ["the self-hosted plan (not for sale)", { planCode: "unlimited", billingToken: "tok-abc" }],
    ["a card number instead of a token", { planCode: "starter", billingToken: "4111 1111 1111 1111" }],
    ["an extra field (card data)", { planCode: "starter", billingToken: "tok-abc", cvv: "123" }],
    ["an over-long token", { planCode: "starter", billingToken: "t".repeat(129) }],
  ];
  it.each(cases)("%s → 400 validation_failed and no Recurly account", async (_name, body) => {
    const owner = await signUp();
    const res = await call("POST", "/api/billing/subscription", { token: owner.token, body });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", details: expect.any(Array) });
    expect(await row(owner.accountId)).toBeNull();
    expect(await recurly("account", { code: owner.accountId })).toBeNull();
  });

  it("an oversized body → 413", async () => {
    const owner = await signUp();
    const res = await call("POST", "/api/billing/subscription", { token: owner.token, body: { planCode: "starter", billingToken: BIG } });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
  });

  it("malformed JSON → 400, and a form body → 415", async () => {
    const owner = await signUp();
    expect((await call("POST", "/api/billing/subscription", { token: owner.token, raw: "{", headers: { "Content-Type": "application/json" } })).status).toBe(400);
    expect((await call("POST", "/api/billing/subscription", { token: owner.token, raw: "planCode=starter", headers: { "Content-Type": "application/x-www-form-urlencoded" } })).status).toBe(415);
  });
});

describe("POST /api/billing/subscription/change with bad input", () => {
  it.each([
    ["no planCode", {}],
    ["an unknown plan", { planCode: "gold" }],
    ["a bad timeframe", { planCode: "pro", timeframe: "yesterday" }],
    ["timeframe a number", { planCode: "pro", timeframe: 1 }],
  ] as [string, unknown][])("%s → 400 and the plan stays", async (_name, body) => {
    const owner = await subscribedOwner("starter");
    const res = await call("POST", "/api/billing/subscription/change", { token: owner.token, body });
    expect(res.status).toBe(400);
    expect((await row(owner.accountId))!.plan_code).toBe("starter");
  });
});

describe("other billing endpoints", () => {
  it("unknown methods answer 405", async () => {
    const owner = await signUp();
    expect((await call("DELETE", "/api/billing", { token: owner.token })).status).toBe(405);
    expect((await call("GET", "/api/billing/subscription/cancel", { token: owner.token })).status).toBe(405);
  });

  it("the webhook refuses an oversized body with 413 before anything else", async () => {
    expect((await postWebhook(BIG)).status).toBe(413);
  });

  it("a signed webhook without an account code is acknowledged and changes nothing", async () => {
    expect((await postWebhook(JSON.stringify({ object_type: "subscription", event_type: "created" }))).status).toBe(204);
    expect((await postWebhook(JSON.stringify([1, 2]))).status).toBe(204);
    expect((await postWebhook(JSON.stringify({ account_code: 42 }))).status).toBe(204);
  });
});

describe("billing not configured", () => {
  it("answers 409 billing_not_configured (not a 5xx) without an API key or subdomain", () => {
    for (const missing of [{ RECURLY_API_KEY: "" }, { RECURLY_SUBDOMAIN: "" }]) {
      let thrown: unknown = null;
      try {
        client({ ...env, ...missing });
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toMatchObject({ status: 409, code: "billing_not_configured" });
    }
  });
});
