// The D1 schema. drizzle-kit generates migrations/ from this file; queries are typed from it.
// Times are integer milliseconds since the epoch (UTC): one clock, no time-zone ambiguity in storage.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["owner", "admin", "host"] as const;
export type Role = (typeof ROLES)[number];

// Every tenant-owned row carries account_id (DESIGN.md rule 3).
const tenant = {
  accountId: text("account_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" }),
};
const created = { createdAt: integer("created_at").notNull() };

export const accounts = sqliteTable("accounts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  ...created,
  // Data retention: null = the default (customer data deleted 18 months after the account's last
  // sign-in); N = customer data deleted N days (1-540) after it was created.
  retentionDays: integer("retention_days"),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    ...tenant,
    // Stored trimmed and lower-cased; unique across all accounts because sign-in is by email alone.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    ...created,
    lastLoginAt: integer("last_login_at"),
    passwordChangedAt: integer("password_changed_at"),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_account_idx").on(t.accountId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    ...tenant,
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ...created,
    lastSeenAt: integer("last_seen_at").notNull(),
    // Absolute end of the session, whatever the activity.
    expiresAt: integer("expires_at").notNull(),
    endedAt: integer("ended_at"),
    endReason: text("end_reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expiry_idx").on(t.expiresAt)],
);

export const invites = sqliteTable(
  "invites",
  {
    id: text("id").primaryKey(),
    ...tenant,
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    // SHA-256 (hex) of the 256-bit token; the token itself exists only in the email.
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by").notNull(),
    ...created,
    expiresAt: integer("expires_at").notNull(),
    lastSentAt: integer("last_sent_at").notNull(),
    acceptedAt: integer("accepted_at"),
    acceptedUserId: text("accepted_user_id"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("invites_token_unique").on(t.tokenHash), index("invites_account_idx").on(t.accountId)],
);

export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    ...tenant,
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    ...created,
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [uniqueIndex("password_resets_token_unique").on(t.tokenHash)],
);

// A sign-up waiting for its email to be confirmed. No account exists until the link is used, so
// sign-up can answer the same whether or not the email is already registered.
export const pendingSignups = sqliteTable(
  "pending_signups",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    accountName: text("account_name").notNull(),
    timezone: text("timezone").notNull(),
    passwordHash: text("password_hash").notNull(),
    tokenHash: text("token_hash").notNull(),
    ...created,
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [uniqueIndex("pending_signups_token_unique").on(t.tokenHash), index("pending_signups_email_idx").on(t.email)],
);

