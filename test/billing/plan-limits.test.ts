// A location or feature beyond the plan answers 402 plan_limit naming the plan needed.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { recurlyChanges, subscribedOwner, subscriptionId, subscriptionWebhook } from "./helpers";

async function expiredOwner() {
  const owner = await subscribedOwner("starter");
  await recurlyChanges(await subscriptionId(owner.accountId), { state: "expired" });
  await subscriptionWebhook(owner.accountId, "expired");
  return owner;
}

async function slugOf(owner: { token: string; locationId: string }) {
  return (await call("GET", `/api/locations/${owner.locationId}`, { token: owner.token })).json.slug as string;
}

describe("402 plan_limit", () => {
  it("a second location on Starter names Pro, and creates nothing", async () => {
    const owner = await subscribedOwner("starter");
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: "Annex", timezone: "Europe/London" } });
    expect(res.status).toBe(402);
    expect(res.json.error).toMatchObject({ code: "plan_limit", message: expect.stringContaining("needs the Pro plan") });
    expect(res.json.error.details).toEqual([expect.objectContaining({ feature: "locations", planNeeded: "pro" })]);
    expect((await call("GET", "/api/locations", { token: owner.token })).json.locations).toHaveLength(1);
  });

  it("a second location on Pro is fine", async () => {
    const owner = await subscribedOwner("pro");
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: "Annex", timezone: "Europe/London" } });
    expect(res.status).toBe(201);
  });

  it("self check-in on the free plan (after expiry) answers 402 naming Starter", async () => {
    const owner = await expiredOwner();
    const res = await call("POST", `/api/public/locations/${await slugOf(owner)}/waitlist`, { body: { name: "Ana", phone: "+12125550100", partySize: 2, smsConsent: false } });
    expect(res.status).toBe(402);
    expect(res.json.error).toMatchObject({ code: "plan_limit", message: expect.stringContaining("needs the Starter plan") });
    expect(res.json.error.details[0]).toMatchObject({ feature: "selfCheckIn", planNeeded: "starter", currentPlan: "free" });
  });

  it("self check-in on Starter works", async () => {
    const owner = await subscribedOwner("starter");
    const res = await call("POST", `/api/public/locations/${await slugOf(owner)}/waitlist`, { body: { name: "Ana", phone: "+12125550101", partySize: 2, smsConsent: false } });
    expect(res.status).toBe(201);
  });

  it("hosts can still add parties on the free plan", async () => {
    const owner = await expiredOwner();
    const res = await call("POST", `/api/locations/${owner.locationId}/waitlist`, { token: owner.token, body: { name: "Walk-in", partySize: 2 } });
    expect(res.status).toBe(201);
  });
});
