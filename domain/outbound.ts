import type { LocationEventRecord } from "./webhook-events";

// Messages on the `outbound` queue (and its dead-letter queue): the DO queues texts, the Worker
// queues texts and email, and the consumer in src/messaging/ sends them.

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type OutboundMessage =
  | { kind: "sms"; messageId: string; primary: "twilio" | "telnyx" }
  | { kind: "email"; ref: string; email: EmailMessage }
  | { kind: "webhook"; deliveryId: string; attempt: number }
  /** A location's events from its DO's webhook outbox, fanned out to the endpoints that want them. */
  | { kind: "webhook_events"; accountId: string; locationId: string; events: LocationEventRecord[] };
