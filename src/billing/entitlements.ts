// What an account may do now, from its subscription row (or none) and the clock. Pure: the routes,
// the SMS consumer and the webhook handler all ask the same question the same way.
import type { Context } from "hono";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { db } from "../db/client";
import { billingSubscriptions, locations, type BillingStatus } from "../db/schema";
import type { AppEnv, Env } from "../env";
import { DAY, now } from "../lib/clock";
import { ApiError } from "../lib/errors";
import { cheapestPlanWith, defaultPlan, FREE_PLAN_CODE, planByCode, type Feature, type Plan } from "./plans";

export const DEFAULT_GRACE_DAYS = 7;

export interface Notice {
  code: string;
  level: "info" | "warning" | "error";
  message: string;
}

type SubscriptionRow = typeof billingSubscriptions.$inferSelect;

export interface Entitlements {
  /** The plan whose limits apply now (the free plan once a subscription lapsed). */
  plan: Plan;
  /** The plan subscribed to in Recurly, if any (differs from `plan` when it lapsed). */
  subscribedPlan: Plan | null;
  status: BillingStatus | "none";
  periodEnd: number | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: number | null;
  graceEndsAt: number | null;
  notices: Notice[];
}

export function graceDays(env: Pick<Env, "BILLING_GRACE_DAYS">): number {
  const n = Number(env.BILLING_GRACE_DAYS);
  return env.BILLING_GRACE_DAYS !== undefined && env.BILLING_GRACE_DAYS !== "" && Number.isFinite(n) && n >= 0 ? n : DEFAULT_GRACE_DAYS;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function entitlementsOf(sub: SubscriptionRow | null, at: number, opts: { graceDays: number; defaultPlanCode?: string }): Entitlements {
  if (!sub) {
    return { plan: defaultPlan(opts.defaultPlanCode), subscribedPlan: null, status: "none", periodEnd: null, cancelAtPeriodEnd: false, pastDueSince: null, graceEndsAt: null, notices: [] };
  }
  // A lapsed subscription falls to the free plan whatever BILLING_DEFAULT_PLAN says (that setting is
  // for accounts that never subscribed, e.g. "unlimited" on a self-hosted instance).
  const fallback = planByCode(FREE_PLAN_CODE)!;
  const subscribed = planByCode(sub.planCode) ?? null;
  const base = {
    subscribedPlan: subscribed,
    status: sub.status,
    periodEnd: sub.currentPeriodEndsAt,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    pastDueSince: sub.pastDueSince,
    graceEndsAt: null as number | null,
  };
  const lapsed = (notice: Notice): Entitlements => ({ ...base, plan: fallback, notices: [notice] });
  if (!subscribed) return lapsed({ code: "unknown_plan", level: "error", message: `The plan "${sub.planCode}" is not offered here; the ${fallback.name} plan's limits apply.` });
  switch (sub.status) {
    case "active":
      return { ...base, plan: subscribed, notices: [] };
    case "canceled":
      // Recurly expires it at the period end and says so by webhook; should that notification be
      // lost, a day later the plan lapses anyway rather than lasting for ever.
      if (sub.currentPeriodEndsAt !== null && at > sub.currentPeriodEndsAt + DAY) {
        return lapsed({ code: "subscription_expired", level: "error", message: `Your ${subscribed.name} subscription has ended, so the ${fallback.name} plan's limits apply. Nothing was deleted; subscribe again to restore them.` });
      }
      return {
        ...base,
        plan: subscribed,
        notices: [
          {
            code: "subscription_canceled",
            level: "info",
            message: `Your ${subscribed.name} plan is canceled and ends${sub.currentPeriodEndsAt ? ` on ${day(sub.currentPeriodEndsAt)}` : ""}; then the ${fallback.name} plan's limits apply. Reactivate to keep it.`,
          },
        ],
      };
    case "past_due": {
      const since = sub.pastDueSince ?? at;
      const graceEndsAt = since + opts.graceDays * DAY;
      if (at < graceEndsAt) {
        return {
          ...base,
          graceEndsAt,
          plan: subscribed,
          notices: [
            {
              code: "payment_past_due",
              level: "warning",
              message: `Your last payment failed. Update your card by ${day(graceEndsAt)} to keep the ${subscribed.name} plan.`,
            },
          ],
        };
      }
      return {
        ...lapsed({
          code: "grace_period_over",
          level: "error",
          message: `Your payment is still past due, so the ${fallback.name} plan's limits apply. Update your card to restore ${subscribed.name}; nothing was deleted.`,
        }),
        graceEndsAt,
      };
    }
    case "expired":
      return lapsed({
        code: "subscription_expired",
        level: "error",
        message: `Your ${subscribed.name} subscription has ended, so the ${fallback.name} plan's limits apply. Nothing was deleted; subscribe again to restore them.`,
      });
    case "pending":
      return lapsed({ code: "subscription_pending", level: "info", message: `Your ${subscribed.name} subscription is being set up.` });
  }
}

export async function subscriptionRow(d: Db, accountId: string): Promise<SubscriptionRow | null> {
  return (await d.query.billingSubscriptions.findFirst({ where: eq(billingSubscriptions.accountId, accountId) })) ?? null;
}

export async function entitlementsFor(env: Env, accountId: string, at = now()): Promise<Entitlements> {
  const row = await subscriptionRow(db(env.DB), accountId);
  return entitlementsOf(row, at, { graceDays: graceDays(env), defaultPlanCode: env.BILLING_DEFAULT_PLAN });
}

/** 402 plan_limit in the shape of /work/contracts.md "Billing API". */
export function planLimit(what: string, feature: string, planNeeded: Plan | undefined, current: Plan): ApiError {
  const needs = planNeeded ? `needs the ${planNeeded.name} plan` : "is not included in any plan";
  return new ApiError(402, "plan_limit", `${what} ${needs}; you are on ${current.name}.`, [
    { feature, planNeeded: planNeeded?.code ?? null, currentPlan: current.code, message: `${what} ${needs}.` },
  ]);
}

const FEATURE_TEXT: Record<Feature, string> = {
  selfCheckIn: "Self check-in",
  bookings: "Online bookings and reservations",
  twoWaySms: "Two-way SMS",
  apiAccess: "API access",
};

/** Throws 402 unless the account's current plan includes `feature`. */
export async function requireFeatureFor(env: Env, accountId: string, feature: Feature): Promise<void> {
  const { plan } = await entitlementsFor(env, accountId);
  if (!plan.features[feature]) throw planLimit(FEATURE_TEXT[feature], feature, cheapestPlanWith({ feature }), plan);
}

/** The same check for a signed-in route: `await requireFeature(c, "bookings")`. */
export async function requireFeature(c: Context<AppEnv>, feature: Feature): Promise<void> {
  await requireFeatureFor(c.env, c.get("auth").accountId, feature);
}

/** Throws 402 when the account already has as many locations as its plan allows. */
export async function requireLocationSlot(env: Env, accountId: string): Promise<void> {
  const d = db(env.DB);
  const { plan } = await entitlementsFor(env, accountId);
  const [row] = await d.select({ n: count() }).from(locations).where(and(eq(locations.accountId, accountId)));
  const have = row?.n ?? 0;
  if (have >= plan.locationsAllowed) {
    throw planLimit(`A location beyond ${plan.locationsAllowed}`, "locations", cheapestPlanWith({ locations: have + 1 }), plan);
  }
}
