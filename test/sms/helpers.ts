import { inject, vi } from "vitest";
import { createExecutionContext, createMessageBatch, env, getQueueResult, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import worker from "../../src/index";
import type { OutboundMessage } from "../../src/env";
import { call, ORIGIN, waitFor } from "../helpers/api";

/** How a fake provider answers messages to one number (mirrors test/fakes/sms.ts, which runs in Node). */
export type Behaviour =
  | { mode: "ok" }
  | { mode: "down" }
  | { mode: "network" }
  | { mode: "error"; status: number; code: string | number }
  | { mode: "slow"; delayMs: number }
  | { mode: "garbled" }
  | { mode: "hang"; delayMs: number };

export type Provider = "twilio" | "telnyx";

const fakes = () => inject("fakesUrl");

async function control(action: string, body: unknown) {
  const res = await fetch(`${fakes()}/__control/sms/${action}`, { method: "POST", body: JSON.stringify(body) });
  return res.json() as Promise<any>;
}

export const behave = (provider: Provider, to: string, behaviour: Behaviour) => control("behave", { provider, to, behaviour });
/** Messages the fake accepted (and so "delivered") to `to`. */
export const received = (provider: Provider, to: string): Promise<{ id: string; to: string; from: string; body: string; callback: string | null }[]> =>
  control("received", { provider, to });
/** Every send request the fake got for `to`, failed ones included. */
export const attempts = (provider: Provider, to: string): Promise<{ to: string; body: string; behaviour: Behaviour["mode"] }[]> =>
  control("attempts", { provider, to });
/** Twilio Message list requests for `to` (our look-ups of sends whose answer was lost). */
export const lookups = (to: string): Promise<{ to: string }[]> => control("lookups", { to });
export type TwilioParams = Record<string, string | string[]>;
/** Twilio's own SDK (in Node): getExpectedTwilioSignature for url+params, and validateRequest of `signature`. */
export const twilioReference = (
  url: string,
  params: TwilioParams,
  signature?: string,
  shared?: { key: string; algorithm: "HMAC_SHA1" | "HMAC_SHA256" },
): Promise<{ signature: string; valid?: boolean }> => control("sign-twilio", { url, params, signature, ...shared });

/** Params as the form body carries them: a repeated name once per value. */
export function formEntries(params: TwilioParams): [string, string][] {
  return Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
}
export const telnyxSign = (timestamp: string, body: string): Promise<{ signature: string }> => control("sign-telnyx", { timestamp, body });

/**
 * A fresh number per call, so fake-provider behaviours and received lists never overlap between
 * tests or between files running in parallel: a German mobile, +49 151 with eight random digits (a
 * valid number, as libphonenumber-js checks it).
 */
export function freshPhone(): string {
  const digits = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b % 10).join("");
  return `+49151${digits}`;
}

/**
 * Carries the location's queued texts to D1 and the outbound queue: runs the DO's alarm now, then
 * waits until its SMS outbox is empty. The runtime may have started that alarm on its own a moment
 * earlier (a text schedules it for "now"); runDurableObjectAlarm then finds none to run and returns
 * while that run is still writing, so the empty outbox is the condition to wait on.
 */
