import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accounts, created, tenant } from "./accounts";
import { atLocation } from "./locations";

// The account's subscription as last fetched from Recurly (webhooks are only triggers). No row:
// the account is on the default plan (free). `recurlyUpdatedAt` is the subscription's own
// updated_at as Recurly reported it: an older or equal one is never applied, so state never moves
// backwards whatever order webhooks arrive in.
export const BILLING_STATUSES = ["pending", "active", "canceled", "past_due", "expired"] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

export const billingSubscriptions = sqliteTable(
  "billing_subscriptions",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    planCode: text("plan_code").notNull(),
    recurlyAccountCode: text("recurly_account_code").notNull(),
    recurlySubscriptionId: text("recurly_subscription_id"),
    status: text("status", { enum: BILLING_STATUSES }).notNull(),
    currentPeriodEndsAt: integer("current_period_ends_at"),
    pastDueSince: integer("past_due_since"),
    cancelAtPeriodEnd: integer("cancel_at_period_end", { mode: "boolean" }).notNull().default(false),
    recurlyUpdatedAt: integer("recurly_updated_at").notNull(),
    ...created,
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("billing_subscriptions_recurly_account_unique").on(t.recurlyAccountCode), index("billing_subscriptions_sub_idx").on(t.recurlySubscriptionId)],
);

// One row per SMS actually sent, keyed by message id: a redelivered queue message cannot count
// twice. `month` is the location's local calendar month ("YYYY-MM") at the moment of sending.
export const smsUsageEvents = sqliteTable(
  "sms_usage_events",
  {
    messageId: text("message_id").primaryKey(),
    ...tenant,
    ...atLocation,
    month: text("month").notNull(),
    overage: integer("overage", { mode: "boolean" }).notNull().default(false),
    // When the overage was accepted by Recurly as usage (null: not yet, or not an overage).
    overageReportedAt: integer("overage_reported_at"),
    ...created,
  },
  (t) => [index("sms_usage_events_location_month_idx").on(t.locationId, t.month), index("sms_usage_events_account_idx").on(t.accountId)],
);

// The per location and month counters read by GET /api/billing and the allowance check; always
// recomputed from sms_usage_events, so a replayed update changes nothing.
export const smsUsage = sqliteTable(
  "sms_usage",
  {
    ...tenant,
    ...atLocation,
    month: text("month").notNull(),
    count: integer("count").notNull().default(0),
    overageCount: integer("overage_count").notNull().default(0),
    overageReported: integer("overage_reported").notNull().default(0),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.month] }), index("sms_usage_account_idx").on(t.accountId, t.month)],
);
