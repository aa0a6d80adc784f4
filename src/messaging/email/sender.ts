// One interface for outgoing email; the adapter is chosen by configuration.
import { db } from "../../db/client";
import { devOutbox } from "../../db/schema";
import type { Env } from "../../env";
import { newId } from "../../lib/crypto";
import { ResendSender } from "./resend";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

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

export function emailSender(env: Env): EmailSender {
  switch (env.EMAIL_PROVIDER) {
    case "resend":
      if (!env.EMAIL_API_KEY) throw new Error("EMAIL_API_KEY is not set (wrangler secret put EMAIL_API_KEY).");
      return new ResendSender(env.EMAIL_API_BASE_URL, env.EMAIL_API_KEY, env.EMAIL_FROM);
    case "dev-outbox":
      // The outbox keeps links in clear: never acceptable in production.
      if (env.ENVIRONMENT === "production") throw new Error("EMAIL_PROVIDER=dev-outbox is for development only.");
      return new DevOutboxSender(env.DB);
    default:
      throw new Error(`Unknown EMAIL_PROVIDER ${JSON.stringify(env.EMAIL_PROVIDER)}.`);
  }
}
