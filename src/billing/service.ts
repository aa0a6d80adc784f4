// Billing operations: each calls Recurly, then applies the subscription Recurly answered with
// (the same never-backwards path the webhooks use).
import { eq } from "drizzle-orm";
import { db, type Db } from "../db/client";
import { accounts, billingSubscriptions, locations, smsUsage } from "../db/schema";
import type { Env } from "../env";
import { sha256Hex } from "../../lib/crypto";
import { ApiError } from "../lib/errors";
import { log } from "../../lib/log";
import { planByCode, SMS_OVERAGE_ADD_ON } from "./plans";
import { hostedAccountUrl, RecurlyClient, RecurlyError, recurlyConfig, type RecurlySubscription } from "./recurly";
import { applyObserved } from "./sync";
import { localMonth, markReported, unreportedOverage } from "./usage";

export function client(env: Env): RecurlyClient {
  const config = recurlyConfig(env);
  if (!config || !env.RECURLY_SUBDOMAIN) {
    throw new ApiError(409, "billing_not_configured", "Billing is not set up on this Seatline instance (no Recurly site or API key). See the README, \"Billing\".");
  }
  return new RecurlyClient(config);
}

/** Recurly's refusals as our 4xx (its message, which is written for the customer); outages as 502. */
export function fromRecurly(err: unknown): never {
  if (err instanceof RecurlyError) {
    if (err.transient || err.status === 401 || err.status === 403) {
      log("error", "recurly call failed", { status: err.status, type: err.type });
      throw new ApiError(502, "billing_unavailable", "The billing provider is not answering right now. Nothing was changed; try again in a minute.");
    }
    throw new ApiError(422, "billing_rejected", err.message, err.params.map((p) => ({ path: p.param, message: p.message })));
  }
  throw err;
}

/** Recurly account code for one of our accounts: our account id (stable, never reused). */
export const accountCode = (accountId: string) => accountId;

async function pastDue(c: RecurlyClient, code: string): Promise<boolean> {
  return Boolean((await c.getAccount(code)).has_past_due_invoice);
}

export async function applySubscription(env: Env, accountId: string, sub: RecurlySubscription, now: number, c = client(env)) {
  return applyObserved(db(env.DB), accountId, accountCode(accountId), { subscription: sub, pastDue: await pastDue(c, accountCode(accountId)) }, now);
}

export async function currentRow(d: Db, accountId: string) {
  return (await d.query.billingSubscriptions.findFirst({ where: eq(billingSubscriptions.accountId, accountId) })) ?? null;
}

const LIVE = new Set(["pending", "active", "canceled", "past_due"]);

/** Subscribes, or (with a live subscription) updates the card and changes the plan. */
export async function subscribe(env: Env, accountId: string, input: { planCode: string; billingToken: string; email: string }, now: number) {
  const c = client(env);
  const d = db(env.DB);
  const code = accountCode(accountId);
  const row = await currentRow(d, accountId);
  try {
    let exists = true;
    try {
      await c.getAccount(code);
    } catch (err) {
      if (!(err instanceof RecurlyError) || err.status !== 404) throw err;
      exists = false;
    }
    if (!exists) {
      const account = await d.query.accounts.findFirst({ where: eq(accounts.id, accountId) });
      await c.createAccount({ code, email: input.email, company: account?.name, billingToken: input.billingToken });
    } else {
      await c.updateBillingInfo(code, input.billingToken);
    }
    if (row?.recurlySubscriptionId && LIVE.has(row.status)) {
      if (row.planCode !== input.planCode) await c.changeSubscription(row.recurlySubscriptionId, input.planCode, "now");
      const sub = await c.getSubscription(row.recurlySubscriptionId);
      await applySubscription(env, accountId, sub, now, c);
      return { created: false };
    }
    // A retried request (the answer was lost) with the same single-use token gets the same
    // subscription back from Recurly instead of a second one.
    const key = `sub-${(await sha256Hex(`${accountId}:${input.planCode}:${input.billingToken}`)).slice(0, 40)}`;
    const sub = await c.createSubscription({ accountCode: code, planCode: input.planCode }, key);
    await applySubscription(env, accountId, sub, now, c);
    return { created: true };
  } catch (err) {
    fromRecurly(err);
  }
}

async function liveRow(env: Env, accountId: string) {
  const row = await currentRow(db(env.DB), accountId);
  if (!row?.recurlySubscriptionId || !LIVE.has(row.status)) throw new ApiError(409, "conflict", "There is no subscription to change; subscribe first.");
  return row as typeof row & { recurlySubscriptionId: string };
}

export async function changePlan(env: Env, accountId: string, planCode: string, timeframe: "now" | "renewal", now: number) {
  const c = client(env);
  const row = await liveRow(env, accountId);
  if (row.planCode === planCode) throw new ApiError(409, "conflict", `You are already on the ${planByCode(planCode)?.name ?? planCode} plan.`);
  try {
    await c.changeSubscription(row.recurlySubscriptionId, planCode, timeframe);
    await applySubscription(env, accountId, await c.getSubscription(row.recurlySubscriptionId), now, c);
  } catch (err) {
    fromRecurly(err);
  }
}

