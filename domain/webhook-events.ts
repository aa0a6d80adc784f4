// The events Seatline sends to webhook endpoints (docs/api-style.md, "Events"): the same names and
// payloads as the host socket's events. `sequence` is per location and increases with every change,
// so a receiver can order events and drop repeats.
export const WEBHOOK_EVENT_TYPES = [
  "party.created",
  "party.updated",
  "party.status_changed",
  "party.moved",
  "reservation.created",
  "reservation.updated",
  "reservation.status_changed",
  "message.sent",
  "message.status_changed",
  "message.received",
  "location.status_changed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "send a test event"; never emitted by a change. */
export const TEST_EVENT_TYPE = "webhook.test";

export interface WebhookEvent {
  id: string;
  type: WebhookEventType | typeof TEST_EVENT_TYPE;
  createdAt: string;
  locationId: string | null;
  sequence: number | null;
  data: Record<string, unknown>;
}

export function isEventType(s: string): s is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(s);
}
