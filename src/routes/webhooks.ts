// Provider callbacks. Public, so every request proves it comes from the provider: Twilio's HMAC
// over the URL and parameters, Telnyx's Ed25519 over timestamp and body. A forged, missing or stale
// signature is refused (403) before anything is read or changed.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { now } from "../lib/clock";
import { ApiError } from "../lib/errors";
import { log } from "../../lib/log";
import { db } from "../db/client";
import { handleInbound } from "../messaging/sms/inbound";
import { onceForEvent } from "../messaging/sms/receipts";
import { applyDeliveryReport, mapProviderStatus } from "../messaging/sms/reports";
import { verifyTelnyxSignature, verifyTwilioSignature } from "../messaging/sms/signatures";
import { fromRecurly, syncFromWebhook } from "../billing/service";
import { verifyRecurlySignature } from "../billing/signature";

const forged = () => new ApiError(403, "forbidden", "The webhook signature is missing, forged or stale.");
// An empty TwiML answer: Twilio sends nothing back on its own; replies go through our queue.
const twiml = () => new Response("<Response></Response>", { headers: { "Content-Type": "text/xml" } });

/**
 * The URL a provider signed: the one we gave it, APP_URL + this path (+ query), not the URL the request
 * reached us at, which a proxy in front (TLS offload, another host or port, a path prefix) rewrites.
 */
export function publicUrl(appUrl: string, requestUrl: string): string {
  const u = new URL(requestUrl);
  return `${appUrl.replace(/\/+$/, "")}${u.pathname}${u.search}`;
}

async function twilioParams(c: { req: { text(): Promise<string>; header(n: string): string | undefined; url: string }; env: AppEnv["Bindings"] }) {
  const raw = await c.req.text();
  const params = [...new URLSearchParams(raw).entries()];
  const ok = await verifyTwilioSignature(
    { authToken: c.env.TWILIO_AUTH_TOKEN ?? "", sharedKey: c.env.TWILIO_WEBHOOK_SIGNING_KEY },
    c.req.header("X-Twilio-Signature"),
    publicUrl(c.env.APP_URL, c.req.url),
    params,
    c.req.header("X-Twilio-Webhooks-Signature-Settings"),
  );
  if (!ok) throw forged();
  return new Map(params);
}

export const webhookRoutes = new Hono<AppEnv>();

webhookRoutes.post("/twilio/status", async (c) => {
  const p = await twilioParams(c);
  const sid = p.get("MessageSid") ?? p.get("SmsSid");
  const status = mapProviderStatus("twilio", p.get("MessageStatus") ?? p.get("SmsStatus") ?? "");
  // `m`: our message id, in the callback URL we gave Twilio (covered by its signature).
  const messageId = new URL(c.req.url).searchParams.get("m");
  if (sid && status) {
    const at = now();
    await onceForEvent(db(c.env.DB), "twilio", `status:${sid}:${status}`, at, () =>
      applyDeliveryReport(c.env, { provider: "twilio", providerMessageId: sid, status, errorCode: p.get("ErrorCode") || null, messageId }, at),
    );
  }
  return c.body(null, 204);
});

webhookRoutes.post("/twilio/inbound", async (c) => {
  const p = await twilioParams(c);
  const from = p.get("From");
  const sid = p.get("MessageSid") ?? p.get("SmsSid");
  if (from && sid) {
    const at = now();
    const input = { from, to: p.get("To") ?? "", body: p.get("Body") ?? "", providerMessageId: sid, via: p.get("MessagingServiceSid") ?? null };
    await onceForEvent(db(c.env.DB), "twilio", `inbound:${sid}`, at, () => handleInbound(c.env, "twilio", input, at));
  }
  return twiml();
});

interface TelnyxEvent {
  data?: {
    event_type?: string;
    payload?: {
      id?: string;
      text?: string;
      from?: { phone_number?: string };
      to?: { phone_number?: string; status?: string }[];
      errors?: { code?: string | number }[];
      messaging_profile_id?: string;
    };
  };
}

