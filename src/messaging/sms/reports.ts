// Delivery reports from either provider. Statuses only move forward (a late "sent" never overwrites
// "delivered"), and no report is lost: each carries our message id in its callback URL (`?m=`), and
// one that cannot be matched yet (it came before the send saved the provider's id) is kept in
// sms_pending_reports and applied as soon as the id is saved. Both sides write first and read
// second, so whichever comes last sees the other.
import { and, eq } from "drizzle-orm";
import { db, type Db } from "../../db/client";
import { messages, smsPendingReports, type MessageStatus } from "../../db/schema";
import type { Env } from "../../env";
import type { ProviderName } from "./providers/provider";
import { countSent, smsGate } from "../../billing/sms-allowance";
import { announce } from "./announce";
import { platformSenders, recordOptOut, sendersFor } from "./senders";

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

type MessageRow = typeof messages.$inferSelect;

export interface Report {
  provider: ProviderName;
  providerMessageId: string;
  status: MessageStatus;
  errorCode: string | null;
  /** Our message id from the callback URL, when the provider called the URL we gave it. */
  messageId?: string | null;
  /** The recipient the report is about (Telnyx's callback URL is not signed: it must match). */
  to?: string | null;
}

async function findRow(d: Db, r: Report): Promise<MessageRow | undefined> {
  const byProviderId = await d.query.messages.findFirst({ where: and(eq(messages.providerMessageId, r.providerMessageId), eq(messages.provider, r.provider)) });
  if (byProviderId) return byProviderId;
  if (!r.messageId) return undefined;
  const row = await d.query.messages.findFirst({ where: eq(messages.id, r.messageId) });
  if (!row || row.direction !== "outbound") return undefined;
  if (row.providerMessageId !== null && (row.providerMessageId !== r.providerMessageId || row.provider !== r.provider)) return undefined;
  if (row.providerMessageId === null && row.provider !== null && row.provider !== r.provider && row.unconfirmedProvider !== r.provider) return undefined;
  if (r.to && r.to !== row.toPhone) return undefined;
  return row;
}

async function apply(env: Env, d: Db, row: MessageRow, r: Report, at: number): Promise<boolean> {
  if (!isForward(row.status, r.status)) {
    // Already further on (e.g. failed before the send learnt the id): still learn who has it.
    if (row.providerMessageId === null) {
      await d.update(messages).set({ provider: r.provider, providerMessageId: r.providerMessageId }).where(and(eq(messages.id, row.id), eq(messages.status, row.status)));
    }
    return false;
  }
  const [updated] = await d
    .update(messages)
    .set({
      status: r.status,
      updatedAt: at,
      provider: r.provider,
      providerMessageId: r.providerMessageId,
      unconfirmedProvider: null,
      unconfirmedAt: null,
      ...(row.sentAt === null && { sentAt: at }),
      ...(r.status === "delivered" && { deliveredAt: at }),
      ...(r.errorCode && { errorCode: `${r.provider}:${r.errorCode}`, errorMessage: `Reported by ${r.provider}.` }),
      ...(!r.errorCode && row.unconfirmedProvider && { errorCode: null, errorMessage: null }),
    })
    .where(and(eq(messages.id, row.id), eq(messages.status, row.status)))
    .returning();
  if (!updated) return false;
  // A send whose answer was lost, confirmed by this report: it was sent, so it counts (once per message).
  if (row.unconfirmedProvider && row.providerMessageId === null) {
    const gate = await smsGate(env, d, row, at);
    if (gate.send) await countSent(env, d, row, gate, at);
  }
  if (r.errorCode && OPT_OUT_CODES.has(r.errorCode)) {
    const senders = await sendersFor(d, platformSenders(env), row.accountId, row.locationId);
    await recordOptOut(d, senders.program, row.accountId, row.toPhone, `${r.provider}:${r.errorCode}`, at);
  }
  await announce(env, d, updated);
  return true;
}

/** Applies a delivery report; duplicates and out-of-order reports change nothing; early ones are kept. */
export async function applyDeliveryReport(env: Env, r: Report, at: number): Promise<"applied" | "unchanged" | "kept"> {
  const d = db(env.DB);
  let row = await findRow(d, r);
  if (!row) {
    await d
      .insert(smsPendingReports)
      .values({ provider: r.provider, providerMessageId: r.providerMessageId, status: r.status, errorCode: r.errorCode, receivedAt: at })
      .onConflictDoNothing();
    // The send may have saved the id between our look-up and the insert: look again.
    row = await findRow(d, { ...r, messageId: null });
    if (!row) return "kept";
  }
  return (await apply(env, d, row, r, at)) ? "applied" : "unchanged";
}

/** Called by the send right after it saved the provider's id: applies reports that came first. */
export async function applyPendingReports(env: Env, d: Db, provider: ProviderName, providerMessageId: string, at: number) {
  const pending = await d
    .select()
    .from(smsPendingReports)
    .where(and(eq(smsPendingReports.provider, provider), eq(smsPendingReports.providerMessageId, providerMessageId)));
  pending.sort((a, b) => RANK[a.status] - RANK[b.status]);
  for (const p of pending) {
    const row = await d.query.messages.findFirst({ where: and(eq(messages.providerMessageId, providerMessageId), eq(messages.provider, provider)) });
    if (row) await apply(env, d, row, { provider, providerMessageId, status: p.status, errorCode: p.errorCode }, at);
  }
  if (pending.length > 0) {
    await d.delete(smsPendingReports).where(and(eq(smsPendingReports.provider, provider), eq(smsPendingReports.providerMessageId, providerMessageId)));
  }
}
