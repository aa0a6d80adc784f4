// Telnyx Messaging over its REST API (POST /v2/messages), on fetch. Every send carries our message id
// as Telnyx's Idempotency-Key (with a byte-identical body on a repeat), so repeating a send whose
// answer was lost returns the text Telnyx took instead of sending another.
import { networkError, SEND_TIMEOUT_MS, SmsSendError, unreadableSuccess, type OutgoingSms, type SmsProvider } from "./provider";

export interface TelnyxConfig {
  baseUrl: string;
  apiKey: string;
  from: string;
  messagingProfileId?: string;
  timeoutMs?: number;
}

// Errors about the recipient: invalid destination (40310), not routable / landline (40001),
// blocked because the recipient sent STOP (40300), and kin (40002 blocked as spam, 40008 undeliverable).
const PERMANENT = new Set(["40310", "40001", "40300", "40002", "40008"]);
const OPT_OUT = new Set(["40300"]);
const TRANSIENT = new Set(["10011", "10007"]);

export function classifyTelnyx(status: number, code: string | null): "permanent" | "transient" {
  if (code !== null && PERMANENT.has(code)) return "permanent";
  if (code !== null && TRANSIENT.has(code)) return "transient";
  return "transient";
}

export class TelnyxProvider implements SmsProvider {
  readonly name = "telnyx" as const;
  constructor(private readonly config: TelnyxConfig) {}

  async send(sms: OutgoingSms) {
    const { baseUrl, apiKey, from, messagingProfileId } = this.config;
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${baseUrl.replace(/\/+$/, "")}/v2/messages`, {
        method: "POST",
        headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json", "Idempotency-Key": sms.messageId },
        // Key order fixed: a repeat with the same key must be byte-for-byte the same request.
        body: JSON.stringify({
          from: sms.from ?? from,
          to: sms.to,
          text: sms.body,
          webhook_url: sms.statusCallbackUrl,
          ...(messagingProfileId && !sms.from && { messaging_profile_id: messagingProfileId }),
        }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? SEND_TIMEOUT_MS),
      });
      text = await res.text();
    } catch (err) {
      throw networkError("telnyx", err);
    }
    let body: { data?: { id?: unknown }; errors?: { code?: unknown; title?: unknown; detail?: unknown }[] } | null = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (res.ok && body?.data && typeof body.data.id === "string") return { providerMessageId: body.data.id };
    if (res.ok) throw unreadableSuccess("telnyx", res.status);
    const first = body?.errors?.[0];
    const code = first && (typeof first.code === "string" || typeof first.code === "number") ? String(first.code) : null;
    const kind = classifyTelnyx(res.status, code);
    const message = first ? String(first.detail ?? first.title ?? "") : `HTTP ${res.status}`;
    throw new SmsSendError("telnyx", kind, code ?? String(res.status), `telnyx: ${message}`, code !== null && OPT_OUT.has(code));
  }

  /** The same request again under the same Idempotency-Key: Telnyx replays the text it took, or sends it now. */
  async confirm(sms: OutgoingSms) {
    const { providerMessageId } = await this.send(sms);
    return { sent: providerMessageId };
  }
}
