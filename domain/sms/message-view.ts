// A message as host screens see it (times in epoch ms). Kept free of imports so the web app can share
// the type; send.ts's messageView() is checked against it. restMessage() is the REST and webhook form.
export interface MessageView {
  id: string;
  partyId: string | null;
  direction: "outbound" | "inbound";
  kind: string;
  body: string;
  status: "queued" | "sending" | "retrying" | "sent" | "delivered" | "undelivered" | "failed" | "refused" | "received";
  provider: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A message in a REST answer or a webhook payload: the same view with ISO 8601 instants. */
export function restMessage(m: MessageView) {
  return { ...m, createdAt: new Date(m.createdAt).toISOString(), updatedAt: new Date(m.updatedAt).toISOString() };
}
