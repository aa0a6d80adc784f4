// Texts and everything that decides who may be texted, from which number, through which provider.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accounts, created, tenant } from "./accounts";
import { atLocation, locations } from "./locations";

// Every SMS, out and in. Outbound rows are written by the location's DO (through its SMS outbox)
// and advanced by the queue consumer and the providers' status callbacks — never backwards.
export const MESSAGE_STATUSES = ["queued", "sending", "retrying", "sent", "delivered", "undelivered", "failed", "refused", "received"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    ...tenant,
    ...atLocation,
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
