// Sending one queued SMS: at most once per message, never to an opted-out number, through the
// location's primary provider and failing over to the other on a transient error.
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { db } from "../../db/client";
import { devOutbox, locations, messages, providerHealth, smsOptOuts, type MessageStatus } from "../../db/schema";
import type { Env } from "../../env";
import { log } from "../../lib/log";
import type { MessageView } from "../../../domain/sms/message-view";
import { countSent, SMS_ALLOWANCE_EXHAUSTED, smsGate } from "../../billing/sms-allowance";
import { restaurant } from "../../restaurant/client";
import { PROVIDERS, SmsSendError, type ProviderName, type SmsProvider } from "./providers/provider";
import { TelnyxProvider } from "./providers/telnyx";
import { TwilioProvider } from "./providers/twilio";

/** A message stuck in "sending" this long (a consumer died mid-send) may be claimed again. */
const STALE_SENDING_MS = 2 * 60_000;
/** Consecutive transient failures that open a provider's circuit, and for how long. */
export const BREAKER_THRESHOLD = 3;
export const BREAKER_COOLDOWN_MS = 60_000;

export function configuredProviders(env: Env): Map<ProviderName, SmsProvider> {
  const out = new Map<ProviderName, SmsProvider>();
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM) {
    out.set(
      "twilio",
      new TwilioProvider({ baseUrl: env.TWILIO_API_BASE_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_FROM }),
    );
  }
  if (env.TELNYX_API_KEY && env.TELNYX_FROM) {
    out.set(
      "telnyx",
      new TelnyxProvider({ baseUrl: env.TELNYX_API_BASE_URL, apiKey: env.TELNYX_API_KEY, from: env.TELNYX_FROM, messagingProfileId: env.TELNYX_MESSAGING_PROFILE_ID }),
    );
  }
  return out;
}

/** Primary first, then the other; providers whose circuit is open go last (tried only if all are). */
export function providerOrder(primary: ProviderName, openUntil: Partial<Record<ProviderName, number>>, at: number): ProviderName[] {
  const ordered = [primary, ...PROVIDERS.filter((p) => p !== primary)];
  const closed = ordered.filter((p) => (openUntil[p] ?? 0) <= at);
  const open = ordered.filter((p) => (openUntil[p] ?? 0) > at);
  return [...closed, ...open];
}

async function breakerState(d: Db): Promise<Partial<Record<ProviderName, number>>> {
  const rows = await d.select().from(providerHealth);
  return Object.fromEntries(rows.map((r) => [r.provider, r.openUntil]));
}

async function recordProviderResult(d: Db, provider: ProviderName, ok: boolean, at: number) {
  if (ok) {
    await d
      .insert(providerHealth)
      .values({ provider, consecutiveFailures: 0, openUntil: 0, updatedAt: at })
      .onConflictDoUpdate({ target: providerHealth.provider, set: { consecutiveFailures: 0, openUntil: 0, updatedAt: at } });
    return;
  }
  await d
    .insert(providerHealth)
    .values({ provider, consecutiveFailures: 1, openUntil: 0, updatedAt: at })
    .onConflictDoUpdate({
      target: providerHealth.provider,
      set: {
        consecutiveFailures: sql`${providerHealth.consecutiveFailures} + 1`,
        openUntil: sql`CASE WHEN ${providerHealth.consecutiveFailures} + 1 >= ${BREAKER_THRESHOLD} THEN ${at + BREAKER_COOLDOWN_MS} ELSE ${providerHealth.openUntil} END`,
        updatedAt: at,
      },
    });
}

/** Exponential backoff between deliveries of one message: 10 s, 20 s, 40 s… up to 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, attempts - 1));
}

export type SendOutcome = "sent" | "already_done" | "failed" | "refused" | "retry" | "missing";

type MessageRow = typeof messages.$inferSelect;

export type { MessageView } from "../../../domain/sms/message-view";

/** Tells the location's DO (and so its host screens) about a message's new status. */
export async function announce(env: Env, d: Db, row: MessageRow) {
  const loc = await d.query.locations.findFirst({ where: eq(locations.id, row.locationId) });
  if (!loc) return;
  const { stub, ref } = restaurant(env, loc);
  await stub.messageUpdated(ref, messageView(row));
}

