// Driving billing like Recurly and an owner would: the fake Recurly API (in Node, behind
// test/fakes/server.ts), signed webhooks from its reference signer, and the owner's REST calls.
import { env } from "cloudflare:test";
import { inject } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";

export async function recurly(action: string, body: Record<string, unknown> = {}) {
  const res = await fetch(`${inject("fakesUrl")}/__control/recurly/${action}`, { method: "POST", body: JSON.stringify(body) });
  return res.json() as Promise<any>;
}

/** A Recurly.js-like token (the fake declines "tok-declined" and refuses "tok-invalid"). */
export const token = () => `tok-${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;

export async function subscribe(owner: SignedUp, planCode: "starter" | "pro" = "starter") {
  const res = await call("POST", "/api/billing/subscription", { token: owner.token, body: { planCode, billingToken: token() } });
  if (res.status !== 201) throw new Error(`subscribe failed: ${res.status} ${res.text}`);
  return res.json;
}

/** A new owner subscribed to `planCode`. */
export async function subscribedOwner(planCode: "starter" | "pro" = "starter") {
  const owner = await signUp();
  await subscribe(owner, planCode);
  return owner;
}

export async function row(accountId: string) {
  return env.DB.prepare("SELECT * FROM billing_subscriptions WHERE account_id = ?").bind(accountId).first<Record<string, any>>();
}

export async function subscriptionId(accountId: string): Promise<string> {
  const r = await row(accountId);
  if (!r?.recurly_subscription_id) throw new Error(`no subscription for ${accountId}`);
  return r.recurly_subscription_id;
}

/** Recurly's side changes (renewal, dunning, expiry): moves its updated_at forward. */
export async function recurlyChanges(subscriptionIdValue: string, change: { state?: string; pastDue?: boolean; periodEndsAt?: string }) {
  return recurly("set-state", { subscriptionId: subscriptionIdValue, ...change });
}

/** A JSON webhook as Recurly sends it: event type and identifiers only. */
export function notification(objectType: string, eventType: string, accountCode: string, uuid?: string) {
  return JSON.stringify({
    id: crypto.randomUUID().replace(/-/g, "").slice(0, 12),
    object_type: objectType,
    site_id: "sitefake0001",
    event_type: eventType,
    event_time: new Date().toISOString(),
    account_code: accountCode,
    ...(uuid && { uuid }),
  });
}

/** POSTs `body` to /webhooks/recurly, signed by the reference signer unless `header` is given. */
export async function postWebhook(body: string, opts: { header?: string | null; timestamp?: number; secret?: string } = {}) {
  const header = opts.header !== undefined ? opts.header : (await recurly("sign", { body, timestamp: opts.timestamp ?? Date.now(), secret: opts.secret })).header;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (header !== null) headers["recurly-signature"] = header;
  return call("POST", "/webhooks/recurly", { raw: body, headers });
}

/** The subscription webhook for the account's current subscription. */
export async function subscriptionWebhook(accountId: string, eventType: string) {
  const s = await recurly("subscription", { id: await subscriptionId(accountId) });
  return postWebhook(notification("subscription", eventType, accountId, s.uuid));
}

export async function billing(owner: { token: string }) {
  const res = await call("GET", "/api/billing", { token: owner.token });
  if (res.status !== 200) throw new Error(`GET /api/billing: ${res.status} ${res.text}`);
  return res.json;
}

/** `n` texts already sent this month from the location (usage rows as the consumer writes them). */
export async function seedUsage(o: { accountId: string; locationId: string }, month: string, n: number, overage = false) {
  const at = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
       INSERT OR IGNORE INTO sms_usage_events (message_id, account_id, location_id, month, overage, created_at)
       SELECT 'seed-' || ? || '-' || ? || '-' || i, ?, ?, ?, ?, ? FROM seq`,
    ).bind(n, o.locationId, month, o.accountId, o.locationId, month, overage ? 1 : 0, at),
    env.DB.prepare(
      `INSERT INTO sms_usage (account_id, location_id, month, count, overage_count, overage_reported, updated_at) VALUES (?, ?, ?, ?, 0, 0, ?)
       ON CONFLICT (location_id, month) DO UPDATE SET count = excluded.count`,
    ).bind(o.accountId, o.locationId, month, n, at),
  ]);
}

export async function usageRow(locationId: string, month: string) {
  return env.DB.prepare("SELECT * FROM sms_usage WHERE location_id = ? AND month = ?").bind(locationId, month).first<Record<string, any>>();
}

export async function setTimezone(o: { token: string; locationId: string }, timezone: string) {
  const res = await call("PATCH", `/api/locations/${o.locationId}`, { token: o.token, body: { timezone } });
  if (res.status !== 200) throw new Error(`PATCH location: ${res.status} ${res.text}`);
}
