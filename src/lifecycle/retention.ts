// Data retention, as our security page promises: customer application data is deleted 18 months
// after the account's last sign-in by default, or N days (1-540) after it was created when the
// account chose that; logs kept in D1 are deleted after 30 days. Runs from the hourly cron; each
// run is idempotent and bounded, so an interrupted sweep simply continues at the next one.
import { and, asc, eq, gt, lt, max, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { accounts, guests, locations, parties, reservations, users } from "../db/schema";
import type { Env } from "../env";
import { DAY } from "../lib/clock";
import { restaurant } from "../restaurant/client";
import { purgeRollups } from "../insights/retention";
import type { CustomerDataScope } from "../../domain/customer-data";

export const DEFAULT_RETENTION_MONTHS = 18;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 540;
export const LOG_RETENTION_DAYS = 30;

/** Rows deleted per statement; D1 statements stay small and quick. */
const CHUNK = 500;
/** Statements per table per account per run, so one sweep never runs unbounded. */
const MAX_CHUNKS = 40;
const ACCOUNTS_PER_PAGE = 100;

/** `at` moved back by whole calendar months (UTC), the day clamped to the target month's length. */
export function minusMonths(at: number, months: number): number {
  const d = new Date(at);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(
    target.getUTCFullYear(),
    target.getUTCMonth(),
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/** A cutoff after every possible creation time: all of the account's customer data. */
export const ALL = Number.MAX_SAFE_INTEGER;

/**
 * What the policy deletes now: customer data created before the returned time, or null for nothing.
 * Default policy: everything (ALL), once the last sign-in is 18 months old or more.
 */
export function retentionCutoff(retentionDays: number | null, lastActivity: number, at: number): number | null {
  if (retentionDays !== null) return at - retentionDays * DAY;
  return lastActivity <= minusMonths(at, DEFAULT_RETENTION_MONTHS) ? ALL : null;
}

/** Deletes matching rows in chunks of CHUNK by rowid; returns the number deleted. */
async function deleteInChunks(d: Db, table: "parties" | "reservations" | "audit_log" | "dev_outbox" | "messages" | "webhook_deliveries" | "guests", where: ReturnType<typeof sql>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const res = await d.run(
      sql`DELETE FROM ${sql.identifier(table)} WHERE rowid IN (SELECT rowid FROM ${sql.identifier(table)} WHERE ${where} LIMIT ${CHUNK})`,
    );
    const changes = res.meta.changes ?? 0;
    total += changes;
    if (changes < CHUNK) break;
  }
  return total;
}

export interface SweepResult {
  accountsPurged: number;
  partiesDeleted: number;
  reservationsDeleted: number;
  logsDeleted: number;
}

export interface PurgeResult {
  parties: number;
  reservations: number;
  /** Texts to or from the number (an erasure only). */
  messages: number;
  /** Guest history rows (tags and notes): the erased guest, or guests with nothing left in the window. */
  guests: number;
}

/**
 * Deletes one account's customer data in `scope`: every location's DO first, then D1. Two scopes
 * share this one path: the retention policy (created before an instant) and a guest's erasure on a
 * data-subject request (everything that holds their phone, issue 22). The SMS opt-out ledgers keep
 * the number: forgetting a STOP would text someone who asked not to be.
 */
export async function purgeAccountData(env: Env, d: Db, accountId: string, scope: CustomerDataScope): Promise<PurgeResult> {
  const locs = await d.select().from(locations).where(eq(locations.accountId, accountId));
  // The DOs first: their outboxes would otherwise carry purged parties back into D1.
  for (const loc of locs) {
    const stub = restaurant(env, loc);
    await stub.purgeCustomerData(scope);
  }
  const rows = scope.kind === "phone" ? sql`account_id = ${accountId} AND phone = ${scope.phone}` : sql`account_id = ${accountId} AND created_at < ${scope.before}`;
  const deleted: PurgeResult = {
    parties: await deleteInChunks(d, "parties", rows),
    reservations: await deleteInChunks(d, "reservations", rows),
    messages: 0,
    guests: 0,
  };
  if (scope.kind === "phone") {
    deleted.messages = await deleteInChunks(d, "messages", sql`account_id = ${accountId} AND (to_phone = ${scope.phone} OR from_phone = ${scope.phone})`);
    // Delivery records keep each webhook's payload, which carries the party or booking as sent.
    await deleteInChunks(d, "webhook_deliveries", sql`account_id = ${accountId} AND instr(payload, ${JSON.stringify(scope.phone)}) > 0`);
    deleted.guests = await deleteInChunks(d, "guests", rows);
    return deleted;
  }
  // A guest's tags and notes go once neither they nor any visit is inside the window.
  deleted.guests = await deleteInChunks(
    d,
    "guests",
    sql`account_id = ${accountId} AND updated_at < ${scope.before}
      AND NOT EXISTS (SELECT 1 FROM parties p WHERE p.account_id = guests.account_id AND p.phone = guests.phone)
      AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.account_id = guests.account_id AND r.phone = guests.phone)`,
  );
  // Insights rollups go with the rows they summarize (src/insights/retention.ts).
  await purgeRollups(env, d, accountId, scope.before, scope.before === ALL, Date.now());
  return deleted;
}

export async function retentionSweep(env: Env, d: Db, at: number): Promise<SweepResult> {
  const result: SweepResult = { accountsPurged: 0, partiesDeleted: 0, reservationsDeleted: 0, logsDeleted: 0 };
  let cursor = "";
  for (;;) {
    const page = await d
      .select({
        id: accounts.id,
        createdAt: accounts.createdAt,
        retentionDays: accounts.retentionDays,
        lastLogin: max(users.lastLoginAt),
      })
      .from(accounts)
      .leftJoin(users, eq(users.accountId, accounts.id))
      .where(gt(accounts.id, cursor))
      .groupBy(accounts.id)
      .orderBy(asc(accounts.id))
      .limit(ACCOUNTS_PER_PAGE);
    for (const a of page) {
      const lastActivity = Math.max(a.createdAt, a.lastLogin ?? 0);
      const before = retentionCutoff(a.retentionDays, lastActivity, at);
      if (before === null) continue;
      // Skip the DO round trips when D1 holds nothing in scope and the policy is the inactivity one
      // (an inactive account's DOs were purged by the sweep that first found it inactive).
      const inScope = [
        ...(await d.select({ id: parties.id }).from(parties).where(and(eq(parties.accountId, a.id), lt(parties.createdAt, before))).limit(1)),
        ...(await d.select({ id: reservations.id }).from(reservations).where(and(eq(reservations.accountId, a.id), lt(reservations.createdAt, before))).limit(1)),
        ...(await d.select({ id: guests.id }).from(guests).where(and(eq(guests.accountId, a.id), lt(guests.updatedAt, before))).limit(1)),
      ];
      const deleted = inScope.length > 0 || a.retentionDays !== null ? await purgeAccountData(env, d, a.id, { kind: "created_before", before }) : null;
      if (!deleted) continue;
      if (deleted.parties + deleted.reservations > 0) result.accountsPurged += 1;
      result.partiesDeleted += deleted.parties;
      result.reservationsDeleted += deleted.reservations;
    }
    if (page.length < ACCOUNTS_PER_PAGE) break;
    cursor = page.at(-1)!.id;
  }
  const logCutoff = at - LOG_RETENTION_DAYS * DAY;
  result.logsDeleted += await deleteInChunks(d, "audit_log", sql`created_at < ${logCutoff}`);
  result.logsDeleted += await deleteInChunks(d, "dev_outbox", sql`created_at < ${logCutoff}`);
  return result;
}