export async function flush(locationId: string) {
  const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
  await runDurableObjectAlarm(stub);
  const pending = () =>
    runInDurableObject(stub, (_instance, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM sms_outbox").one().n);
  await waitFor(async () => (await pending()) === 0, 10_000, `the SMS outbox of ${locationId} to flush`);
}

export async function messageRow(id: string) {
  return env.DB.prepare("SELECT * FROM messages WHERE id = ?").bind(id).first<Record<string, any>>();
}

export async function rowsTo(phone: string) {
  return (await env.DB.prepare("SELECT * FROM messages WHERE to_phone = ? ORDER BY created_at, rowid").bind(phone).all<Record<string, any>>()).results;
}

export async function waitForStatus(phone: string, kind: string, status: string, timeoutMs = 10_000) {
  return waitFor(async () => (await rowsTo(phone)).find((r) => r.kind === kind && r.status === status), timeoutMs, `${kind} ${status} to ${phone}`);
}

export async function optedOut(accountId: string, phone: string) {
  return env.DB.prepare("SELECT * FROM sms_opt_outs WHERE account_id = ? AND phone = ?").bind(accountId, phone).first<Record<string, any>>();
}

export async function providerHealth(provider: Provider) {
  return env.DB.prepare("SELECT * FROM provider_health WHERE provider = ?").bind(provider).first<Record<string, any>>();
}

/** The circuit breaker is one table for the whole D1 (shared by a file's tests): start each test closed. */
export async function resetBreaker() {
  await env.DB.prepare("DELETE FROM provider_health").run();
}

/** A `messages` row in status `queued`, as the DO's outbox flush writes it; returns its id. */
export async function insertQueued(owner: { accountId: string; locationId: string }, phone: string, opts: { body?: string; kind?: string; partyId?: string } = {}) {
  const id = crypto.randomUUID();
  const at = Date.now();
  await env.DB.prepare(
    `INSERT INTO messages (id, account_id, location_id, party_id, direction, kind, to_phone, body, status, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'outbound', ?, ?, ?, 'queued', 0, ?, ?)`,
  )
    .bind(id, owner.accountId, owner.locationId, opts.partyId ?? null, opts.kind ?? "custom", phone, opts.body ?? `Hello ${id}`, at, at)
    .run();
  return id;
}

/**
 * Runs the Worker's queue handler on one batch, as the Queues runtime would, and returns what it
 * acked and retried. `attempts` > 1 stands for a redelivery.
 *
 * `retries` lists each message's retry() options: @cloudflare/vitest-plugin 1.5.0's batch messages
 * drop them (getQueueResult never reports delaySeconds, though its type declares it), so each
 * message's retry is watched, still calling through.
 */
export async function deliver(
  queue: "seatline-outbound" | "seatline-outbound-dlq",
  entries: { messageId: string; primary?: Provider; attempts?: number }[],
  /** Bindings to change for this run only (e.g. a short SMS_SEND_TIMEOUT_MS). */
  overrides: Partial<Record<string, string>> = {},
) {
  const batch = createMessageBatch<OutboundMessage>(
    queue,
    entries.map((e, i) => ({
      id: `queue-msg-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts: e.attempts ?? 1,
      body: { kind: "sms", messageId: e.messageId, primary: e.primary ?? "twilio" },
    })),
  );
  const retries: { msgId: string; delaySeconds?: number }[] = [];
  for (const m of batch.messages) {
    const original = m.retry.bind(m);
    vi.spyOn(m, "retry").mockImplementation((options?: QueueRetryOptions) => {
      retries.push({ msgId: m.id, ...(options?.delaySeconds !== undefined && { delaySeconds: options.delaySeconds }) });
      original(options);
    });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...overrides } as typeof env);
  const result = await getQueueResult(batch, ctx);
  return { batch, result, retries };
}

// ---- webhooks -------------------------------------------------------------------------------------

export const TWILIO_STATUS_URL = `${ORIGIN}/webhooks/twilio/status`;
export const TWILIO_INBOUND_URL = `${ORIGIN}/webhooks/twilio/inbound`;

/** POSTs form params to a Twilio webhook; the signature defaults to the SDK's for exactly this URL and these params. */
export async function postTwilio(url: string, params: TwilioParams, signature?: string | null, postTo = url, extraHeaders: Record<string, string> = {}) {
  const sig = signature === undefined ? (await twilioReference(url, params)).signature : signature;
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", ...extraHeaders };
  if (sig !== null) headers["X-Twilio-Signature"] = sig;
  const target = new URL(postTo);
  return call("POST", target.pathname + target.search, { raw: new URLSearchParams(formEntries(params)).toString(), headers });
}

/** A Twilio status callback for `sid`, signed by the SDK. */
export function twilioStatus(sid: string, status: string, extra: Record<string, string> = {}) {
  return postTwilio(TWILIO_STATUS_URL, {
    AccountSid: "ACfake0000000000000000000000000000",
    ApiVersion: "2010-04-01",
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: status,
    SmsStatus: status,
    From: "+15005550006",
    ...extra,
  });
}

/** A guest's text through Twilio's inbound webhook, signed as Twilio would. */
export async function textIn(from: string, body: string, sid = `SM${crypto.randomUUID().replace(/-/g, "")}`, to = "+15005550006") {
  const res = await postTwilio(TWILIO_INBOUND_URL, { MessageSid: sid, SmsSid: sid, From: from, To: to, Body: body, NumMedia: "0", AccountSid: "ACfake0000000000000000000000000000" });
  if (res.status !== 200) throw new Error(`inbound webhook answered ${res.status} ${res.text}`);
  return res;
}

/** POSTs a Telnyx event with the given headers (signed over "timestamp|body" by default). */
export async function postTelnyx(body: string, opts: { timestamp?: string; signature?: string | null; signedBody?: string; path?: string } = {}) {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const signature = opts.signature === undefined ? (await telnyxSign(timestamp, opts.signedBody ?? body)).signature : opts.signature;
  const headers: Record<string, string> = { "Content-Type": "application/json", "telnyx-timestamp": timestamp };
  if (signature !== null) headers["telnyx-signature-ed25519"] = signature;
  return call("POST", opts.path ?? "/webhooks/telnyx", { raw: body, headers });
}

/** Rows a guest sent us from `phone`. */
export async function inboundFrom(phone: string) {
  return (await env.DB.prepare("SELECT * FROM messages WHERE from_phone = ? AND direction = 'inbound' ORDER BY created_at, rowid").bind(phone).all<Record<string, any>>()).results;
}

/** A message sent (through `primary`, which is up) to a fresh number, for reports to act on. */
export async function sentMessage(owner: { accountId: string; locationId: string }, primary: Provider = "twilio", phone = freshPhone()) {
  const id = await insertQueued(owner, phone);
  await deliver("seatline-outbound", [{ messageId: id, primary }]);
  const row = await messageRow(id);
  if (row?.status !== "sent" || row.provider !== primary) throw new Error(`not sent: ${JSON.stringify(row)}`);
  return { id, phone, sid: row.provider_message_id as string, row };
}

export function telnyxEvent(eventType: string, payload: Record<string, unknown>) {
  return JSON.stringify({ data: { event_type: eventType, id: crypto.randomUUID(), occurred_at: new Date().toISOString(), payload }, meta: { attempt: 1 } });
}

// ---- parties through the API ----------------------------------------------------------------------

/** Adds a party as a host; with `smsConsent` it gets the "joined" text once the DO's alarm flushes. */
export async function addParty(owner: { token: string; locationId: string }, body: Record<string, unknown>) {
  const res = await call("POST", `/api/locations/${owner.locationId}/waitlist`, { token: owner.token, body: { name: "Guest", partySize: 2, ...body } });
  if (res.status !== 201) throw new Error(`add failed: ${res.status} ${res.text}`);
  return res.json as { id: string; name: string; phone: string | null };
}

/** A consenting party whose "joined" text went out, so a reply from its phone is matched to it. */
export async function textedParty(owner: { token: string; locationId: string }, name = "Ana") {
  const phone = freshPhone();
  const party = await addParty(owner, { name, phone, smsConsent: true });
  await flush(owner.locationId);
  await waitForStatus(phone, "joined", "sent");
  return { party, phone };
}

export async function sendText(owner: { token: string; locationId: string }, partyId: string, body: unknown) {
  return call("POST", `/api/locations/${owner.locationId}/waitlist/${partyId}/messages`, { token: owner.token, body });
}

export async function conversation(owner: { token: string; locationId: string }, partyId: string) {
  return call("GET", `/api/locations/${owner.locationId}/waitlist/${partyId}/messages`, { token: owner.token });
}

/** Every send request either fake got with exactly this text. */
export async function attemptsWithBody(phone: string, body: string) {
  return [...(await attempts("twilio", phone)), ...(await attempts("telnyx", phone))].filter((a) => a.body === body);
}
