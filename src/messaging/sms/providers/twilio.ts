// Twilio Programmable Messaging over its REST API (POST /2010-04-01/Accounts/{sid}/Messages.json).
// The official `twilio` SDK targets Node (http agents, many dependencies); one documented form POST
// is all we need, and it runs on fetch.
import { networkError, SEND_TIMEOUT_MS, SmsSendError, type OutgoingSms, type SmsProvider } from "./provider";

export interface TwilioConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** A sender number in E.164, or a Messaging Service SID (MG…). */
  from: string;
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

export class TwilioProvider implements SmsProvider {
  readonly name = "twilio" as const;
  constructor(private readonly config: TwilioConfig) {}

  async send(sms: OutgoingSms) {
    const { baseUrl, accountSid, authToken, from } = this.config;
    const form = new URLSearchParams({ To: sms.to, Body: sms.body, StatusCallback: sms.statusCallbackUrl });
    form.set(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
    let res: Response;
    try {
      res = await fetch(`${baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
        method: "POST",
        headers: { Authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (err) {
      throw networkError("twilio", err);
    }
    const body = (await res.json().catch(() => null)) as { sid?: unknown; code?: unknown; message?: unknown } | null;
    if (res.ok && body && typeof body.sid === "string") return { providerMessageId: body.sid };
    const code = body && typeof body.code === "number" ? body.code : null;
    const kind = res.ok ? "transient" : classifyTwilio(res.status, code);
    const message = body && typeof body.message === "string" ? body.message : `HTTP ${res.status}`;
    throw new SmsSendError("twilio", kind, String(code ?? res.status), `twilio: ${message}`, code !== null && OPT_OUT.has(code));
  }
}
