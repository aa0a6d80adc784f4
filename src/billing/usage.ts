// SMS usage: counted per location per calendar month in the location's own time zone, so a text at
// 23:30 on the 31st in Los Angeles belongs to that month even though it is already the 1st in UTC.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { smsUsage, smsUsageEvents } from "../db/schema";
import type { Plan } from "./plans";

/** "YYYY-MM" of the instant `at` (epoch ms) on the wall clock of `timeZone` (IANA). */
export function localMonth(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(new Date(at));
  const year = parts.find((p) => p.type === "year")!.value;
  const month = parts.find((p) => p.type === "month")!.value;
  return `${year}-${month}`;
}

export type AllowanceDecision = "send" | "send_overage" | "hold";

/**
 * Whether one more text may go out when `used` have been sent this month. Replies to STOP/HELP are
 * always sent: carriers require them, and they are not the account's own messaging.
 */
export function allowanceDecision(plan: Plan, used: number, kind: string): AllowanceDecision {
  if (kind === "keyword_reply") return "send";
  if (used < plan.smsPerLocationPerMonth) return "send";
  return plan.allowOverage ? "send_overage" : "hold";
}

/** Share of the allowance used at which the owner is warned. */
export const NEAR_ALLOWANCE = 0.9;

export async function usedThisMonth(d: Db, locationId: string, month: string): Promise<number> {
  const row = await d.query.smsUsage.findFirst({ where: and(eq(smsUsage.locationId, locationId), eq(smsUsage.month, month)) });
  return row?.count ?? 0;
}

/**
 * Records one sent text. Keyed by message id, and the counters are recomputed from the events in the
 * same batch, so a redelivered queue message or a replayed call changes nothing.
 */
export async function recordSent(d: Db, e: { messageId: string; accountId: string; locationId: string; month: string; overage: boolean; at: number }) {
  const events = and(eq(smsUsageEvents.locationId, e.locationId), eq(smsUsageEvents.month, e.month));
  await d.batch([
    d
      .insert(smsUsageEvents)
      .values({ messageId: e.messageId, accountId: e.accountId, locationId: e.locationId, month: e.month, overage: e.overage, createdAt: e.at })
      .onConflictDoNothing(),
    d
      .insert(smsUsage)
      .values({ accountId: e.accountId, locationId: e.locationId, month: e.month, count: 0, updatedAt: e.at })
      .onConflictDoNothing(),
    d
      .update(smsUsage)
      .set({
        count: sql`(SELECT COUNT(*) FROM ${smsUsageEvents} WHERE ${events})`,
        overageCount: sql`(SELECT COUNT(*) FROM ${smsUsageEvents} WHERE ${events} AND ${smsUsageEvents.overage} = 1)`,
        overageReported: sql`(SELECT COUNT(*) FROM ${smsUsageEvents} WHERE ${events} AND ${smsUsageEvents.overageReportedAt} IS NOT NULL)`,
        updatedAt: e.at,
      })
      .where(and(eq(smsUsage.locationId, e.locationId), eq(smsUsage.month, e.month))),
  ]);
}

/** Overage texts of an account not yet accepted by Recurly (oldest first). */
export async function unreportedOverage(d: Db, accountId: string, limit = 50) {
  return d
    .select()
    .from(smsUsageEvents)
    .where(and(eq(smsUsageEvents.accountId, accountId), eq(smsUsageEvents.overage, true), isNull(smsUsageEvents.overageReportedAt)))
    .orderBy(smsUsageEvents.createdAt)
    .limit(limit);
}

export async function markReported(d: Db, e: { messageId: string; locationId: string; month: string }, at: number) {
  const events = and(eq(smsUsageEvents.locationId, e.locationId), eq(smsUsageEvents.month, e.month));
  await d.batch([
    d.update(smsUsageEvents).set({ overageReportedAt: at }).where(and(eq(smsUsageEvents.messageId, e.messageId), isNull(smsUsageEvents.overageReportedAt))),
    d
      .update(smsUsage)
      .set({ overageReported: sql`(SELECT COUNT(*) FROM ${smsUsageEvents} WHERE ${events} AND ${smsUsageEvents.overageReportedAt} IS NOT NULL)`, updatedAt: at })
      .where(and(eq(smsUsage.locationId, e.locationId), eq(smsUsage.month, e.month))),
  ]);
}
