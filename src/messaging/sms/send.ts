// Sending one queued SMS: at most once per message, never to an opted-out number, through the
// location's primary provider and failing over to the other on a transient error. A send whose
// answer was lost (timeout, unreadable 2xx) is never failed over at once: the provider may have
// taken it. It waits (SMS_CONFIRM_WAIT_SECONDS, 60 s), then asks that provider (Twilio: a look-up;
// Telnyx: the same request under the same Idempotency-Key); only a provider that did not take it
// lets the other one try. A late text rather than a double one.
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { db } from "../../db/client";
import { devOutbox, messages, type MessageStatus } from "../../db/schema";
import type { Env } from "../../env";
import { log } from "../../../lib/log";
import { announce } from "./announce";
import { countSent, SMS_ALLOWANCE_EXHAUSTED, smsGate } from "../../billing/sms-allowance";
import { breakerState, providerOrder, recordProviderResult } from "./breaker";
import { sendTimeoutMs, SmsSendError, type OutgoingSms, type ProviderName, type SmsProvider } from "./providers/provider";
import { TelnyxProvider } from "./providers/telnyx";
import { TwilioProvider } from "./providers/twilio";
import { applyPendingReports } from "./reports";
import { isOptedOut, platformSenders, recordOptOut, sendersFor } from "./senders";

export { BREAKER_COOLDOWN_MS, BREAKER_THRESHOLD, providerOrder } from "./breaker";

/** A message stuck in "sending" this long (a consumer died mid-send) may be claimed again. */
const STALE_SENDING_MS = 2 * 60_000;
/** How long a send with a lost answer waits before the provider is asked about it. */
export const CONFIRM_WAIT_SECONDS = 60;

export function confirmWaitSeconds(env: Env): number {
  const n = Number(env.SMS_CONFIRM_WAIT_SECONDS);
  return Number.isFinite(n) && n >= 0 && env.SMS_CONFIRM_WAIT_SECONDS !== undefined && env.SMS_CONFIRM_WAIT_SECONDS !== "" ? n : CONFIRM_WAIT_SECONDS;
}

export function configuredProviders(env: Env): Map<ProviderName, SmsProvider> {
  const out = new Map<ProviderName, SmsProvider>();
  const timeoutMs = sendTimeoutMs(env.SMS_SEND_TIMEOUT_MS);
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM) {
    out.set(
      "twilio",
      new TwilioProvider({ baseUrl: env.TWILIO_API_BASE_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_FROM, timeoutMs }),
    );
  }
  if (env.TELNYX_API_KEY && env.TELNYX_FROM) {
    out.set(
      "telnyx",
      new TelnyxProvider({ baseUrl: env.TELNYX_API_BASE_URL, apiKey: env.TELNYX_API_KEY, from: env.TELNYX_FROM, messagingProfileId: env.TELNYX_MESSAGING_PROFILE_ID, timeoutMs }),
    );
  }
  return out;
}

/** Exponential backoff between deliveries of one message: 10 s doubling (20, 40, 80, 160 s…), never over 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, attempts - 1));
}

export type SendOutcome = "sent" | "already_done" | "failed" | "refused" | "retry" | "missing";

type MessageRow = typeof messages.$inferSelect;

export type { MessageView } from "../../../domain/sms/message-view";
export { announce, messageView } from "./announce";

/** Ends our claim: only a row still "sending" (ours) changes; a report may have moved it on already. */
async function finish(env: Env, d: Db, id: string, set: Partial<MessageRow>) {
  const [row] = await d
    .update(messages)
    .set(set)
    .where(and(eq(messages.id, id), eq(messages.status, "sending")))
    .returning();
  if (row) await announce(env, d, row);
  return row;
}

/** The provider took the text: record its id (before any report can be lost), then apply early reports. */
async function sent(env: Env, d: Db, row: MessageRow, name: ProviderName, from: string | undefined, providerMessageId: string, at: number) {
  const done = await finish(env, d, row.id, {
    status: "sent",
    provider: name,
    providerMessageId,
    fromPhone: from ?? null,
    sentAt: at,
    errorCode: null,
    errorMessage: null,
    unconfirmedProvider: null,
    unconfirmedAt: null,
    updatedAt: at,
  });
  // A report that carried our id got here first and moved the row on: it still needs the sent time.
  if (!done) {
    await d
      .update(messages)
      .set({ provider: name, providerMessageId, sentAt: at, unconfirmedProvider: null, unconfirmedAt: null })
      .where(and(eq(messages.id, row.id), or(sql`${messages.providerMessageId} IS NULL`, eq(messages.providerMessageId, providerMessageId))));
  }
  await applyPendingReports(env, d, name, providerMessageId, at);
}

export const statusCallbackUrl = (env: Env, p: ProviderName, messageId: string) =>
  `${env.APP_URL.replace(/\/+$/, "")}/webhooks/${p === "twilio" ? "twilio/status" : "telnyx"}?m=${encodeURIComponent(messageId)}`;

