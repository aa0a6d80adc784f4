// Which billing actions fit the subscription as GET /api/billing describes it (the server refuses the
// others with 409; offering only these keeps the page honest).
import type { Billing, Plan } from "../../shared/types";

export interface BillingActions {
  cancel: boolean;
  reactivate: boolean;
  changeTo: Plan[];
  /** Subscribing needs a card tokenized by Recurly.js. */
  subscribe: boolean;
  accountLink: boolean;
}

// The server's own set (src/billing/service.ts): a canceled subscription runs to its period end.
const LIVE = new Set<Billing["status"]>(["pending", "active", "past_due", "canceled"]);

export function billingActions(b: Billing, now = Date.now()): BillingActions {
  const live = LIVE.has(b.status) && b.subscribedPlan !== null && (b.periodEnd === null || Date.parse(b.periodEnd) > now);
  return {
    cancel: live && !b.cancelAtPeriodEnd,
    reactivate: live && b.cancelAtPeriodEnd,
    changeTo: live && !b.cancelAtPeriodEnd ? b.plans.filter((p) => p.code !== b.subscribedPlan?.code) : [],
    subscribe: !live,
    accountLink: b.subscribedPlan !== null,
  };
}

export function price(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100);
}
