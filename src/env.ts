// Bindings and configuration, as declared in wrangler.toml (and secrets set with `wrangler secret put`).
import type { OutboundMessage } from "../domain/outbound";
import type { RestaurantEnv } from "../durable-objects/env";
import type { Restaurant } from "../durable-objects/restaurant";
import type { locations, Role } from "./db/schema";

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
  /**
   * The header the front door sets with the client's address (src/lib/client-identity.ts):
   * "CF-Connecting-IP" on Cloudflare (the default), e.g. "X-Real-IP" behind another proxy, "" for none.
   */
  CLIENT_IP_HEADER?: string;
  TWILIO_API_BASE_URL: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_FROM?: string;
  TELNYX_API_BASE_URL: string;
  TELNYX_FROM?: string;
  TELNYX_MESSAGING_PROFILE_ID?: string;
  /** Milliseconds a provider has to answer a send (default 10000); tests shorten it. */
  SMS_SEND_TIMEOUT_MS?: string;
  /** Seconds a send whose answer was lost waits before the provider is asked about it (default 60). */
  SMS_CONFIRM_WAIT_SECONDS?: string;
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

  // Secrets.
  EMAIL_API_KEY?: string;
  TWILIO_AUTH_TOKEN?: string;
  /** A Twilio SharedKey secret, for webhooks signed per a Webhook Setting (HMAC_SHA1 or HMAC_SHA256). */
  TWILIO_WEBHOOK_SIGNING_KEY?: string;
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
  /** The session's absolute end (epoch ms), handed to live sockets so they never outlive it. */
  sessionExpiresAt: number;
}

export interface Variables {
  requestId: string;
  auth: SessionUser;
  /** The location of an /api/locations/:locationId/* route, in the caller's account (routes/location-scope.ts). */
  location: typeof locations.$inferSelect;
}

export type AppEnv = { Bindings: Env; Variables: Variables };
