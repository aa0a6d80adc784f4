// Cancel at period end keeps the plan until then; reactivate undoes it.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { recurly, row, subscribedOwner, subscriptionId } from "./helpers";

const post = (owner: { token: string }, what: "cancel" | "reactivate") => call("POST", `/api/billing/subscription/${what}`, { token: owner.token });

describe("cancel and reactivate", () => {
  it("cancel keeps the plan to the period end, with a notice", async () => {
    const owner = await subscribedOwner("starter");
    const res = await post(owner, "cancel");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ plan: { code: "starter" }, status: "canceled", cancelAtPeriodEnd: true });
    expect(res.json.notices).toEqual([expect.objectContaining({ code: "subscription_canceled", level: "info" })]);
    expect((await recurly("subscription", { id: await subscriptionId(owner.accountId) })).state).toBe("canceled");
  });

  it("cancel twice answers 409 the second time", async () => {
    const owner = await subscribedOwner("starter");
    await post(owner, "cancel");
    expect((await post(owner, "cancel")).status).toBe(409);
  });

  it("reactivate restores an active subscription", async () => {
    const owner = await subscribedOwner("pro");
    await post(owner, "cancel");
    const res = await post(owner, "reactivate");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ plan: { code: "pro" }, status: "active", cancelAtPeriodEnd: false, notices: [] });
    expect(await row(owner.accountId)).toMatchObject({ status: "active", cancel_at_period_end: 0 });
  });

  it("reactivate without a cancellation answers 409", async () => {
    const owner = await subscribedOwner("starter");
    expect((await post(owner, "reactivate")).status).toBe(409);
  });
});