webhookRoutes.post("/telnyx", async (c) => {
  const raw = await c.req.text();
  const ok = await verifyTelnyxSignature(
    c.env.TELNYX_PUBLIC_KEY ?? "",
    c.req.header("telnyx-signature-ed25519"),
    c.req.header("telnyx-timestamp"),
    raw,
    now(),
  );
  if (!ok) throw forged();
  let event: TelnyxEvent;
  try {
    event = JSON.parse(raw) as TelnyxEvent;
  } catch {
    throw new ApiError(400, "validation_failed", "The body is not JSON.");
  }
  const type = event.data?.event_type;
  const payload = event.data?.payload;
  if (!payload?.id) return c.body(null, 204);
  const id = payload.id;
  const at = now();
  const d = db(c.env.DB);
  // Keyed by the message (not the event id): a text redelivered as a new event is still one text.
  if (type === "message.received") {
    const from = payload.from?.phone_number;
    const input = { from: from ?? "", to: payload.to?.[0]?.phone_number ?? "", body: payload.text ?? "", providerMessageId: id, via: payload.messaging_profile_id ?? null };
    if (from) await onceForEvent(d, "telnyx", `inbound:${id}`, at, () => handleInbound(c.env, "telnyx", input, at));
  } else if (type === "message.sent" || type === "message.finalized") {
    const status = mapProviderStatus("telnyx", payload.to?.[0]?.status ?? "");
    const code = payload.errors?.[0]?.code;
    // `m` is our message id from the webhook_url we gave; Telnyx signs only the body, so the report's
    // recipient must also match the message's.
    const messageId = new URL(c.req.url).searchParams.get("m");
    if (status) {
      const report = { provider: "telnyx" as const, providerMessageId: id, status, errorCode: code === undefined ? null : String(code), messageId, to: payload.to?.[0]?.phone_number ?? null };
      await onceForEvent(d, "telnyx", `status:${id}:${status}`, at, () => applyDeliveryReport(c.env, report, at));
    }
  }
  return c.body(null, 204);
});

interface RecurlyEvent {
  id?: string;
  object_type?: string;
  event_type?: string;
  account_code?: string;
  uuid?: string;
}

// Recurly (JSON webhooks): the notification is only a trigger. Its account and subscription are
// fetched from Recurly's API and applied never-backwards, so a repeated, late or out-of-order
// notification changes nothing. A forged or stale signature is 401, as the issue specifies.
webhookRoutes.post("/recurly", async (c) => {
  const raw = await c.req.text();
  const ok = await verifyRecurlySignature(c.env.RECURLY_WEBHOOK_SECRET ?? "", c.req.header("recurly-signature"), raw, now());
  if (!ok) throw new ApiError(401, "unauthorized", "The webhook signature is missing, forged or stale.");
  let event: RecurlyEvent;
  try {
    event = JSON.parse(raw) as RecurlyEvent;
  } catch {
    throw new ApiError(400, "validation_failed", "The body is not JSON.");
  }
  if (!event || typeof event !== "object" || typeof event.account_code !== "string" || event.account_code.length > 64) return c.body(null, 204);
  const uuid = event.object_type === "subscription" && typeof event.uuid === "string" && /^[0-9a-f]{32}$/.test(event.uuid) ? event.uuid : undefined;
  const accountCode = event.account_code;
  const at = now();
  const sync = () => syncFromWebhook(c.env, accountCode, uuid, at);
  try {
    // Once per notification id (a failed sync releases it, so Recurly's retry syncs again).
    const eventId = typeof event.id === "string" && event.id.length > 0 && event.id.length <= 64 ? event.id : null;
    const result = eventId ? await onceForEvent(db(c.env.DB), "recurly", eventId, at, sync) : await sync();
    log("info", "recurly webhook", { type: `${event.object_type}.${event.event_type}`, result });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    // Answered with a non-2xx so Recurly retries the notification later.
    fromRecurly(err);
  }
  return c.body(null, 204);
});
