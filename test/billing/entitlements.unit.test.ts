// What an account may do, from its subscription row and the clock (entitlementsOf, called directly).
import { describe, expect, it } from "vitest";
import { DEFAULT_GRACE_DAYS, entitlementsOf, graceDays } from "../../src/billing/entitlements";
import { cheapestPlanWith, planByCode } from "../../src/billing/plans";
import { DAY } from "../../src/lib/clock";

const T = Date.parse("2026-06-10T12:00:00Z");
const sub = (over: Record<string, unknown>) =>
  ({ accountId: "a", planCode: "pro", recurlyAccountCode: "a", recurlySubscriptionId: "s", status: "active", currentPeriodEndsAt: T + 20 * DAY, pastDueSince: null, cancelAtPeriodEnd: false, recurlyUpdatedAt: T, createdAt: T, updatedAt: T, ...over }) as any;
const opts = { graceDays: 7 };

describe("entitlementsOf", () => {
  it("no subscription: the default plan, free unless configured", () => {
    expect(entitlementsOf(null, T, opts).plan.code).toBe("free");
    expect(entitlementsOf(null, T, { ...opts, defaultPlanCode: "unlimited" }).plan.code).toBe("unlimited");
    expect(entitlementsOf(null, T, { ...opts, defaultPlanCode: "no-such-plan" }).plan.code).toBe("free");
  });

  it("the free plan has one location, 50 texts, and none of the paid features", () => {
    const free = entitlementsOf(null, T, opts).plan;
    expect(free).toMatchObject({ locationsAllowed: 1, smsPerLocationPerMonth: 50, allowOverage: false });
    expect(Object.values(free.features).every((f) => f === false)).toBe(true);
  });

  it("active and canceled-at-period-end keep the plan", () => {
    expect(entitlementsOf(sub({}), T, opts)).toMatchObject({ plan: { code: "pro" }, notices: [] });
    expect(entitlementsOf(sub({ status: "canceled", cancelAtPeriodEnd: true }), T, opts)).toMatchObject({
      plan: { code: "pro" },
      notices: [{ code: "subscription_canceled" }],
    });
  });

  it("canceled past its period end (the expiry notification lost) lapses a day later", () => {
    const c = sub({ status: "canceled", cancelAtPeriodEnd: true, currentPeriodEndsAt: T - 2 * DAY });
    expect(entitlementsOf(c, T, opts).plan.code).toBe("free");
    expect(entitlementsOf({ ...c, currentPeriodEndsAt: T - DAY / 2 }, T, opts).plan.code).toBe("pro");
  });

  it("past due within the grace period keeps the plan with a warning naming the date", () => {
    const e = entitlementsOf(sub({ status: "past_due", pastDueSince: T - 6 * DAY }), T, opts);
    expect(e.plan.code).toBe("pro");
    expect(e.graceEndsAt).toBe(T + DAY);
    expect(e.notices).toEqual([expect.objectContaining({ code: "payment_past_due", level: "warning", message: expect.stringContaining("2026-06-11") })]);
  });

  it("past due beyond the grace period drops to the free plan's limits", () => {
    const e = entitlementsOf(sub({ status: "past_due", pastDueSince: T - 7 * DAY }), T, opts);
    expect(e.plan.code).toBe("free");
    expect(e.subscribedPlan?.code).toBe("pro");
    expect(e.notices[0]).toMatchObject({ code: "grace_period_over", level: "error" });
  });

  it("expired drops to free — even where accounts without a subscription get another default", () => {
    const e = entitlementsOf(sub({ status: "expired" }), T, { ...opts, defaultPlanCode: "unlimited" });
    expect(e.plan.code).toBe("free");
    expect(e.notices[0]).toMatchObject({ code: "subscription_expired", message: expect.stringContaining("Nothing was deleted") });
  });

  it("the grace period is configurable, 7 days by default", () => {
    expect(graceDays({})).toBe(DEFAULT_GRACE_DAYS);
    expect(DEFAULT_GRACE_DAYS).toBe(7);
    expect(graceDays({ BILLING_GRACE_DAYS: "3" })).toBe(3);
    expect(graceDays({ BILLING_GRACE_DAYS: "soon" })).toBe(7);
    expect(graceDays({ BILLING_GRACE_DAYS: "-1" })).toBe(7);
  });
});

describe("plans", () => {
  it("names the cheapest plan that has a feature or enough locations", () => {
    expect(cheapestPlanWith({ feature: "selfCheckIn" })?.code).toBe("starter");
    expect(cheapestPlanWith({ feature: "apiAccess" })?.code).toBe("pro");
    expect(cheapestPlanWith({ locations: 2 })?.code).toBe("pro");
    expect(cheapestPlanWith({ locations: 6 })).toBeUndefined();
  });

  it("only paid plans can be bought", () => {
    expect(planByCode("starter")?.purchasable).toBe(true);
    expect(planByCode("free")?.purchasable).toBe(false);
    expect(planByCode("unlimited")?.purchasable).toBe(false);
  });
});
