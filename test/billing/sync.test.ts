// The ordering rules of applying Recurly's subscription state, called directly (decide) and against
// real D1 (applyObserved): older or equal reads never move the state backwards.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { billingStatus, decide, applyObserved } from "../../src/billing/sync";
import type { RecurlySubscription } from "../../src/billing/recurly";
import { db } from "../../src/db/client";
import { signUp } from "../helpers/api";
import { row } from "./helpers";

const T = Date.parse("2026-06-01T00:00:00Z");
function sub(over: Partial<RecurlySubscription> & { at: number }): RecurlySubscription {
  const { at, ...rest } = over;
  return { id: "sub1", uuid: "u".repeat(32), state: "active", plan: { code: "starter" }, account: { id: "a", code: "acc" }, current_period_ends_at: "2026-07-01T00:00:00.000Z", updated_at: new Date(at).toISOString(), ...rest };
}
const rowOf = (over: Record<string, unknown> = {}) =>
  ({ accountId: "acc", planCode: "starter", recurlyAccountCode: "acc", recurlySubscriptionId: "sub1", status: "active", currentPeriodEndsAt: Date.parse("2026-07-01T00:00:00.000Z"), pastDueSince: null, cancelAtPeriodEnd: false, recurlyUpdatedAt: T, createdAt: T, updatedAt: T, ...over }) as any;

describe("billingStatus", () => {
  it("maps Recurly's states and the account's past-due flag", () => {
    expect(billingStatus("active", false)).toBe("active");
    expect(billingStatus("active", true)).toBe("past_due");
    expect(billingStatus("canceled", false)).toBe("canceled");
    expect(billingStatus("canceled", true)).toBe("past_due");
    expect(billingStatus("expired", true)).toBe("expired");
    expect(billingStatus("failed", false)).toBe("expired");
    expect(billingStatus("future", false)).toBe("pending");
  });
});

describe("decide", () => {
  it("applies anything to no row", () => expect(decide(null, { subscription: sub({ at: T }), pastDue: false })).toBe("apply"));
  it("ignores an older read", () => expect(decide(rowOf(), { subscription: sub({ at: T - 1, state: "expired" }), pastDue: false })).toBe("stale"));
  it("the same state again is unchanged", () => expect(decide(rowOf(), { subscription: sub({ at: T }), pastDue: false })).toBe("unchanged"));
  it("a newer state applies", () => expect(decide(rowOf(), { subscription: sub({ at: T + 1, state: "canceled" }), pastDue: false })).toBe("apply"));
  it("an equal updated_at with other terms is an older read", () =>
    expect(decide(rowOf(), { subscription: sub({ at: T, plan: { code: "pro" } }), pastDue: false })).toBe("stale"));
  it("an equal updated_at may move only the past-due flag", () => expect(decide(rowOf(), { subscription: sub({ at: T }), pastDue: true })).toBe("apply"));
  it("another subscription that lapsed never replaces a live one", () =>
    expect(decide(rowOf(), { subscription: sub({ id: "old", at: T + 10, state: "expired" }), pastDue: false })).toBe("stale"));
  it("a new live subscription replaces an expired one", () =>
    expect(decide(rowOf({ status: "expired" }), { subscription: sub({ id: "new", at: T - 10 }), pastDue: false })).toBe("apply"));
});

describe("applyObserved on D1", () => {
  it("an older read arriving after a newer one changes nothing", async () => {
    const o = await signUp();
    const d = db(env.DB);
    expect(await applyObserved(d, o.accountId, o.accountId, { subscription: sub({ at: T + 5, state: "canceled" }), pastDue: false }, Date.now())).toBe("apply");
    const after = await row(o.accountId);
    expect(await applyObserved(d, o.accountId, o.accountId, { subscription: sub({ at: T + 1, state: "active" }), pastDue: false }, Date.now())).toBe("stale");
    expect(await row(o.accountId)).toEqual(after);
  });
});
