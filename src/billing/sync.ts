// Applying Recurly's view of a subscription to our row: from the answer of one of our own calls, or
// after a webhook told us something changed (webhooks are only triggers; the state is always
// fetched). Idempotent and never backwards: an older or equal `updated_at` than the one applied is
// ignored, in the same statement that writes (so two racing handlers cannot undo each other), and a
// lapsed subscription never replaces a live one.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { billingSubscriptions, type BillingStatus } from "../db/schema";
import type { RecurlySubscription } from "./recurly";

type Row = typeof billingSubscriptions.$inferSelect;

export function billingStatus(state: RecurlySubscription["state"], pastDue: boolean): BillingStatus {
  if ((state === "active" || state === "canceled") && pastDue) return "past_due";
  switch (state) {
    case "active":
      return "active";
    case "canceled":
      return "canceled";
    case "expired":
    case "failed":
      return "expired";
    default:
      return "pending";
  }
}

const LIVE: BillingStatus[] = ["pending", "active", "canceled", "past_due"];

export interface Observed {
  subscription: RecurlySubscription;
  pastDue: boolean;
}

/** What to do with an observed state given the current row (pure, so ordering rules are unit-tested). */
export function decide(row: Row | null, o: Observed): "apply" | "stale" | "unchanged" {
  const updatedAt = Date.parse(o.subscription.updated_at);
  const status = billingStatus(o.subscription.state, o.pastDue);
  if (!row) return "apply";
  if (row.recurlySubscriptionId !== o.subscription.id) {
    // Another subscription of the account (a new one after a lapse, or an old one's late news).
    if (!LIVE.includes(status) && LIVE.includes(row.status)) return "stale";
    return updatedAt > row.recurlyUpdatedAt || !LIVE.includes(row.status) ? "apply" : "stale";
  }
  if (updatedAt < row.recurlyUpdatedAt) return "stale";
  const periodEnd = o.subscription.current_period_ends_at ? Date.parse(o.subscription.current_period_ends_at) : null;
  const sameTerms = row.planCode === o.subscription.plan.code && row.currentPeriodEndsAt === periodEnd && row.cancelAtPeriodEnd === (o.subscription.state === "canceled");
  if (sameTerms && row.status === status) return "unchanged";
  if (updatedAt > row.recurlyUpdatedAt) return "apply";
  // Same updated_at, other state: only the account's past-due flag (which does not move the
  // subscription's updated_at) may change; anything else is an older read.
  return sameTerms && (status === "past_due" || row.status === "past_due") ? "apply" : "stale";
}

export async function applyObserved(d: Db, accountId: string, recurlyAccountCode: string, o: Observed, at: number): Promise<"apply" | "stale" | "unchanged"> {
  const row = (await d.query.billingSubscriptions.findFirst({ where: eq(billingSubscriptions.accountId, accountId) })) ?? null;
  const verdict = decide(row, o);
  if (verdict !== "apply") return verdict;
  const status = billingStatus(o.subscription.state, o.pastDue);
  const updatedAt = Date.parse(o.subscription.updated_at);
  const values = {
    accountId,
    planCode: o.subscription.plan.code,
    recurlyAccountCode,
    recurlySubscriptionId: o.subscription.id,
    status,
    currentPeriodEndsAt: o.subscription.current_period_ends_at ? Date.parse(o.subscription.current_period_ends_at) : null,
    pastDueSince: status === "past_due" ? (row?.status === "past_due" && row.pastDueSince ? row.pastDueSince : at) : null,
    cancelAtPeriodEnd: o.subscription.state === "canceled",
    recurlyUpdatedAt: updatedAt,
    createdAt: at,
    updatedAt: at,
  };
  const { accountId: _a, createdAt: _c, ...set } = values;
  const sameSubscription = row?.recurlySubscriptionId === o.subscription.id;
  const written = await d
    .insert(billingSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: billingSubscriptions.accountId,
      set,
      // The guard again, atomically: a concurrent writer that applied a newer state wins.
      setWhere: sameSubscription
        ? sql`${billingSubscriptions.recurlyUpdatedAt} <= ${updatedAt}`
        : sql`${billingSubscriptions.recurlyUpdatedAt} < ${updatedAt} OR ${billingSubscriptions.status} = 'expired'`,
    })
    .returning();
  return written.length > 0 ? "apply" : "stale";
}
