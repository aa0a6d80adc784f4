// One interface for outgoing email (adapters: Resend, the development outbox); configured.ts picks one.
import { db } from "../../db/client";
import { devOutbox } from "../../db/schema";
import type { EmailMessage } from "../../../domain/outbound";
import { newId } from "../../../lib/crypto";

export type { EmailMessage };

export interface EmailSender {
  send(message: EmailMessage): Promise<{ id: string }>;
}

export class EmailSendError extends Error {
  constructor(
    message: string,
    /** Worth retrying later (network, 429, 5xx) rather than a refusal of this message. */
    readonly transient: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Development: keeps email in D1 for `npm start` to print and GET /api/dev/outbox to show. */
export class DevOutboxSender implements EmailSender {
  constructor(private readonly d1: D1Database) {}
  async send(m: EmailMessage) {
    const id = newId();
    await db(this.d1).insert(devOutbox).values({ id, to: m.to, subject: m.subject, text: m.text, html: m.html, createdAt: Date.now() });
    return { id };
  }
}
