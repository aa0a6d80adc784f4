// A location's recorded events (domain/webhook-events.ts, from its DO's webhook outbox) turned into
// what endpoints receive: the REST representation of the resource (ISO instants, the same fields as
// GET answers), under the location and its sequence number.
import type { Env } from "../../env";
import { restReservation } from "../../../domain/reservations/reservation";
import { restParty } from "../../../domain/waitlist/party";
import { restMessage } from "../../../domain/sms/message-view";
import { restFeedback } from "../../../domain/feedback";
import type { LocationEventRecord, WebhookEvent } from "../../../domain/webhook-events";
import { emitWebhookEvents } from "./emit";

export function webhookEvent(locationId: string, r: LocationEventRecord): WebhookEvent {
  const base = { id: r.id, type: r.type, createdAt: new Date(r.at).toISOString(), locationId, sequence: r.sequence };
  switch (r.type) {
    case "party.created":
    case "party.updated":
    case "party.status_changed":
    case "party.moved":
      return { ...base, data: { party: restParty(r.data.party) } };
    case "reservation.created":
    case "reservation.updated":
    case "reservation.status_changed":
      return { ...base, data: { reservation: restReservation(r.data.reservation) } };
    case "message.sent":
    case "message.status_changed":
    case "message.received":
      return { ...base, data: { message: restMessage(r.data.message) } };
    case "location.status_changed":
      return { ...base, data: { status: r.data.status, previousStatus: r.data.previousStatus } };
    case "feedback.received":
    case "feedback.updated":
      return { ...base, data: { feedback: restFeedback(r.data.feedback) } };
  }
}

/** Fans one queue message of a location's events out to the account's endpoints (idempotent). */
export function emitLocationEvents(env: Env, accountId: string, locationId: string, records: LocationEventRecord[], at: number) {
  if (records.length === 0) return Promise.resolve([]);
  return emitWebhookEvents(env, accountId, () => records.map((r) => webhookEvent(locationId, r)), at);
}
