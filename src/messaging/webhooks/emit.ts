// Emission: an event becomes one delivery row per matching endpoint (insert-or-ignore on
// endpoint + event, so a replayed emission sends nothing twice) and one message on the outbound queue.
import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema";
import type { Env, OutboundMessage } from "../../env";
import { newId } from "../../../lib/crypto";
import type { WebhookEvent } from "../../../domain/webhook-events";

const ROWS_PER_INSERT = 8;

type Endpoint = Pick<typeof webhookEndpoints.$inferSelect, "id" | "eventTypes" | "locationIds">;

export function endpointWants(e: Endpoint, event: Pick<WebhookEvent, "type" | "locationId">): boolean {
  const typeOk = e.eventTypes === null || e.eventTypes.includes(event.type);
  const locationOk = e.locationIds === null || event.locationId === null || e.locationIds.includes(event.locationId);
  return typeOk && locationOk;
}

/**
 * Queues `events` of `accountId` for every enabled endpoint that wants them; returns the deliveries made.
 * `events` may be given as a function, called only when the account has an enabled endpoint.
 */
export async function emitWebhookEvents(env: Env, accountId: string, given: WebhookEvent[] | (() => WebhookEvent[]), at: number, only?: string): Promise<string[]> {
  if (Array.isArray(given) && given.length === 0) return [];
  const d = db(env.DB);
  const endpoints = await d
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes, locationIds: webhookEndpoints.locationIds })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, accountId), eq(webhookEndpoints.status, "enabled"), only ? eq(webhookEndpoints.id, only) : undefined));
  // Most accounts have no endpoint: their events are never built (a location's every change comes here).
  if (endpoints.length === 0) return [];
  const events = typeof given === "function" ? given() : given;
  const rows = events.flatMap((event) =>
    endpoints
      .filter((e) => only !== undefined || endpointWants(e, event))
      .map((e) => ({
        id: newId(),
        accountId,
        endpointId: e.id,
        eventId: event.id,
        eventType: event.type,
        locationId: event.locationId,
        sequence: event.sequence,
        payload: JSON.stringify(event),
        nextAttemptAt: at,
        createdAt: at,
      })),
  );
  const made: string[] = [];
  // D1 binds at most 100 parameters per statement; drizzle binds 12 a row (the 10 given, and the
  // status and attempts defaults), so 8 rows a statement.
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const inserted = await d
      .insert(webhookDeliveries)
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    made.push(...inserted.map((r) => r.id));
  }
  const messages: { body: OutboundMessage }[] = made.map((deliveryId) => ({ body: { kind: "webhook", deliveryId, attempt: 1 } }));
  for (let i = 0; i < messages.length; i += 100) await env.OUTBOUND.sendBatch(messages.slice(i, i + 100));
  return made;
}
