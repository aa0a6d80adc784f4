// Emails to guests about their booking (confirmation, change, cancellation), when they gave an
// address. Like texts, an email is written to this DO's SQLite (`email_outbox`) in the same turn as
// the change that caused it, and the alarm's flush hands it to the outbound queue, where the existing
// email sender sends it (src/messaging/email). The manage link is derived at flush time (it is never
// stored in clear). A crash between the queue send and the delete can send one email twice at worst.
import { bookingEmail, type BookingEmailKind } from "../domain/reservations/guest-emails";
import type { GuestLanguage } from "../domain/languages";
import type { OutboundMessage } from "../domain/outbound";
import { countryForCallingCode } from "../domain/phone";
import { whenForText } from "../domain/sms/translations";
import { guestLanguageOf } from "./guest-languages";

export const EMAIL_OUTBOX_SCHEMA =
  "CREATE TABLE IF NOT EXISTS email_outbox (id TEXT PRIMARY KEY, ref TEXT NOT NULL, kind TEXT NOT NULL, to_email TEXT NOT NULL, language TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL)";

const BATCH = 50;

export interface EmailRecipient {
  id: string;
  name: string;
  email: string | null;
  partySize: number;
  start: number;
}

export class GuestEmails {
  constructor(
    private readonly sql: SqlStorage,
    private readonly restaurantName: () => string,
    private readonly timezone: () => string,
    /** The location's own language and phone country (waitlist settings). */
    private readonly locale: () => { language: GuestLanguage; phoneCountryCode: string },
    private readonly manageUrl: (ref: string) => Promise<string>,
    private readonly wake: (at: number) => void,
  ) {
    sql.exec(EMAIL_OUTBOX_SCHEMA);
  }

  /** Queues one booking email when the guest gave an address; in their language, else the location's. */
  queue(to: EmailRecipient, kind: BookingEmailKind, at: number): string | null {
    if (!to.email) return null;
    const { language: own, phoneCountryCode } = this.locale();
    const language = guestLanguageOf(this.sql, to.id) ?? own;
    const time = whenForText(to.start, this.timezone(), language, countryForCallingCode(phoneCountryCode));
    const values = { name: to.name, restaurant: this.restaurantName(), time, partySize: to.partySize };
    const id = crypto.randomUUID();
    this.sql.exec("INSERT INTO email_outbox (id, ref, kind, to_email, language, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, to.id, kind, to.email, language, JSON.stringify(values), at);
    this.wake(at);
    return id;
  }

  /** Hands queued emails to the outbound queue; returns how many remain (0 when all are queued). */
  async flush(queue: Queue<OutboundMessage>): Promise<number> {
    for (;;) {
      const rows = this.sql.exec("SELECT * FROM email_outbox ORDER BY created_at LIMIT ?", BATCH).toArray();
      if (rows.length === 0) return 0;
      const messages: MessageSendRequest<OutboundMessage>[] = [];
      for (const r of rows) {
        const values = JSON.parse(r.body as string);
        const email = bookingEmail(r.kind as BookingEmailKind, r.language as GuestLanguage, { ...values, link: await this.manageUrl(r.ref as string) });
        messages.push({ body: { kind: "email", ref: `booking:${r.id as string}`, email: { to: r.to_email as string, ...email } } });
      }
      await queue.sendBatch(messages);
      for (const r of rows) this.sql.exec("DELETE FROM email_outbox WHERE id = ?", r.id);
    }
  }
}
