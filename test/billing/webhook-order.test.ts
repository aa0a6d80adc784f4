// Out-of-order notifications: the state applied is Recurly's latest, never an older one.
import { describe, expect, it } from "vitest";
import { notification, postWebhook, recurly, recurlyChanges, row, subscribe, subscribedOwner, subscriptionId, subscriptionWebhook } from "./helpers";

describe("out of order", () => {
  it("a late past_due notification after the payment recovered leaves the account active", async () => {
    const owner = await subscribedOwner();
    const id = await subscriptionId(owner.accountId);
    await recurlyChanges(id, { pastDue: true });
    await recurlyChanges(id, { pastDue: false });
    // The "paid" notification arrives first, the "past due" one after it.
    await postWebhook(notification("charge_invoice", "paid", owner.accountId));
    await postWebhook(notification("charge_invoice", "past_due", owner.accountId));
    expect((await row(owner.accountId))!).toMatchObject({ status: "active", past_due_since: null });
  });

  it("a late 'created' notification after 'expired' does not bring the subscription back", async () => {
    const owner = await subscribedOwner();
    await recurlyChanges(await subscriptionId(owner.accountId), { state: "expired" });
    await subscriptionWebhook(owner.accountId, "expired");
    await subscriptionWebhook(owner.accountId, "created");
    expect((await row(owner.accountId))!.status).toBe("expired");
  });

  it("the old subscription's late expiry does not replace a new live subscription", async () => {
    const owner = await subscribedOwner("starter");
    const oldId = await subscriptionId(owner.accountId);
    const oldUuid = (await recurly("subscription", { id: oldId })).uuid as string;
    await recurlyChanges(oldId, { state: "expired" });
    await subscriptionWebhook(owner.accountId, "expired");
    await subscribe(owner, "pro");
    const newId = await subscriptionId(owner.accountId);
    expect(newId).not.toBe(oldId);
    // The old subscription's expiry notification, redelivered late.
    await postWebhook(notification("subscription", "expired", owner.accountId, oldUuid));
    expect((await row(owner.accountId))!).toMatchObject({ recurly_subscription_id: newId, status: "active", plan_code: "pro" });
  });
});