export async function cancel(env: Env, accountId: string, now: number) {
  const c = client(env);
  const row = await liveRow(env, accountId);
  if (row.cancelAtPeriodEnd) throw new ApiError(409, "conflict", "The subscription is already canceled at the end of the period.");
  try {
    await applySubscription(env, accountId, await c.cancelSubscription(row.recurlySubscriptionId), now, c);
  } catch (err) {
    fromRecurly(err);
  }
}

export async function reactivate(env: Env, accountId: string, now: number) {
  const c = client(env);
  const row = await liveRow(env, accountId);
  if (!row.cancelAtPeriodEnd) throw new ApiError(409, "conflict", "The subscription is not canceled; there is nothing to reactivate.");
  try {
    await applySubscription(env, accountId, await c.reactivateSubscription(row.recurlySubscriptionId), now, c);
  } catch (err) {
    fromRecurly(err);
  }
}

export async function hostedLink(env: Env, accountId: string): Promise<string> {
  const c = client(env);
  try {
    const account = await c.getAccount(accountCode(accountId));
    return hostedAccountUrl(env.RECURLY_SUBDOMAIN!, account.hosted_login_token);
  } catch (err) {
    if (err instanceof RecurlyError && err.status === 404) throw new ApiError(409, "conflict", "There is no billing account yet; subscribe first.");
    fromRecurly(err);
  }
}

/**
 * A webhook said something changed for `code`: fetch and apply. Unknown accounts are acknowledged
 * and ignored (another system's account on the same Recurly site).
 */
export async function syncFromWebhook(env: Env, code: string, subscriptionUuid: string | undefined, now: number): Promise<string> {
  const d = db(env.DB);
  const account = await d.query.accounts.findFirst({ where: eq(accounts.id, code) });
  if (!account) return "unknown_account";
  const c = client(env);
  const row = await currentRow(d, account.id);
  let sub: RecurlySubscription | null;
  try {
    sub = subscriptionUuid
      ? await c.getSubscriptionByUuid(subscriptionUuid)
      : row?.recurlySubscriptionId
        ? await c.getSubscription(row.recurlySubscriptionId)
        : null;
  } catch (err) {
    if (err instanceof RecurlyError && err.status === 404) return "no_subscription";
    throw err;
  }
  if (!sub) return "no_subscription";
  if (sub.account.code !== code) return "mismatch";
  return applySubscription(env, account.id, sub, now, c);
}

/** Reports overage texts not yet accepted by Recurly; each once (Idempotency-Key = message id). */
export async function reportOverage(env: Env, accountId: string, now: number) {
  const config = recurlyConfig(env);
  const d = db(env.DB);
  const row = await currentRow(d, accountId);
  if (!config || !row?.recurlySubscriptionId) return;
  const c = new RecurlyClient(config);
  for (const e of await unreportedOverage(d, accountId)) {
    try {
      await c.createUsage(row.recurlySubscriptionId, SMS_OVERAGE_ADD_ON, { amount: 1, merchantTag: `sms:${e.messageId}`, usageTimestamp: new Date(e.createdAt).toISOString() }, `sms-overage-${e.messageId}`);
      await markReported(d, e, now);
    } catch (err) {
      // Left unreported; the next overage text of the account retries it.
      log("warn", "sms overage not reported", { accountId, status: err instanceof RecurlyError ? err.status : 0 });
      return;
    }
  }
}

/** This month's SMS use per location (each in its own local month). */
export async function usageByLocation(env: Env, accountId: string, now: number) {
  const d = db(env.DB);
  const locs = await d.query.locations.findMany({ where: eq(locations.accountId, accountId), orderBy: (l, { asc }) => [asc(l.createdAt)] });
  const rows = await d.query.smsUsage.findMany({ where: eq(smsUsage.accountId, accountId) });
  return locs.map((l) => {
    const month = localMonth(now, l.timezone);
    const r = rows.find((x) => x.locationId === l.id && x.month === month);
    return { locationId: l.id, name: l.name, timezone: l.timezone, month, count: r?.count ?? 0, overage: r?.overageCount ?? 0, overageReported: r?.overageReported ?? 0 };
  });
}

/**
 * Before an account is deleted: its live subscription is canceled in Recurly (no renewal after the
 * current period), so nobody is billed for an account that no longer exists. A Recurly failure
 * stops the deletion (the caller answers 502 and can try again); nothing to cancel, nothing done.
 */
export async function cancelBeforeDeletion(env: Env, accountId: string) {
  const row = await currentRow(db(env.DB), accountId);
  const config = recurlyConfig(env);
  if (!row?.recurlySubscriptionId || !LIVE.has(row.status) || row.cancelAtPeriodEnd || !config) return;
  try {
    await new RecurlyClient(config).cancelSubscription(row.recurlySubscriptionId);
  } catch (err) {
    // Already canceled or expired at Recurly's end: nothing left to stop.
    if (err instanceof RecurlyError && (err.type === "invalid_transition" || err.status === 404)) return;
    fromRecurly(err);
  }
}
