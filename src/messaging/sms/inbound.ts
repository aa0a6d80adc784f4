// Delivery reports and guests' replies from either provider, after their signature was checked.
import { and, desc, eq, gt } from "drizzle-orm";
import { db, type Db } from "../../db/client";
import { locations, messages, smsOptOuts, type MessageStatus } from "../../db/schema";
import type { Env } from "../../env";
import { DAY } from "../../lib/clock";
import { restaurant } from "../../restaurant/client";
import { entitlementsFor } from "../../billing/entitlements";
import { classifyInbound } from "./keywords";
import type { ProviderName } from "./providers/provider";
import { announce, messageView } from "./send";

// Statuses only move forward: a late "sent" never overwrites "delivered".
const RANK: Record<MessageStatus, number> = {
  queued: 0,
  retrying: 1,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
  refused: 3,
  received: 3,
};

export function isForward(from: MessageStatus, to: MessageStatus): boolean {
  return RANK[to] > RANK[from];
}

/** Twilio's MessageStatus and Telnyx's per-recipient status, in our words (null: nothing to record). */
export function mapProviderStatus(provider: ProviderName, status: string): MessageStatus | null {
  const s = status.toLowerCase();
  if (provider === "twilio") {
    return ({ sent: "sent", delivered: "delivered", undelivered: "undelivered", failed: "failed" } as Record<string, MessageStatus>)[s] ?? null;
  }
  return (
    ({ sent: "sent", delivered: "delivered", delivery_failed: "undelivered", sending_failed: "failed", delivery_unconfirmed: "sent" } as Record<string, MessageStatus>)[s] ??
    null
  );
}

const OPT_OUT_CODES = new Set(["21610", "40300"]);

/** Applies a delivery report; duplicates and out-of-order reports change nothing. */
export async function applyDeliveryReport(
  env: Env,
  provider: ProviderName,
  providerMessageId: string,
  status: MessageStatus,
  errorCode: string | null,
  at: number,
): Promise<boolean> {
  const d = db(env.DB);
  const row = await d.query.messages.findFirst({ where: and(eq(messages.providerMessageId, providerMessageId), eq(messages.provider, provider)) });
  if (!row || !isForward(row.status, status)) return false;
  const [updated] = await d
    .update(messages)
    .set({
      status,
      updatedAt: at,
      ...(status === "delivered" && { deliveredAt: at }),
      ...(errorCode && { errorCode: `${provider}:${errorCode}`, errorMessage: `Reported by ${provider}.` }),
    })
    .where(and(eq(messages.id, row.id), eq(messages.status, row.status)))
    .returning();
  if (!updated) return false;
  if (errorCode && OPT_OUT_CODES.has(errorCode)) {
    await d.insert(smsOptOuts).values({ accountId: row.accountId, phone: row.toPhone, source: `${provider}:${errorCode}`, createdAt: at }).onConflictDoNothing();
  }
  await announce(env, d, updated);
  return true;
}

async function queueReply(env: Env, d: Db, to: { accountId: string; locationId: string; partyId: string | null; phone: string }, body: string, provider: ProviderName, at: number) {
  const id = crypto.randomUUID();
  await d.insert(messages).values({
    id,
    accountId: to.accountId,
    locationId: to.locationId,
    partyId: to.partyId,
    direction: "outbound",
    kind: "keyword_reply",
    toPhone: to.phone,
    body,
    status: "queued",
    createdAt: at,
    updatedAt: at,
  });
  await env.OUTBOUND.send({ kind: "sms", messageId: id, primary: provider });
}

/**
 * A guest's text: matched to the location and party that last texted that number (within 30 days),
 * kept in the conversation, and acted on: STOP and friends opt the number out of the account's texts
 * on both providers (one confirmation allowed), START opts back in, HELP answers, 1 and 9 act.
 */
export async function handleInbound(
  env: Env,
  provider: ProviderName,
  input: { from: string; to: string; body: string; providerMessageId: string },
  at: number,
): Promise<"stored" | "duplicate" | "unmatched"> {
  const d = db(env.DB);
  const duplicate = await d.query.messages.findFirst({
    where: and(eq(messages.providerMessageId, input.providerMessageId), eq(messages.direction, "inbound")),
  });
  if (duplicate) return "duplicate";
  const [last] = await d
    .select()
    .from(messages)
    .where(and(eq(messages.toPhone, input.from), eq(messages.direction, "outbound"), gt(messages.createdAt, at - 30 * DAY)))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  if (!last) return "unmatched";
  const loc = await d.query.locations.findFirst({ where: eq(locations.id, last.locationId) });
  if (!loc) return "unmatched";
  const [row] = await d
    .insert(messages)
    .values({
      id: crypto.randomUUID(),
      accountId: last.accountId,
      locationId: last.locationId,
      partyId: last.partyId,
      direction: "inbound",
      kind: "inbound",
      toPhone: input.to,
      fromPhone: input.from,
      body: input.body.slice(0, 1600),
      status: "received",
      provider,
      providerMessageId: input.providerMessageId,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const intent = classifyInbound(input.body);
  const target = { accountId: last.accountId, locationId: last.locationId, partyId: last.partyId, phone: input.from };
  if (intent === "opt_out") {
    const inserted = await d
      .insert(smsOptOuts)
      .values({ accountId: last.accountId, phone: input.from, source: "keyword", createdAt: at })
      .onConflictDoNothing()
      .returning();
    // One confirmation, not one per repeated STOP.
    if (inserted.length > 0) await queueReply(env, d, target, `You're unsubscribed from ${loc.name} texts and will get no more. Reply START to resubscribe.`, provider, at);
  } else if (intent === "opt_in") {
    await d.delete(smsOptOuts).where(and(eq(smsOptOuts.accountId, last.accountId), eq(smsOptOuts.phone, input.from)));
    await queueReply(env, d, target, `You're resubscribed to ${loc.name} texts. Reply STOP to opt out.`, provider, at);
  } else if (intent === "help") {
    await queueReply(env, d, target, `${loc.name}: waitlist and table texts. Reply STOP to opt out, START to resubscribe.`, provider, at);
  }
  // Two-way SMS (a plan feature) is a guest's reply acting on their place in line: 1 = on my way,
  // 9 = leave. Without it the reply is still stored and shown in the conversation, and STOP, START
  // and HELP above are always honoured (carrier rules, not a feature).
  const acts = (intent === "on_my_way" || intent === "leave") && (await entitlementsFor(env, last.accountId, at)).plan.features.twoWaySms;
  const { stub, ref } = restaurant(env, loc);
  await stub.inboundMessage(ref, messageView(row!), acts ? (intent as "on_my_way" | "leave") : "message");
  return "stored";
}
