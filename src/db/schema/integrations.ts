import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { created, tenant } from "./accounts";

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
