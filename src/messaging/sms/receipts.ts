// Effects once for provider webhooks: each event's own key (a Twilio MessageSid and status, a Telnyx
// message id, a Recurly notification id) is inserted into webhook_receipts, whose unique index lets
// exactly one of any number of concurrent copies in. Only that copy acts; if acting fails, the
// receipt is released so the provider's retry acts instead.
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { smsPendingReports, webhookReceipts } from "../../db/schema";

/** How long receipts are kept: longer than any provider retries a webhook (Recurly: days). */
export const RECEIPT_KEEP_MS = 30 * 86_400_000;

/** Runs `act` for the first copy of the event only; later and concurrent copies get "duplicate". */
export async function onceForEvent<T>(d: Db, source: string, eventKey: string, at: number, act: () => Promise<T>): Promise<T | "duplicate"> {
  const inserted = await d.insert(webhookReceipts).values({ source, eventKey, receivedAt: at }).onConflictDoNothing().returning({ key: webhookReceipts.eventKey });
  if (inserted.length === 0) return "duplicate";
  try {
    return await act();
  } catch (err) {
    await d.delete(webhookReceipts).where(and(eq(webhookReceipts.source, source), eq(webhookReceipts.eventKey, eventKey)));
    throw err;
  }
}

/** Early reports whose send never saved an id (it failed, or was for a message we never had). */
export const PENDING_REPORT_KEEP_MS = 7 * 86_400_000;

/** Hourly: receipts past any provider's retries, and early reports nobody claimed. */
export async function purgeWebhookState(d: Db, at: number) {
  const [receipts, reports] = await d.batch([
    d.delete(webhookReceipts).where(lt(webhookReceipts.receivedAt, at - RECEIPT_KEEP_MS)),
    d.delete(smsPendingReports).where(lt(smsPendingReports.receivedAt, at - PENDING_REPORT_KEEP_MS)),
  ]);
  return { receipts: receipts.meta.changes, pendingReports: reports.meta.changes };
}
