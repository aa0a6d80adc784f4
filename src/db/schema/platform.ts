// Tables that belong to no account: rate-limit counters, provider webhook receipts, the dev outbox.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