export const locations = sqliteTable(
  "locations",
  {
    id: text("id").primaryKey(),
    ...tenant,
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    timezone: text("timezone").notNull(),
    phone: text("phone"),
    address: text("address"),
    ...created,
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("locations_slug_unique").on(t.slug), index("locations_account_idx").on(t.accountId)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    // Nullable: a failed sign-in for an unknown email belongs to no account.
    accountId: text("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    ...created,
  },
  (t) => [index("audit_account_idx").on(t.accountId, t.createdAt), index("audit_created_idx").on(t.createdAt)],
);

// Counters for brute-force protection and rate limits. Keys are hashed where they hold an email.
export const throttles = sqliteTable("throttles", {
  key: text("key").primaryKey(),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  windowStart: integer("window_start").notNull(),
  windowCount: integer("window_count").notNull().default(0),
  lockedUntil: integer("locked_until").notNull().default(0),
  updatedAt: integer("updated_at").notNull(),
});

// Development only: email that EMAIL_PROVIDER="dev-outbox" keeps instead of sending.
export const devOutbox = sqliteTable("dev_outbox", {
  id: text("id").primaryKey(),
  to: text("to_address").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  createdAt: integer("created_at")
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

// The D1 copy of each location's parties, written only by its Restaurant DO's outbox (DESIGN.md
// rule 1): upserts keyed by id and guarded by version, so a replayed flush changes nothing.
export const parties = sqliteTable(
  "parties",
  {
    id: text("id").primaryKey(),
    ...tenant,
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    phone: text("phone"),
    size: integer("size").notNull(),
    notes: text("notes").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    quotedWait: integer("quoted_wait").notNull(),
    source: text("source").notNull(),
    smsConsent: integer("sms_consent", { mode: "boolean" }).notNull(),
    state: text("state").notNull(),
    ...created,
    notifiedAt: integer("notified_at"),
    notifyCount: integer("notify_count").notNull(),
    seatedAt: integer("seated_at"),
    closedAt: integer("closed_at"),
    updatedAt: integer("updated_at").notNull(),
    version: integer("version").notNull(),
    // The wait the line estimated when the party joined (insights' estimate accuracy); null before it was recorded.
    joinEstimateMinutes: integer("join_estimate_minutes"),
    // Who closed it: staff, guest or automatic (the hold timer's no-show); null while in line.
    closedBy: text("closed_by"),
  },
  (t) => [
    index("parties_location_closed_idx").on(t.locationId, t.closedAt),
    index("parties_account_idx").on(t.accountId),
    // Insights recompute a location-day from the parties that joined or were seated that day.
    index("parties_location_created_idx").on(t.locationId, t.createdAt),
    index("parties_location_seated_idx").on(t.locationId, t.seatedAt),
  ],
);

// Every SMS, out and in. Outbound rows are written by the location's DO (through its SMS outbox)
// and advanced by the queue consumer and the providers' status callbacks — never backwards.
export const MESSAGE_STATUSES = ["queued", "sending", "retrying", "sent", "delivered", "undelivered", "failed", "refused", "received"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    ...tenant,
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    partyId: text("party_id"),
    direction: text("direction", { enum: ["outbound", "inbound"] }).notNull(),
    kind: text("kind").notNull(),
    toPhone: text("to_phone").notNull(),
    fromPhone: text("from_phone"),
    body: text("body").notNull(),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    attempts: integer("attempts").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    ...created,
    updatedAt: integer("updated_at").notNull(),
    sentAt: integer("sent_at"),
    deliveredAt: integer("delivered_at"),
    // A send whose answer was lost (timeout, unreadable 2xx): the provider may have taken it. Until
    // it is confirmed (a report, or a look-up after a wait) no other provider is tried.
    unconfirmedProvider: text("unconfirmed_provider"),
    unconfirmedAt: integer("unconfirmed_at"),
  },
  (t) => [
    index("messages_party_idx").on(t.locationId, t.partyId, t.createdAt),
    // One row per provider message: a redelivered inbound webhook cannot store (or act) twice.
    uniqueIndex("messages_provider_unique").on(t.provider, t.providerMessageId),
    index("messages_to_idx").on(t.toPhone, t.createdAt),
    index("messages_account_idx").on(t.accountId, t.createdAt),
  ],
);

// Our own opt-out ledger: each provider only blocks its own traffic, so STOP is honoured across both.
export const smsOptOuts = sqliteTable(
  "sms_opt_outs",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    source: text("source").notNull(),
    ...created,
  },
  (t) => [primaryKey({ columns: [t.accountId, t.phone] })],
);

// Opt-outs by sending number (carrier rules, CTIA): a STOP to one of the platform's shared numbers
// (TWILIO_FROM, TELNYX_FROM: one program) opts the phone out of every account that texts through
// them, on both providers. `sender` is "platform" for the shared numbers. Not tenant data: deleting
// an account does not resubscribe anyone.
export const PLATFORM_SENDER = "platform";
export const smsSenderOptOuts = sqliteTable(
  "sms_sender_opt_outs",
  {
    sender: text("sender").notNull(),
    phone: text("phone").notNull(),
    source: text("source").notNull(),
    ...created,
  },
  (t) => [primaryKey({ columns: [t.sender, t.phone] })],
);

// An account's own sending numbers (or Twilio Messaging Service / Telnyx messaging profile), for the
// whole account or one location. An account with its own numbers texts only through them, and its
// opt-outs are its own (sms_opt_outs); the others share the platform's numbers.
export const smsSenders = sqliteTable(
  "sms_senders",
  {
    id: text("id").primaryKey(),
    ...tenant,
    locationId: text("location_id").references(() => locations.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: ["twilio", "telnyx"] }).notNull(),
    /** E.164 number, or MG… (Twilio Messaging Service SID); what the provider sends "from". */
    address: text("address").notNull(),
    ...created,
  },
  (t) => [uniqueIndex("sms_senders_address_unique").on(t.provider, t.address), index("sms_senders_account_idx").on(t.accountId)],
);

// Every provider webhook event we acted on, by the provider's own key for it: the first copy inserts
// its row and acts, a concurrent or later copy finds the row and does nothing (DESIGN.md rule 6).
export const webhookReceipts = sqliteTable(
  "webhook_receipts",
  {
    source: text("source").notNull(),
    eventKey: text("event_key").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [uniqueIndex("webhook_receipts_unique").on(t.source, t.eventKey), index("webhook_receipts_received_idx").on(t.receivedAt)],
);

// Delivery reports that arrived before the send recorded the provider's id: kept, and applied when
// the id is saved.
export const smsPendingReports = sqliteTable(
  "sms_pending_reports",
  {
    provider: text("provider").notNull(),
    providerMessageId: text("provider_message_id").notNull(),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    errorCode: text("error_code"),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerMessageId, t.status] }), index("sms_pending_reports_received_idx").on(t.receivedAt)],
);

// A circuit breaker per provider: after repeated transient failures it is skipped for a cool-down.
export const providerHealth = sqliteTable("provider_health", {
  provider: text("provider").primaryKey(),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  openUntil: integer("open_until").notNull().default(0),
  updatedAt: integer("updated_at").notNull(),
});

