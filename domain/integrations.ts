// The shapes of API keys, webhook endpoints and deliveries as the REST API answers them; the route
// files check their zod schemas against these (both ways), and the web app imports them type-only.
import type { Scope } from "./api-scopes";
import type { WebhookEventType } from "./webhook-events";

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  locationIds: string[] | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  secret: string | null;
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[] | null;
  locationIds: string[] | null;
  status: "enabled" | "disabled";
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
  secret: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  locationId: string | null;
  sequence: number | null;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastResponse: string | null;
  lastError: string | null;
  createdAt: string;
  completedAt: string | null;
  payload: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
