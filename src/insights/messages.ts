// Message rollups (domain/insights) kept fresh from D1 `messages` by the Worker, which alone sees
// every change to a text (the DO's outbox, the queue consumer, provider callbacks, inbound replies).
// A day's texts keep changing until their delivery receipts are in, so a day is refreshed on read
// until it has been computed once RECEIPT_WINDOW after its end; after that its rollup is final.
import { messageRollupOfDay, type MessageFact } from "../../domain/insights/compute";
import { addDays, localDayBounds } from "../../domain/insights/local-time";
import type { MessageRollup } from "../../domain/insights/rollup";
import { lastOfMonth, planRange, writeDays, type StoredRow } from "../../domain/insights/store";
import { classifyInbound } from "../messaging/sms/keywords";
import { segmentInfo } from "../../domain/sms/segments";

export const RECEIPT_WINDOW_MS = 3 * 24 * 3_600_000;
/** A day still settling is recomputed at most this often: message figures are at most a minute old. */
export const REFRESH_EVERY_MS = 60_000;

export interface MessageScope {
  accountId: string;
  locationId: string;
  timeZone: string;
  primaryProvider: string;
}

/** Recomputes the message rollups of these local days (and their months) from D1. */
export async function refreshMessageDays(d1: D1Database, scope: MessageScope, dates: string[], at: number): Promise<void> {
  if (dates.length === 0) return;
  const sorted = [...dates].sort();
  const start = localDayBounds(sorted[0]!, scope.timeZone)[0];
  const end = localDayBounds(sorted.at(-1)!, scope.timeZone)[1];
  const rows = await d1
    .prepare(
      `SELECT direction, status, provider, error_code, body, created_at, sent_at FROM messages
       WHERE account_id = ? AND location_id = ? AND created_at >= ? AND created_at < ?`,
    )
    .bind(scope.accountId, scope.locationId, start, end)
    .all<{ direction: "outbound" | "inbound"; status: string; provider: string | null; error_code: string | null; body: string; created_at: number; sent_at: number | null }>();
  const facts: MessageFact[] = rows.results.map((m) => ({
    direction: m.direction,
    status: m.status,
    provider: m.provider,
    errorCode: m.error_code,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    segments: m.direction === "outbound" ? segmentInfo(m.body).segments : 0,
    failover: m.provider !== null && (m.provider === "twilio" || m.provider === "telnyx") && m.provider !== scope.primaryProvider,
    optOut: m.direction === "inbound" && classifyInbound(m.body) === "opt_out",
  }));
  const out = new Map<string, MessageRollup>();
  for (const date of sorted) out.set(date, messageRollupOfDay(date, scope.timeZone, facts));
  await writeDays(d1, { accountId: scope.accountId, locationId: scope.locationId }, "messages", out, at);
}

/**
 * The days of [from, to] whose message rollups may still change (or were never computed) and were
 * not recomputed in the last minute, given the rows read for the range. Days after `today` have no
 * texts yet and are skipped.
 */
export function staleMessageDays(rows: StoredRow[], locationId: string, from: string, to: string, today: string, timeZone: string, at: number): string[] {
  const plan = planRange(from, to);
  const mine = rows.filter((r) => r.locationId === locationId);
  const settled = (lastDate: string, computedAt: number | null) =>
    computedAt !== null && (computedAt >= localDayBounds(lastDate, timeZone)[1] + RECEIPT_WINDOW_MS || at - computedAt < REFRESH_EVERY_MS);
  const stale: string[] = [];
  const consider = (date: string) => {
    if (date > today) return;
    const row = mine.find((r) => r.period === "day" && r.key === date);
    if (!settled(date, row?.messagesComputedAt ?? null)) stale.push(date);
  };
  for (const month of plan.months) {
    const row = mine.find((r) => r.period === "month" && r.key === month);
    if (row && settled(lastOfMonth(month), row.messagesComputedAt)) continue;
    for (let d = `${month}-01`; d <= lastOfMonth(month); d = addDays(d, 1)) consider(d);
  }
  for (const d of plan.days) consider(d);
  return stale;
}
