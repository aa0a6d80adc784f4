// Resend (https://resend.com/docs/api-reference/emails/send-email): one JSON POST per message.
import type { EmailMessage, EmailSender } from "./sender";
import { EmailSendError } from "./sender";

const TIMEOUT_MS = 10_000;

export class ResendSender implements EmailSender {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly from: string,
  ) {}

  async send(m: EmailMessage): Promise<{ id: string }> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl.replace(/\/+$/, "")}/emails`, {
        method: "POST",
        headers: { Authorization: `Bearer ${this.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ from: this.from, to: [m.to], subject: m.subject, text: m.text, html: m.html }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new EmailSendError(`email provider unreachable: ${(err as Error).name}`, true);
    }
    // fetch does not throw on 4xx/5xx: read the status.
    const body = (await res.json().catch(() => null)) as { id?: unknown; message?: unknown } | null;
    if (res.ok && body && typeof body.id === "string") return { id: body.id };
    const transient = res.status === 429 || res.status >= 500 || res.ok;
    const reason = body && typeof body.message === "string" ? body.message : `HTTP ${res.status}`;
    throw new EmailSendError(`email provider refused the message: ${reason}`, transient, res.status);
  }
}
