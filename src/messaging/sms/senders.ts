// Who texts a guest, and whose opt-out ledger applies (carrier rules tie an opt-out to the sending
// number or program):
// - The platform's shared numbers (TWILIO_FROM, TELNYX_FROM; one program across both providers): a
//   STOP to either opts the phone out of every account that texts through them
//   (sms_sender_opt_outs, sender "platform").
// - An account's own numbers (sms_senders, for the account or one location): the account texts only
//   through them, and a STOP to them opts the phone out of that account (sms_opt_outs).
// The per-account ledger is checked in both cases: it also holds what the providers told an account
// (Twilio 21610, Telnyx 40300).
import { and, eq, inArray, isNull, notInArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { PLATFORM_SENDER, smsOptOuts, smsSenderOptOuts, smsSenders } from "../../db/schema";
import type { Env } from "../../env";
import type { ProviderName } from "./providers/provider";

/** The platform's shared senders, per configured provider. */
export function platformSenders(env: Env): Partial<Record<ProviderName, string>> {
  return { ...(env.TWILIO_FROM && { twilio: env.TWILIO_FROM }), ...(env.TELNYX_FROM && { telnyx: env.TELNYX_FROM }) };
}

export type Program = { kind: "platform" } | { kind: "account"; accountId: string };

export interface Senders {
  program: Program;
  /** The sender per provider; a provider missing here is not used for this location. */
  from: Partial<Record<ProviderName, string>>;
}

/** The location's senders: its own (location first, then account-wide), or the platform's. */
export async function sendersFor(d: Db, platform: Partial<Record<ProviderName, string>>, accountId: string, locationId: string): Promise<Senders> {
  const own = await d
    .select()
    .from(smsSenders)
    .where(and(eq(smsSenders.accountId, accountId), or(isNull(smsSenders.locationId), eq(smsSenders.locationId, locationId))));
  if (own.length === 0) return { program: { kind: "platform" }, from: platform };
  const from: Partial<Record<ProviderName, string>> = {};
  for (const s of [...own.filter((s) => s.locationId === null), ...own.filter((s) => s.locationId === locationId)]) from[s.provider] = s.address;
  return { program: { kind: "account", accountId }, from };
}

/** The program a guest's text came in on, from the number (or service/profile) it was sent to. */
export async function programForInbound(d: Db, provider: ProviderName, addresses: string[]): Promise<{ program: Program; locationId: string | null }> {
  const wanted = addresses.filter(Boolean);
  if (wanted.length > 0) {
    const [own] = await d.select().from(smsSenders).where(and(eq(smsSenders.provider, provider), inArray(smsSenders.address, wanted))).limit(1);
    if (own) return { program: { kind: "account", accountId: own.accountId }, locationId: own.locationId };
  }
  return { program: { kind: "platform" }, locationId: null };
}

/** Accounts with their own numbers (not on the platform's program). */
export const ownSenderAccounts = (d: Db) => d.selectDistinct({ id: smsSenders.accountId }).from(smsSenders);

export async function isOptedOut(d: Db, program: Program, accountId: string, phone: string): Promise<boolean> {
  const mine = await d.query.smsOptOuts.findFirst({ where: and(eq(smsOptOuts.accountId, accountId), eq(smsOptOuts.phone, phone)) });
  if (mine) return true;
  if (program.kind !== "platform") return false;
  return !!(await d.query.smsSenderOptOuts.findFirst({ where: and(eq(smsSenderOptOuts.sender, PLATFORM_SENDER), eq(smsSenderOptOuts.phone, phone)) }));
}

/**
 * Records an opt-out in the program's ledger (and the account's, which says who heard it); true when
 * the phone was not opted out of the program before (so one confirmation is sent).
 */
export async function recordOptOut(d: Db, program: Program, accountId: string | null, phone: string, source: string, at: number): Promise<boolean> {
  let fresh = false;
  if (program.kind === "platform") {
    fresh = (await d.insert(smsSenderOptOuts).values({ sender: PLATFORM_SENDER, phone, source, createdAt: at }).onConflictDoNothing().returning()).length > 0;
  }
  if (accountId) {
    const mine = (await d.insert(smsOptOuts).values({ accountId, phone, source, createdAt: at }).onConflictDoNothing().returning()).length > 0;
    if (program.kind === "account") fresh = mine;
  }
  return fresh;
}

/** START: removes the program's opt-out; true only if the phone was opted out (then it is confirmed). */
export async function recordOptIn(d: Db, program: Program, phone: string): Promise<boolean> {
  if (program.kind === "account") {
    return (await d.delete(smsOptOuts).where(and(eq(smsOptOuts.accountId, program.accountId), eq(smsOptOuts.phone, phone))).returning()).length > 0;
  }
  const [shared, accounts] = await d.batch([
    d.delete(smsSenderOptOuts).where(and(eq(smsSenderOptOuts.sender, PLATFORM_SENDER), eq(smsSenderOptOuts.phone, phone))).returning(),
    // The platform accounts' own records of that STOP go with it (not those of accounts with own numbers).
    d.delete(smsOptOuts).where(and(eq(smsOptOuts.phone, phone), notInArray(smsOptOuts.accountId, ownSenderAccounts(d)))).returning(),
  ]);
  return shared.length + accounts.length > 0;
}
