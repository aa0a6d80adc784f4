// Past due: a banner during the grace period; expired: the free plan's limits, nothing deleted.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { billing, notification, postWebhook, recurlyChanges, subscribedOwner, subscriptionId, subscriptionWebhook } from "./helpers";

describe("past due and expired", () => {
  it("past due shows a warning banner and keeps the plan during the grace period", async () => {
    const owner = await subscribedOwner("pro");
    await recurlyChanges(await subscriptionId(owner.accountId), { pastDue: true });
    await postWebhook(notification("charge_invoice", "past_due", owner.accountId));
    const b = await billing(owner);
    expect(b).toMatchObject({ status: "past_due", plan: { code: "pro" } });
    expect(Date.parse(b.graceEndsAt) - Date.parse(b.pastDueSince)).toBe(7 * 86_400_000);
    expect(b.notices).toEqual([expect.objectContaining({ code: "payment_past_due", level: "warning" })]);
  });

  it("expired: the free plan's limits apply and the account's locations are all still there", async () => {
    const owner = await subscribedOwner("pro");
    const second = await call("POST", "/api/locations", { token: owner.token, body: { name: "Second room", timezone: "Europe/Paris" } });
    expect(second.status).toBe(201);
    await recurlyChanges(await subscriptionId(owner.accountId), { state: "expired" });
    await subscriptionWebhook(owner.accountId, "expired");
    const b = await billing(owner);
    expect(b).toMatchObject({ status: "expired", plan: { code: "free" }, subscribedPlan: { code: "pro" } });
    expect(b.notices[0]).toMatchObject({ code: "subscription_expired", level: "error" });
    const list = await call("GET", "/api/locations", { token: owner.token });
    expect(list.json.locations).toHaveLength(2);
  });
});
