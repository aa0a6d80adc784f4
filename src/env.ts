// Bindings and configuration, as declared in wrangler.toml (and secrets set with `wrangler secret put`).
import type { OutboundMessage } from "../domain/outbound";
import type { RestaurantEnv } from "../durable-objects/env";
import type { Restaurant } from "../durable-objects/restaurant";
import type { Role } from "./db/schema";

export type { OutboundMessage };

/** The DO's own bindings (DB, OUTBOUND, APP_URL, SMS_PRIMARY_PROVIDER, JWT_SECRET) come from RestaurantEnv. */
export interface Env extends RestaurantEnv {
  RESTAURANT: DurableObjectNamespace<Restaurant>;
  BACKUPS: R2Bucket;
  ASSETS: Fetcher;

  ENVIRONMENT: "development" | "test" | "production";
  BCRYPT_COST: string;
  EMAIL_PROVIDER: "dev-outbox" | "resend";
  EMAIL_API_BASE_URL: string;
  EMAIL_FROM: string;
  CORS_ORIGINS: string;
  TWILIO_API_BASE_URL: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_FROM?: string;
  TELNYX_API_BASE_URL: string;
  TELNYX_FROM?: string;
  TELNYX_MESSAGING_PROFILE_ID?: string;
  /** Telnyx's webhook public key (base64 Ed25519), from the Mission Control portal. */
  TELNYX_PUBLIC_KEY?: string;
  /** Recurly's v3 API (https://v3.recurly.com); a local fake in tests. */
  RECURLY_API_BASE_URL: string;
  /** The Recurly site's subdomain (<subdomain>.recurly.com), for hosted account page links. */
  RECURLY_SUBDOMAIN?: string;
  /** Plan for accounts without a subscription: "free" (default) or "unlimited" for self-hosting. */
  BILLING_DEFAULT_PLAN?: string;
  /** Days a past-due subscription keeps its plan (default 7). */
  BILLING_GRACE_DAYS?: string;
  /** Seconds between webhook delivery attempts, comma-separated (default 5,300,1800,7200,18000,36000). */
  WEBHOOK_RETRY_DELAYS?: string;
  /** Milliseconds a webhook receiver has to answer (default 15000). */
  WEBHOOK_TIMEOUT_MS?: string;
  /** Requests per API key per minute (default 600). */
  API_KEY_RATE_LIMIT?: string;

  // Secrets.
  EMAIL_API_KEY?: string;
  TWILIO_AUTH_TOKEN?: string;
  TELNYX_API_KEY?: string;
  /** Recurly private API key. Billing endpoints answer 409 billing_not_configured without it. */
  RECURLY_API_KEY?: string;
  /** The Recurly webhook endpoint's secret (signs recurly-signature). */
  RECURLY_WEBHOOK_SECRET?: string;
}

/** The signed-in caller of an /api request (src/auth/sessions.ts finds it). */
export interface SessionUser {
  sessionId: string;
  userId: string;
  accountId: string;
  role: Role;
  email: string;
  name: string;
}

/** What an API key may do (src/auth/api-keys.ts checks it on every request). */
export interface ApiKeyGrant {
  id: string;
  name: string;
  scopes: import("../domain/api-scopes").Scope[];
  locationIds: string[] | null;
}

/**
 * Who is calling: a person's session, or an API key (`apiKey` set). A key acts for its account with
 * the admin role, narrowed by its scopes; `userId` and `sessionId` are then the key's id, so
 * idempotency keys and audit entries are the key's own.
 */
export type AuthContext = SessionUser & { apiKey: ApiKeyGrant | null };

export interface Variables {
  requestId: string;
  auth: AuthContext;
}

export type AppEnv = { Bindings: Env; Variables: Variables };
