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
  | { kind: "webhook"; deliveryId: string; attempt: number };
