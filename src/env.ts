// Bindings and configuration, as declared in wrangler.toml (and secrets set with `wrangler secret put`).
import type { Restaurant } from "../durable-objects/restaurant";

export interface Env {
  DB: D1Database;
  RESTAURANT: DurableObjectNamespace<Restaurant>;
  OUTBOUND: Queue<OutboundMessage>;
  BACKUPS: R2Bucket;
  ASSETS: Fetcher;

  ENVIRONMENT: "development" | "test" | "production";
  APP_URL: string;
  BCRYPT_COST: string;
  EMAIL_PROVIDER: "dev-outbox" | "resend";
  EMAIL_API_BASE_URL: string;
  EMAIL_FROM: string;
  CORS_ORIGINS: string;
  SMS_PRIMARY_PROVIDER: "twilio" | "telnyx";
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
  JWT_SECRET: string;
  EMAIL_API_KEY?: string;
  TWILIO_AUTH_TOKEN?: string;
  TELNYX_API_KEY?: string;
  /** Recurly private API key. Billing endpoints answer 409 billing_not_configured without it. */
  RECURLY_API_KEY?: string;
  /** The Recurly webhook endpoint's secret (signs recurly-signature). */
  RECURLY_WEBHOOK_SECRET?: string;
}

/** Messages on the `outbound` queue (and its dead-letter queue). */
export type OutboundMessage =
  | { kind: "sms"; messageId: string; primary: "twilio" | "telnyx" }
  | { kind: "email"; ref: string; email: import("./messaging/email/sender").EmailMessage }
  | { kind: "webhook"; deliveryId: string; attempt: number };

export interface Variables {
  requestId: string;
  auth: import("./auth/middleware").AuthContext;
}

export type AppEnv = { Bindings: Env; Variables: Variables };