export function messageView(m: MessageRow): MessageView {
  return {
    id: m.id,
    partyId: m.partyId,
    direction: m.direction,
    kind: m.kind,
    body: m.body,
    status: m.status,
    provider: m.provider,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

async function finish(env: Env, d: Db, id: string, set: Partial<MessageRow>) {
  const [row] = await d.update(messages).set(set).where(eq(messages.id, id)).returning();
  if (row) await announce(env, d, row);
}

/**
 * Handles one message id from the queue. Never throws for an ordinary failure: the outcome tells the
 * caller whether to ack or retry.
 */
export async function sendMessage(env: Env, id: string, at: number, primary: ProviderName): Promise<{ outcome: SendOutcome; error?: string }> {
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
  // Opt-outs are checked at send time, against our own ledger (keyword replies to STOP are exempt).
  if (row.kind !== "keyword_reply") {
    const optedOut = await d.query.smsOptOuts.findFirst({ where: and(eq(smsOptOuts.accountId, row.accountId), eq(smsOptOuts.phone, row.toPhone)) });
    if (optedOut) {
      await finish(env, d, id, { status: "refused", errorCode: "opted_out", errorMessage: "The recipient opted out (STOP).", updatedAt: at });
      return { outcome: "refused" };
    }
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
  if (providers.size === 0) {
    await finish(env, d, id, { status: "failed", errorCode: "no_provider", errorMessage: "No SMS provider is configured.", updatedAt: at });
    return { outcome: "failed", error: "no_provider" };
  }
  const order = providerOrder(primary, await breakerState(d), at).filter((p) => providers.has(p));
  const statusCallbackUrl = (p: ProviderName) => `${env.APP_URL.replace(/\/+$/, "")}/webhooks/${p === "twilio" ? "twilio/status" : "telnyx"}`;
  let last: SmsSendError | null = null;
  for (const name of order) {
    const provider = providers.get(name)!;
    try {
      const { providerMessageId } = await provider.send({ to: row.toPhone, body: row.body, statusCallbackUrl: statusCallbackUrl(name) });
      await recordProviderResult(d, name, true, at);
      await finish(env, d, id, { status: "sent", provider: name, providerMessageId, sentAt: at, errorCode: null, errorMessage: null, updatedAt: at });
      await countSent(env, d, row, gate, at);
      return { outcome: "sent" };
    } catch (err) {
      if (!(err instanceof SmsSendError)) throw err;
      last = err;
      if (err.kind === "permanent") {
        if (err.optOut) {
          await d.insert(smsOptOuts).values({ accountId: row.accountId, phone: row.toPhone, source: `${name}:${err.code}`, createdAt: at }).onConflictDoNothing();
        }
        await finish(env, d, id, { status: "failed", provider: name, errorCode: `${name}:${err.code}`, errorMessage: err.message, updatedAt: at });
        return { outcome: "failed", error: err.code };
      }
      await recordProviderResult(d, name, false, at);
      log("warn", "sms provider failed; trying the next", { messageId: id, provider: name, code: err.code });
    }
  }
  await finish(env, d, id, { status: "retrying", errorCode: last ? `${last.provider}:${last.code}` : "unknown", errorMessage: last?.message ?? null, updatedAt: at });
  return { outcome: "retry", error: last?.code };
}

/** After the last retry (dead-letter queue): the message is failed, and the host screen says so. */
export async function failExhausted(env: Env, id: string, at: number) {
  const d = db(env.DB);
  const [row] = await d
    .update(messages)
    .set({ status: "failed", errorCode: sql`COALESCE(${messages.errorCode}, 'retries_exhausted')`, errorMessage: "Both providers failed on every retry.", updatedAt: at })
    .where(and(eq(messages.id, id), inArray(messages.status, ["queued", "retrying", "sending"] satisfies MessageStatus[])))
    .returning();
  if (row) await announce(env, d, row);
}
