import type { ReservationView } from "./reservations/reservation";
import type { MessageView } from "./sms/message-view";
import type { FeedbackView } from "./feedback";
import type { RankedPartyView } from "./waitlist/protocol";

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
  "feedback.received",
  "feedback.updated",
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

/** A location's status as webhooks report it: closed by the host, full (its line limit reached) or open. */
export const LOCATION_STATUSES = ["open", "closed", "full"] as const;
export type LocationStatus = (typeof LOCATION_STATUSES)[number];

export function locationStatus(open: boolean, maxLength: number | null, inLine: number): LocationStatus {
  if (!open) return "closed";
  return maxLength !== null && inLine >= maxLength ? "full" : "open";
}

/**
 * An event as the location's DO records it, in the DO's own units (epoch ms, the host screens'
 * views): written in the same SQLite transaction as the change, carried to the queue by the outbox,
 * and turned into the REST payload by the Worker (src/messaging/webhooks/payloads.ts).
 */
export type LocationEventRecord = { id: string; at: number; sequence: number } & (
  | { type: "party.created" | "party.updated" | "party.status_changed" | "party.moved"; data: { party: RankedPartyView } }
  | { type: "reservation.created" | "reservation.updated" | "reservation.status_changed"; data: { reservation: ReservationView } }
  | { type: "message.sent" | "message.status_changed" | "message.received"; data: { message: MessageView } }
  | { type: "location.status_changed"; data: { status: LocationStatus; previousStatus: LocationStatus } }
  | { type: "feedback.received" | "feedback.updated"; data: { feedback: FeedbackView } }
);

// Every declared type has a record shape, and every record shape is a declared type.
type RecordType = LocationEventRecord["type"];
true satisfies ([WebhookEventType] extends [RecordType] ? ([RecordType] extends [WebhookEventType] ? true : false) : false);

/** Which webhook event a message's new status is: none for the steps before a provider takes it. */
export function messageEventType(m: Pick<MessageView, "direction" | "status">): Extract<RecordType, `message.${string}`> | null {
  if (m.direction === "inbound") return "message.received";
  if (m.status === "queued" || m.status === "sending") return null;
  return m.status === "sent" ? "message.sent" : "message.status_changed";
}

/** The host socket's name for a message's change: the webhooks' name; the steps before a provider are status changes. */
export function hostMessageEvent(m: Pick<MessageView, "direction" | "status">): "message.sent" | "message.status_changed" | "message.received" {
  return messageEventType(m) ?? "message.status_changed";
}
