// Delivery: one attempt per queue message, claimed in D1 first (so a repeated queue message sends
// nothing twice), signed per Standard Webhooks, and retried with backoff for up to three days; then
// the delivery fails, the endpoint is turned off and the account's owners are emailed.
import { and, eq, lte } from "drizzle-orm";
import { db, type Db } from "../../db/client";
import { users, webhookDeliveries, webhookEndpoints } from "../../db/schema";
import type { Env, OutboundMessage } from "../../env";
import { DAY, HOUR, MINUTE, SECOND } from "../../lib/clock";
import { log } from "../../../lib/log";
import { open } from "../../lib/secret-box";
import { webhookDisabledEmail } from "../email/templates";
import { endpointUrlProblem } from "./url-policy";
import { webhookHeaders } from "./signing";

/** A delivery is retried for this long after its event, then it fails and its endpoint is turned off. */
export const RETRY_WINDOW = 3 * DAY;
/** Waits before attempts 2, 3, …; the last repeats until the window closes. */
export const DEFAULT_RETRY_DELAYS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
export const DEFAULT_TIMEOUT_MS = 15 * SECOND;
/** Characters of a receiver's answer kept in the delivery log. */
export const RESPONSE_EXCERPT = 500;
const CLAIM_TIMEOUT = 10 * MINUTE;
// Queues delay a message by at most 12 hours; the hourly sweep picks up anything longer or lost.
const MAX_QUEUE_DELAY_SECONDS = 12 * 60 * 60;

export function retryDelays(env: Pick<Env, "WEBHOOK_RETRY_DELAYS">): number[] {
  const parsed = (env.WEBHOOK_RETRY_DELAYS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => Number(s) * SECOND);
  return parsed.length > 0 && parsed.every((n) => Number.isFinite(n) && n >= 0) ? parsed : DEFAULT_RETRY_DELAYS;
}

/** The wait after failed attempt number `attempt` (1-based). */
export function delayAfter(delays: number[], attempt: number): number {
  return delays[Math.min(attempt - 1, delays.length - 1)]!;
}

export type AttemptOutcome = "succeeded" | "retry" | "failed" | "skipped";

/** Makes attempt number `attempt` of a delivery, if it is still due. */
export async function deliverWebhook(env: Env, deliveryId: string, attempt: number, at: number): Promise<AttemptOutcome> {
  const d = db(env.DB);
  // The claim: only the copy of the message that moves attempts from attempt-1 to attempt sends.
  // An attempt that dies mid-way (an isolate lost) is due again for the sweep after CLAIM_TIMEOUT.
  const [claimed] = await d
    .update(webhookDeliveries)
    .set({ attempts: attempt, lastAttemptAt: at, nextAttemptAt: at + CLAIM_TIMEOUT })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending"), eq(webhookDeliveries.attempts, attempt - 1)))
    .returning();
  if (!claimed) return "skipped";
  const endpoint = await d.query.webhookEndpoints.findFirst({ where: eq(webhookEndpoints.id, claimed.endpointId) });
  if (!endpoint || endpoint.status !== "enabled") {
    await finish(d, deliveryId, "failed", at, { lastError: "The endpoint is turned off." });
    return "failed";
  }
  const refused = endpointUrlProblem(endpoint.url, env.ENVIRONMENT);
  if (refused) {
    await finish(d, deliveryId, "failed", at, { lastError: refused });
    return "failed";
  }

  const secret = await open(env.JWT_SECRET, endpoint.secretBox);
  const headers = await webhookHeaders(secret, claimed.eventId, Math.floor(at / 1000), claimed.payload);
  const timeout = Number(env.WEBHOOK_TIMEOUT_MS) > 0 ? Number(env.WEBHOOK_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  let status: number | null = null;
  let excerpt: string | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(endpoint.url, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json", "User-Agent": "Seatline-Webhooks/1" },
      body: claimed.payload,
      // A redirect could lead anywhere, including inside a network: a 3xx is an answer, not followed.
      redirect: "manual",
      signal: AbortSignal.timeout(timeout),
    });
    status = res.status;
    excerpt = (await res.text().catch(() => "")).slice(0, RESPONSE_EXCERPT);
  } catch (err) {
    error = err instanceof Error && err.name === "TimeoutError" ? `No answer within ${timeout / 1000} s.` : `Could not connect: ${String(err).slice(0, 200)}`;
  }
  const latency = Date.now() - started;
  const result = { lastStatusCode: status, lastLatencyMs: latency, lastResponse: excerpt, lastError: error };
  if (status !== null && status >= 200 && status < 300) {
    await finish(d, deliveryId, "succeeded", at, result);
    return "succeeded";
  }
  const reason = error ?? `The receiver answered ${status}.`;
  if (at - claimed.createdAt >= RETRY_WINDOW) {
    await finish(d, deliveryId, "failed", at, { ...result, lastError: reason });
    await disableEndpoint(env, d, endpoint, reason, at);
    return "failed";
  }
  const wait = delayAfter(retryDelays(env), attempt);
  await d.update(webhookDeliveries).set({ ...result, lastError: reason, nextAttemptAt: at + wait }).where(eq(webhookDeliveries.id, deliveryId));
  if (wait <= MAX_QUEUE_DELAY_SECONDS * SECOND) {
    await env.OUTBOUND.send({ kind: "webhook", deliveryId, attempt: attempt + 1 }, { delaySeconds: Math.ceil(wait / 1000) });
  }
  return "retry";
}

async function finish(d: Db, id: string, status: "succeeded" | "failed", at: number, fields: Partial<typeof webhookDeliveries.$inferInsert>) {
  await d
    .update(webhookDeliveries)
    .set({ ...fields, status, completedAt: at, nextAttemptAt: null })
    .where(eq(webhookDeliveries.id, id));
}

async function disableEndpoint(env: Env, d: Db, endpoint: typeof webhookEndpoints.$inferSelect, reason: string, at: number) {
  const [off] = await d
    .update(webhookEndpoints)
    .set({ status: "disabled", disabledReason: `Deliveries failed for three days: ${reason}`, disabledAt: at, updatedAt: at })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.status, "enabled")))
    .returning({ id: webhookEndpoints.id });
  // Only the attempt that turned it off tells the owners.
  if (!off) return;
  log("warn", "webhook endpoint disabled", { endpointId: endpoint.id, accountId: endpoint.accountId });
  const owners = await d.select({ email: users.email }).from(users).where(and(eq(users.accountId, endpoint.accountId), eq(users.role, "owner")));
  const settingsUrl = `${env.APP_URL.replace(/\/+$/, "")}/app/settings/developer`;
  for (const o of owners) {
    await env.OUTBOUND.send({
      kind: "email",
      ref: `webhook-disabled:${endpoint.id}:${at}`,
      email: webhookDisabledEmail(o.email, { url: endpoint.url, reason, settingsUrl }),
    });
  }
}

/**
 * The hourly sweep: queues every pending delivery whose next attempt is due (waits beyond the queue's
 * 12-hour limit, and messages lost to an outage). Idempotent: the claim in deliverWebhook lets one
 * attempt through however many copies are queued.
 */
export async function queueDueDeliveries(env: Env, at: number): Promise<number> {
  const d = db(env.DB);
  const due = await d
    .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, at)))
    .limit(1000);
  const messages: { body: OutboundMessage }[] = due.map((r) => ({ body: { kind: "webhook", deliveryId: r.id, attempt: r.attempts + 1 } }));
  for (let i = 0; i < messages.length; i += 100) await env.OUTBOUND.sendBatch(messages.slice(i, i + 100));
  return due.length;
}

