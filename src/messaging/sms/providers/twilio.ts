// Twilio Programmable Messaging over its REST API (POST /2010-04-01/Accounts/{sid}/Messages.json).
// The official `twilio` SDK targets Node (http agents, many dependencies); one documented form POST
// is all we need, and it runs on fetch. Twilio has no idempotency key for creating a message, so a
// send whose answer was lost is confirmed by listing the messages to that number since the attempt.
import { networkError, SEND_TIMEOUT_MS, SmsSendError, unreadableSuccess, type Confirmation, type OutgoingSms, type SmsProvider } from "./provider";

export interface TwilioConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** A sender number in E.164, or a Messaging Service SID (MG…). */
  from: string;
  timeoutMs?: number;
}

// Errors about the recipient: invalid number (21211), not a mobile (21614), unsubscribed (21610),
// unreachable/landline (30006), and their kin (21612 cannot route, 21408 region not enabled, 30003,
// 30005 unknown or unreachable handset, 30004 blocked).
const PERMANENT = new Set([21211, 21614, 21610, 30006, 21612, 21408, 30003, 30004, 30005]);
const OPT_OUT = new Set([21610]);
const TRANSIENT = new Set([20429, 20500, 20503, 30001, 30008]);

export function classifyTwilio(status: number, code: number | null): "permanent" | "transient" {
  if (code !== null && PERMANENT.has(code)) return "permanent";
  if (code !== null && TRANSIENT.has(code)) return "transient";
  // 429, 5xx and anything else (credentials, sender configuration) is about Twilio, not the guest.
  return "transient";
}

// Twilio's date_created is RFC 2822 ("Wed, 02 Dec 2026 16:10:00 +0000"); Date.parse reads it.
const SKEW_MS = 60_000;

export class TwilioProvider implements SmsProvider {
  readonly name = "twilio" as const;
  constructor(private readonly config: TwilioConfig) {}

  private url(path: string) {
    return `${this.config.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(this.config.accountSid)}/${path}`;
  }

  private get auth() {
    return `Basic ${btoa(`${this.config.accountSid}:${this.config.authToken}`)}`;
  }

  async send(sms: OutgoingSms) {
    const from = sms.from ?? this.config.from;
    const form = new URLSearchParams({ To: sms.to, Body: sms.body, StatusCallback: sms.statusCallbackUrl });
    form.set(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.url("Messages.json"), {
        method: "POST",
        headers: { Authorization: this.auth, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(this.config.timeoutMs ?? SEND_TIMEOUT_MS),
      });
      text = await res.text();
    } catch (err) {
      throw networkError("twilio", err);
    }
    const body = parse(text) as { sid?: unknown; code?: unknown; message?: unknown } | null;
    if (res.ok && body && typeof body.sid === "string") return { providerMessageId: body.sid };
    if (res.ok) throw unreadableSuccess("twilio", res.status);
    const code = body && typeof body.code === "number" ? body.code : null;
    const kind = classifyTwilio(res.status, code);
    const message = body && typeof body.message === "string" ? body.message : `HTTP ${res.status}`;
    throw new SmsSendError("twilio", kind, String(code ?? res.status), `twilio: ${message}`, code !== null && OPT_OUT.has(code));
  }

  /** Lists messages to `sms.to` created since the attempt (same sender and text): found or not. */
  async confirm(sms: OutgoingSms, since: number, isAnotherMessage: (sid: string) => Promise<boolean>): Promise<Confirmation> {
    const from = sms.from ?? this.config.from;
    // Not filtered by DateSent: a message Twilio has queued but not yet sent has none. Newest first.
    const query = new URLSearchParams({ To: sms.to, PageSize: "50" });
    if (!from.startsWith("MG")) query.set("From", from);
    try {
      const res = await fetch(`${this.url("Messages.json")}?${query}`, {
        headers: { Authorization: this.auth },
        signal: AbortSignal.timeout(this.config.timeoutMs ?? SEND_TIMEOUT_MS),
      });
      const body = parse(await res.text()) as { messages?: { sid?: unknown; body?: unknown; date_created?: unknown; to?: unknown }[] } | null;
      if (!res.ok || !body || !Array.isArray(body.messages)) return { unknown: `look-up answered ${res.status}` };
      const matches = body.messages.filter(
        (m) => typeof m.sid === "string" && m.to === sms.to && m.body === sms.body && Date.parse(String(m.date_created)) >= since - SKEW_MS,
      );
      for (const m of matches) if (!(await isAnotherMessage(m.sid as string))) return { found: m.sid as string };
      return { notFound: true };
    } catch (err) {
      return { unknown: `look-up failed: ${(err as Error)?.name ?? "Error"}` };
    }
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
