// Guests' texts from either provider, after their signature was checked (and the webhook's receipt
// made this copy the only one that acts). Matched to the location and party that last texted the
// number within 30 days — on the number's program: the platform's shared numbers, or the account
// whose own number it is — stored once in the conversation, and acted on: STOP and friends opt the
// phone out of the program (see senders.ts), START opts back in (confirmed only if it was opted out),
// HELP answers, 1 and 9 act.
import { and, desc, eq, gt, notInArray } from "drizzle-orm";
import { db, type Db } from "../../db/client";
import { locations, messages } from "../../db/schema";
import type { Env } from "../../env";
import { DAY } from "../../lib/clock";
import { log } from "../../../lib/log";
import { restaurant } from "../../restaurant/client";
import { entitlementsFor } from "../../billing/entitlements";
import { messageView } from "./announce";
import { classifyInbound } from "./keywords";
import type { ProviderName } from "./providers/provider";
import { ownSenderAccounts, programForInbound, recordOptIn, recordOptOut, type Program } from "./senders";

export { isForward, mapProviderStatus, applyDeliveryReport } from "./reports";

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

/** The last outbound text to `phone` on this program (within 30 days): who the guest is answering. */
async function lastTexted(d: Db, program: Program, locationId: string | null, phone: string, at: number) {
  const scope =
    program.kind === "account"
      ? and(eq(messages.accountId, program.accountId), ...(locationId ? [eq(messages.locationId, locationId)] : []))
      : notInArray(messages.accountId, ownSenderAccounts(d));
  const [last] = await d
    .select()
    .from(messages)
    .where(and(eq(messages.toPhone, phone), eq(messages.direction, "outbound"), gt(messages.createdAt, at - 30 * DAY), scope))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return last;
}

export interface InboundText {
  from: string;
  to: string;
  body: string;
  providerMessageId: string;
  /** Twilio's MessagingServiceSid or Telnyx's messaging_profile_id, when the text came through one. */
  via?: string | null;
}

export async function handleInbound(env: Env, provider: ProviderName, input: InboundText, at: number): Promise<"stored" | "duplicate" | "unmatched"> {
  const d = db(env.DB);
  const intent = classifyInbound(input.body);
  const { program, locationId } = await programForInbound(d, provider, [input.to, input.via ?? ""]);
  const last = await lastTexted(d, program, locationId, input.from, at);
  const loc = last && (await d.query.locations.findFirst({ where: eq(locations.id, last.locationId) }));
  if (!last || !loc) {
    // Nobody texted them lately, yet a STOP to our number is still honoured (nobody to confirm as).
    if (intent === "opt_out") await recordOptOut(d, program, program.kind === "account" ? program.accountId : null, input.from, "keyword", at);
    log("info", "inbound sms from an unknown number", { provider, intent });
    return "unmatched";
  }
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
    .onConflictDoNothing()
    .returning();
  // The unique (provider, provider message id) index: another copy stored it, and acts on it.
  if (!row) return "duplicate";
  const target = { accountId: last.accountId, locationId: last.locationId, partyId: last.partyId, phone: input.from };
  const shared = program.kind === "platform";
  if (intent === "opt_out") {
    // One confirmation, not one per repeated STOP.
    if (await recordOptOut(d, program, last.accountId, input.from, "keyword", at)) {
      const text = shared
        ? `You're unsubscribed and will get no more texts from this number (${loc.name} and any other business using it). Reply START to resubscribe.`
        : `You're unsubscribed from ${loc.name} texts and will get no more. Reply START to resubscribe.`;
      await queueReply(env, d, target, text, provider, at);
    }
  } else if (intent === "opt_in") {
    // START means something only after a STOP: otherwise it is not answered.
    if (await recordOptIn(d, program, input.from)) {
      const text = shared ? `You're resubscribed to texts from this number. Reply STOP to opt out.` : `You're resubscribed to ${loc.name} texts. Reply STOP to opt out.`;
      await queueReply(env, d, target, text, provider, at);
    }
  } else if (intent === "help") {
    await queueReply(env, d, target, `${loc.name}: waitlist and table texts. Reply STOP to opt out, START to resubscribe.`, provider, at);
  }
  // Two-way SMS (a plan feature) is a guest's reply acting on their place in line: 1 = on my way,
  // 9 = leave. Without it the reply is still stored and shown in the conversation, and STOP, START
  // and HELP above are always honoured (carrier rules, not a feature).
  const acts = (intent === "on_my_way" || intent === "leave") && (await entitlementsFor(env, last.accountId, at)).plan.features.twoWaySms;
  const stub = restaurant(env, loc);
  await stub.inboundMessage(messageView(row!), acts ? (intent as "on_my_way" | "leave") : "message");
  return "stored";
}
