// Subscribing creates the Recurly account (with the Recurly.js token, never card data) and the
// subscription, and the account's plan follows.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { billing, recurly, row, subscribe, token } from "./helpers";

describe("POST /api/billing/subscription", () => {
  it("creates the Recurly account and subscription and puts the account on the plan", async () => {
    const owner = await signUp();
    const res = await call("POST", "/api/billing/subscription", { token: owner.token, body: { planCode: "starter", billingToken: token() } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ plan: { code: "starter" }, status: "active", cancelAtPeriodEnd: false });
    expect(res.json.periodEnd).toMatch(/^\d{4}-\d\d-\d\dT/);
    const account = await recurly("account", { code: owner.accountId });
    expect(account).toMatchObject({ code: owner.accountId, email: owner.email });
    expect(await row(owner.accountId)).toMatchObject({ plan_code: "starter", status: "active", recurly_account_code: owner.accountId });
  });

  it("a second call updates the card and changes the plan of the same subscription (200)", async () => {
    const owner = await signUp();
    await subscribe(owner, "starter");
    const before = await row(owner.accountId);
    const res = await call("POST", "/api/billing/subscription", { token: owner.token, body: { planCode: "pro", billingToken: token() } });
    expect(res.status).toBe(200);
    expect(res.json.plan.code).toBe("pro");
    expect((await row(owner.accountId))!.recurly_subscription_id).toBe(before!.recurly_subscription_id);
  });

  it("a declined card answers 422 billing_rejected with Recurly's message and subscribes nothing", async () => {
    const owner = await signUp();
    const res = await call("POST", "/api/billing/subscription", { token: owner.token, body: { planCode: "starter", billingToken: "tok-declined" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "billing_rejected", message: "Your card was declined." });
    expect(await row(owner.accountId)).toBeNull();
    expect((await billing(owner)).status).toBe("none");
  });

  it("shows the plans one can buy, and no subscription before one is made", async () => {
    const owner = await signUp();
    const b = await billing(owner);
    expect(b.status).toBe("none");
    expect(b.plans.map((p: { code: string }) => p.code)).toEqual(["starter", "pro"]);
    expect(b.usage).toEqual([expect.objectContaining({ locationId: owner.locationId, count: 0 })]);
  });
});

describe("a retried subscribe", () => {
  it("with the same token after a lost answer gets the same Recurly subscription, not a second", async () => {
    const owner = await signUp();
    const billingToken = token();
    await call("POST", "/api/billing/subscription", { token: owner.token, body: { planCode: "starter", billingToken } });
    const first = (await row(owner.accountId))!.recurly_subscription_id;
    // As if our row had never been written (the Worker died after Recurly answered).
    await env.DB.prepare("DELETE FROM billing_subscriptions WHERE account_id = ?").bind(owner.accountId).run();
    const res = await call("POST", "/api/billing/subscription", { token: owner.token, body: { planCode: "starter", billingToken } });
    expect(res.status).toBe(201);
    expect((await row(owner.accountId))!.recurly_subscription_id).toBe(first);
  });
});
