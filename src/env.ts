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

  // Secrets.
  JWT_SECRET: string;
  EMAIL_API_KEY?: string;
}

/** Messages on the `outbound` queue. The SMS issue adds its kinds here. */
export type OutboundMessage = never;

export interface Variables {
  requestId: string;
  auth: import("./auth/middleware").AuthContext;
}

export type AppEnv = { Bindings: Env; Variables: Variables };