export interface SendResult {
  outcome: SendOutcome;
  error?: string;
  /** For "retry": when to come back, if not the usual backoff. */
  delaySeconds?: number;
}

/**
 * Handles one message id from the queue. Never throws for an ordinary failure: the outcome tells the
 * caller whether to ack or retry.
 */
export async function sendMessage(env: Env, id: string, at: number, primary: ProviderName): Promise<SendResult> {
  const d = db(env.DB);
  // Claim the message: of two deliveries of the same queue message only one gets the row.
  const [row] = await d
    .update(messages)
    .set({ status: "sending", attempts: sql`${messages.attempts} + 1`, updatedAt: at })
    .where(
      and(
        eq(messages.id, id),
        eq(messages.direction, "outbound"),
        or(inArray(messages.status, ["queued", "retrying"]), and(eq(messages.status, "sending"), lt(messages.updatedAt, at - STALE_SENDING_MS))),
      ),
    )
    .returning();
  if (!row) {
    const exists = await d.query.messages.findFirst({ where: eq(messages.id, id) });
    if (!exists) return { outcome: "missing" };
    // Claimed by another delivery that has not finished, or that died mid-send: acking here would
    // leave the row in "sending" for good. Come back later: it is done by then, or stale and ours.
    if (exists.status === "sending") return { outcome: "retry", error: "in_flight" };
    return { outcome: "already_done" };
  }
  const senders = await sendersFor(d, platformSenders(env), row.accountId, row.locationId);
  // Opt-outs are checked at send time, against our own ledgers (keyword replies to STOP are exempt).
  if (row.kind !== "keyword_reply" && (await isOptedOut(d, senders.program, row.accountId, row.toPhone))) {
    await finish(env, d, id, { status: "refused", errorCode: "opted_out", errorMessage: "The recipient opted out (STOP).", updatedAt: at });
    return { outcome: "refused" };
  }
  // The plan's monthly allowance: past it the text is held back (failed, with the reason for the host
  // screen; the notification itself stays recorded in the location's DO), or sent as billed overage.
  const gate = await smsGate(env, d, row, at);
  if (!gate.send) {
    await finish(env, d, id, { status: "failed", errorCode: SMS_ALLOWANCE_EXHAUSTED, errorMessage: gate.message, updatedAt: at });
    return { outcome: "failed", error: SMS_ALLOWANCE_EXHAUSTED };
  }
  const providers = configuredProviders(env);
  if (providers.size === 0 && env.ENVIRONMENT === "development") {
    // `npm start` without provider credentials: texts land in the dev outbox, which it prints.
    await d.insert(devOutbox).values({ id: id, to: row.toPhone, subject: `SMS (${row.kind})`, text: row.body, html: "", createdAt: at }).onConflictDoNothing();
    await finish(env, d, id, { status: "sent", provider: "dev-outbox", sentAt: at, updatedAt: at });
    await countSent(env, d, row, gate, at);
    return { outcome: "sent" };
  }
  const usable = [...providers.keys()].filter((p) => senders.from[p]);
  if (usable.length === 0) {
    await finish(env, d, id, { status: "failed", errorCode: "no_provider", errorMessage: "No SMS provider is configured.", updatedAt: at });
    return { outcome: "failed", error: "no_provider" };
  }
  const sms = (name: ProviderName): OutgoingSms => ({
    messageId: id,
    to: row.toPhone,
    body: row.body,
    statusCallbackUrl: statusCallbackUrl(env, name, id),
    ...(senders.program.kind === "account" && { from: senders.from[name] }),
  });
  const fromOf = (name: ProviderName) => senders.from[name];
  const onSent = async (name: ProviderName, providerMessageId: string) => {
    await sent(env, d, row, name, fromOf(name), providerMessageId, at);
    await countSent(env, d, row, gate, at);
    return { outcome: "sent" as const };
  };
  const onPermanent = async (name: ProviderName, err: SmsSendError) => {
    if (err.optOut) await recordOptOut(d, senders.program, row.accountId, row.toPhone, `${name}:${err.code}`, at);
    await finish(env, d, id, { status: "failed", provider: name, errorCode: `${name}:${err.code}`, errorMessage: err.message, unconfirmedProvider: null, unconfirmedAt: null, updatedAt: at });
    return { outcome: "failed" as const, error: err.code };
  };
  const wait = confirmWaitSeconds(env);
  const unconfirmed = async (name: ProviderName, since: number, err: { code: string; message: string }) => {
    await finish(env, d, id, { status: "retrying", unconfirmedProvider: name, unconfirmedAt: since, errorCode: `${name}:${err.code}`, errorMessage: err.message, updatedAt: at });
    return { outcome: "retry" as const, error: err.code, delaySeconds: Math.max(1, Math.ceil((since + wait * 1000 - at) / 1000)) };
  };

  // A send whose answer was lost: ask the provider that may have it before anyone else tries.
  let skip: ProviderName | null = null;
  if (row.unconfirmedProvider && row.unconfirmedAt !== null) {
    const name = row.unconfirmedProvider as ProviderName;
    const provider = providers.get(name);
    if (provider && fromOf(name)) {
      if (at < row.unconfirmedAt + wait * 1000) return unconfirmed(name, row.unconfirmedAt, { code: row.errorCode?.split(":")[1] ?? "unconfirmed", message: row.errorMessage ?? "" });
      try {
        // A match already recorded for another message (the same text sent just before) is not ours.
        const otherMessages = async (providerId: string) => {
          const owner = await d.query.messages.findFirst({ where: and(eq(messages.provider, name), eq(messages.providerMessageId, providerId)) });
          return !!owner && owner.id !== id;
        };
        const answer = await provider.confirm(sms(name), row.unconfirmedAt, otherMessages);
        if ("found" in answer) return onSent(name, answer.found);
        if ("sent" in answer) {
          await recordProviderResult(d, name, true, at);
          return onSent(name, answer.sent);
        }
        if ("unknown" in answer) return unconfirmed(name, row.unconfirmedAt, { code: "unconfirmed", message: `${name}: ${answer.unknown}` });
        // It never took the text: the other provider may try now (this one just failed to answer).
        log("info", "sms provider did not take the unconfirmed send; failing over", { messageId: id, provider: name });
        skip = name;
      } catch (err) {
        if (!(err instanceof SmsSendError)) throw err;
        if (err.kind === "permanent") return onPermanent(name, err);
        if (err.kind === "unknown") {
          await recordProviderResult(d, name, false, at);
          return unconfirmed(name, at, err);
        }
        // A clear refusal of the same request under the same key: it did not take the first one.
        await recordProviderResult(d, name, false, at);
        skip = name;
      }
    }
  }

  const breaker = await breakerState(d);
  const order = providerOrder(primary, breaker, at).filter((p) => usable.includes(p) && p !== skip);
  let last: SmsSendError | null = null;
  for (const name of order) {
    const provider = providers.get(name)!;
    const attemptAt = Date.now();
    try {
      const { providerMessageId } = await provider.send(sms(name));
      await recordProviderResult(d, name, true, at);
      return await onSent(name, providerMessageId);
    } catch (err) {
      if (!(err instanceof SmsSendError)) throw err;
      last = err;
      if (err.kind === "permanent") return onPermanent(name, err);
      await recordProviderResult(d, name, false, at);
      if (err.kind === "unknown") {
        log("warn", "sms provider's answer was lost; confirming before any failover", { messageId: id, provider: name, code: err.code });
        return unconfirmed(name, Math.min(attemptAt, at), err);
      }
      log("warn", "sms provider failed; trying the next", { messageId: id, provider: name, code: err.code });
    }
  }
  await finish(env, d, id, {
    status: "retrying",
    unconfirmedProvider: null,
    unconfirmedAt: null,
    errorCode: last ? `${last.provider}:${last.code}` : "circuit_open",
    errorMessage: last?.message ?? "Every provider's circuit is open; retrying after the cool-down.",
    updatedAt: at,
  });
  // Nothing tried (every usable provider's circuit open): come back when the first one closes.
  const reopen = Math.min(...usable.map((p) => breaker[p] ?? 0).filter((t) => t > at));
  return { outcome: "retry", error: last?.code ?? "circuit_open", ...(order.length === 0 && Number.isFinite(reopen) && { delaySeconds: Math.max(1, Math.ceil((reopen - at) / 1000)) }) };
}

const PROVIDER_LABEL: Record<ProviderName, string> = { twilio: "Twilio", telnyx: "Telnyx" };

/** The dead-letter message, naming only the providers this deployment has. */
export function exhaustedMessage(configured: ProviderName[]): string {
  if (configured.length === 0) return "No SMS provider is configured.";
  const names = configured.map((p) => PROVIDER_LABEL[p]);
  if (names.length === 1) return `${names[0]} (the only SMS provider configured) failed on every retry.`;
  return `Both providers (${names.join(" and ")}) failed on every retry.`;
}

/** After the last retry (dead-letter queue): the message is failed, and the host screen says so. */
export async function failExhausted(env: Env, id: string, at: number) {
  const d = db(env.DB);
  const [row] = await d
    .update(messages)
    .set({ status: "failed", errorCode: sql`COALESCE(${messages.errorCode}, 'retries_exhausted')`, errorMessage: exhaustedMessage([...configuredProviders(env).keys()]), updatedAt: at })
    .where(and(eq(messages.id, id), inArray(messages.status, ["queued", "retrying", "sending"] satisfies MessageStatus[])))
    .returning();
  if (row) await announce(env, d, row);
}
