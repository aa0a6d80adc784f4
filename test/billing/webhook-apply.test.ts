// Each kind of Recurly notification is a trigger: the subscription is fetched and applied once, and a
// repeated notification changes nothing (the row, including our updated_at, stays as it was).
import { afterEach, describe, expect, it, vi } from "vitest";
import { notification, postWebhook, recurly, recurlyChanges, row, subscribedOwner, subscriptionId, subscriptionWebhook } from "./helpers";

afterEach(() => {
  vi.useRealTimers();
});

/** Delivers the notification, then the very same one again a minute later. */
async function deliverTwice(send: () => Promise<{ status: number }>, accountId: string) {
  expect((await send()).status).toBe(204);
  const first = await row(accountId);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 60_000);
  expect((await send()).status).toBe(204);
  expect(await row(accountId)).toEqual(first);
  return first!;
}

describe("subscription notifications, each applied once", () => {
  it("renewed: the new period end", async () => {
    const owner = await subscribedOwner();
    const id = await subscriptionId(owner.accountId);
    await recurlyChanges(id, { periodEndsAt: "2027-03-01T00:00:00.000Z" });
    const r = await deliverTwice(() => subscriptionWebhook(owner.accountId, "renewed"), owner.accountId);
    expect(r.current_period_ends_at).toBe(Date.parse("2027-03-01T00:00:00.000Z"));
  });

  it("updated: a plan changed in Recurly's admin", async () => {
    const owner = await subscribedOwner("starter");
    const id = await subscriptionId(owner.accountId);
    await recurly("change-plan", { subscriptionId: id, planCode: "pro" });
    const r = await deliverTwice(() => subscriptionWebhook(owner.accountId, "updated"), owner.accountId);
    expect(r.plan_code).toBe("pro");
  });

  it("canceled: cancel at period end", async () => {
    const owner = await subscribedOwner();
    await recurlyChanges(await subscriptionId(owner.accountId), { state: "canceled" });
    const r = await deliverTwice(() => subscriptionWebhook(owner.accountId, "canceled"), owner.accountId);
    expect(r).toMatchObject({ status: "canceled", cancel_at_period_end: 1 });
  });

  it("expired", async () => {
    const owner = await subscribedOwner();
    await recurlyChanges(await subscriptionId(owner.accountId), { state: "expired" });
    const r = await deliverTwice(() => subscriptionWebhook(owner.accountId, "expired"), owner.accountId);
    expect(r.status).toBe("expired");
  });

  it("past due (an invoice notification, no subscription uuid): the since-time is kept on repeats", async () => {
    const owner = await subscribedOwner();
    await recurlyChanges(await subscriptionId(owner.accountId), { pastDue: true });
    const body = notification("charge_invoice", "past_due", owner.accountId);
    const r = await deliverTwice(() => postWebhook(body), owner.accountId);
    expect(r.status).toBe("past_due");
    expect(r.past_due_since).toBeTypeOf("number");
  });

  it("reactivated after a cancel", async () => {
    const owner = await subscribedOwner();
    const id = await subscriptionId(owner.accountId);
    await recurlyChanges(id, { state: "canceled" });
    await subscriptionWebhook(owner.accountId, "canceled");
    await recurlyChanges(id, { state: "active" });
    const r = await deliverTwice(() => subscriptionWebhook(owner.accountId, "reactivated"), owner.accountId);
    expect(r).toMatchObject({ status: "active", cancel_at_period_end: 0 });
  });

  it("an account Seatline does not know is acknowledged and ignored", async () => {
    const res = await postWebhook(notification("subscription", "created", crypto.randomUUID(), "0".repeat(32)));
    expect(res.status).toBe(204);
  });

  it("a body that is not JSON (but signed) answers 400", async () => {
    const res = await postWebhook("not json");
    expect(res.status).toBe(400);
  });
});
