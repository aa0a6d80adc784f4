// Accounts and the people in them: users, sessions, invites, password resets, pending sign-ups and
// the audit log. `tenant` and `created` are the column sets every account-owned table shares.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["owner", "admin", "host"] as const;
export type Role = (typeof ROLES)[number];

// Every tenant-owned row carries account_id (DESIGN.md rule 3).
export const tenant = {
  accountId: text("account_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" }),
};
export const created = { createdAt: integer("created_at").notNull() };

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
