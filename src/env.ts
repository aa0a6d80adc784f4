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
  /** Locations' logos (src/routes/logos.ts). */
  BRANDING: R2Bucket;
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
  /** Seconds between webhook delivery attempts, comma-separated (default 5,300,1800,7200,18000,36000). */
  WEBHOOK_RETRY_DELAYS?: string;
  /** Milliseconds a webhook receiver has to answer (default 15000). */
  WEBHOOK_TIMEOUT_MS?: string;
  /** Requests per API key per minute (default 600). */
  API_KEY_RATE_LIMIT?: string;

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

/** What an API key may do (src/auth/api-keys.ts checks it on every request). */
export interface ApiKeyGrant {
  id: string;
  name: string;
  scopes: import("../domain/api-scopes").Scope[];
  locationIds: string[] | null;
  /** Epoch ms, or null for a key that does not expire. */
  expiresAt: number | null;
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
  /**
   * The location of an /api/locations/:locationId/* route, in the caller's account, as its DO knows
   * it (routes/location-scope.ts): id, account, name, time zone.
   */
  location: import("../domain/waitlist/protocol").LocationRef;
  /** The location DO's RPC surface for `location`, when its ownership answer carried it (routes/location-scope.ts locationDo). */
  locationApi?: LocationApiStub;
  /** The location's D1 row, on /api/locations/:locationId itself (GET, PATCH, DELETE). */
  locationRow: typeof locations.$inferSelect;
  /**
   * Told the account of a session token once its signature is verified, before the session row is
   * read (requireAuth): the location scope starts its DO question then, so the two overlap.
   */
  sessionVerified: (accountId: string) => void;
}

export type AppEnv = { Bindings: Env; Variables: Variables };

/** The DO's answer to whether a location is an account's (Restaurant.forAccount), as the Worker receives it. */
export type ScopeAnswer = Awaited<ReturnType<DurableObjectStub<Restaurant>["forAccount"]>>;

/** The location's RPC surface carried by an owned answer; the same methods as `restaurant()`'s. */
export type LocationApiStub = Extract<ScopeAnswer, { kind: "owned" }>["api"];