// ---- reservations (issue 6) ------------------------------------------------------------------------
// The D1 copy of each location's reservation book, written only by its Restaurant DO's outbox
// (DESIGN.md rule 1): upserts keyed by id and guarded by version. Tables and booking rules live in
// the DO alone (they are configuration, not history).
export const reservations = sqliteTable(
  "reservations",
  {
    id: text("id").primaryKey(),
    ...tenant,
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    partySize: integer("party_size").notNull(),
    notes: text("notes").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    startAt: integer("start_at").notNull(),
    endAt: integer("end_at").notNull(),
    tableIds: text("table_ids", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status").notNull(),
    source: text("source").notNull(),
    smsConsent: integer("sms_consent", { mode: "boolean" }).notNull(),
    ...created,
    updatedAt: integer("updated_at").notNull(),
    confirmedAt: integer("confirmed_at"),
    arrivedAt: integer("arrived_at"),
    seatedAt: integer("seated_at"),
    closedAt: integer("closed_at"),
    version: integer("version").notNull(),
  },
  (t) => [
    index("reservations_location_start_idx").on(t.locationId, t.startAt),
    index("reservations_account_idx").on(t.accountId, t.createdAt),
    index("reservations_location_seated_idx").on(t.locationId, t.seatedAt),
  ],
);

// ─── Billing (issue 9) ────────────────────────────────────────────────────────────────────────
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
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
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
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    count: integer("count").notNull().default(0),
    overageCount: integer("overage_count").notNull().default(0),
    overageReported: integer("overage_reported").notNull().default(0),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.month] }), index("sms_usage_account_idx").on(t.accountId, t.month)],
);
// ─── end Billing ──────────────────────────────────────────────────────────────────────────────

// ─── Insights (issue 18) ──────────────────────────────────────────────────────────────────────
// Rollups per location and local day (period "day", key "YYYY-MM-DD") and per local month (period
// "month", key "YYYY-MM", the merge of its days). Each is recomputed from the mirrored rows it
// summarizes (domain/insights), never incremented, so a replayed outbox batch changes no figure.
// `floor` is a FloorRollup, `messages` a MessageRollup (JSON); they are refreshed independently.
export const insightRollups = sqliteTable(
  "insight_rollups",
  {
    ...tenant,
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    period: text("period", { enum: ["day", "month"] }).notNull(),
    key: text("key").notNull(),
    floor: text("floor"),
    messages: text("messages"),
    floorComputedAt: integer("floor_computed_at"),
    messagesComputedAt: integer("messages_computed_at"),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.period, t.key] }), index("insight_rollups_account_idx").on(t.accountId, t.period, t.key)],
);

// ─── Integrations ─────────────────────────────────────────────────────────────────────────────
// API keys belong to the account, not to the person who made them (they outlive that person's
// sessions and membership). The secret is kept only as its SHA-256; `prefix` is its first
// characters, shown so an owner can tell keys apart.
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    ...tenant,
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes", { mode: "json" }).notNull().$type<string[]>(),
    // null: every location of the account, now and later.
    locationIds: text("location_ids", { mode: "json" }).$type<string[] | null>(),
    createdBy: text("created_by"),
    ...created,
    expiresAt: integer("expires_at"),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_secret_hash_unique").on(t.secretHash), index("api_keys_account_idx").on(t.accountId, t.createdAt)],
);
// Outgoing webhooks (Standard Webhooks). The signing secret must be usable, so it is stored
// encrypted (AES-GCM under a key derived from JWT_SECRET; src/lib/secret-box.ts), never in clear.
export const WEBHOOK_ENDPOINT_STATUSES = ["enabled", "disabled"] as const;
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    ...tenant,
    url: text("url").notNull(),
    description: text("description"),
    // null: every event type, including ones added later.
    eventTypes: text("event_types", { mode: "json" }).$type<string[] | null>(),
    // null: every location of the account.
    locationIds: text("location_ids", { mode: "json" }).$type<string[] | null>(),
    secretBox: text("secret_box").notNull(),
    status: text("status", { enum: WEBHOOK_ENDPOINT_STATUSES }).notNull().default("enabled"),
    disabledReason: text("disabled_reason"),
    disabledAt: integer("disabled_at"),
    ...created,
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("webhook_endpoints_account_idx").on(t.accountId, t.createdAt)],
);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    ...tenant,
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    locationId: text("location_id"),
    sequence: integer("sequence"),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    lastAttemptAt: integer("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastLatencyMs: integer("last_latency_ms"),
    lastResponse: text("last_response"),
    lastError: text("last_error"),
    ...created,
    completedAt: integer("completed_at"),
  },
  (t) => [
    // One delivery per endpoint and event: a replayed emission inserts nothing.
    uniqueIndex("webhook_deliveries_endpoint_event_unique").on(t.endpointId, t.eventId),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
// ─── end Integrations ─────────────────────────────────────────────────────────────────────────
