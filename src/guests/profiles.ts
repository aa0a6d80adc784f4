// The guest rows (src/db/schema/guests.ts): found by phone within the account, made the first time a
// number with visits is looked up (so the host screen can tag a regular it has never tagged), or
// when staff tag a first-time guest. Answers join the visit counts (visits.ts).
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { guests } from "../db/schema";
import { afterCursor, decodeCursor, pageOf } from "../lib/cursor";
import { newId } from "../../lib/crypto";
import { visitsOf, type LastVisit, type VisitSummary } from "./visits";

export type GuestRow = typeof guests.$inferSelect;

export interface RestGuest {
  id: string;
  phone: string;
  tags: string[];
  notes: string;
  visitCount: number;
  lastVisit: (Omit<LastVisit, "visitedAt"> & { visitedAt: string }) | null;
  createdAt: string;
  updatedAt: string;
}

export function restGuest(row: GuestRow, v: VisitSummary): RestGuest {
  return {
    id: row.id,
    phone: row.phone,
    tags: row.tags,
    notes: row.notes,
    visitCount: v.visitCount,
    lastVisit: v.lastVisit ? { ...v.lastVisit, visitedAt: new Date(v.lastVisit.visitedAt).toISOString() } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

async function withVisits(db: D1Database, accountId: string, rows: GuestRow[]): Promise<RestGuest[]> {
  const visits = await visitsOf(db, accountId, rows.map((r) => r.phone));
  return rows.map((r) => restGuest(r, visits.get(r.phone)!));
}

/**
 * The account's guests with these numbers: those with a row, and those with visits (their row is
 * made now, once: the unique (account, phone) index makes a concurrent look-up a no-op). A number
 * with neither is no guest yet and is left out.
 */
export async function guestsByPhone(d: Db, db: D1Database, accountId: string, phones: string[], at: number): Promise<RestGuest[]> {
  const unique = [...new Set(phones)];
  // The numbers travel as one JSON parameter: 50 rows of 7 columns would pass D1's 100-parameter cap.
  const inList = sql`${guests.phone} IN (SELECT value FROM json_each(${JSON.stringify(unique)}))`;
  const load = () => d.select().from(guests).where(and(eq(guests.accountId, accountId), inList));
  let rows = await load();
  const visits = await visitsOf(db, accountId, unique);
  const missing = unique.filter((p) => !rows.some((r) => r.phone === p) && visits.get(p)!.visitCount > 0);
  if (missing.length > 0) {
    const made = JSON.stringify(missing.map((phone) => [newId(), phone]));
    await d.run(sql`INSERT INTO guests (id, account_id, phone, tags, notes, created_at, updated_at)
      SELECT json_extract(value, '$[0]'), ${accountId}, json_extract(value, '$[1]'), '[]', '', ${at}, ${at} FROM json_each(${made})
      WHERE true ON CONFLICT (account_id, phone) DO NOTHING`);
    rows = await load();
  }
  const byPhone = new Map(rows.map((r) => [r.phone, r]));
  return unique.flatMap((p) => {
    const r = byPhone.get(p);
    return r ? [restGuest(r, visits.get(p)!)] : [];
  });
}

/** One page of the account's guests, the most recently changed first. */
export async function listGuests(d: Db, db: D1Database, accountId: string, limit: number, cursor: string | undefined) {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await d
    .select()
    .from(guests)
    .where(and(eq(guests.accountId, accountId), afterCursor(guests.updatedAt, guests.id, after)))
    .orderBy(desc(guests.updatedAt), desc(guests.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => r.updatedAt);
  return { items: await withVisits(db, accountId, page.rows), nextCursor: page.nextCursor };
}

/** The caller's guest, or null — also for another account's id (DESIGN.md rule 3). */
export async function findGuest(d: Db, accountId: string, id: string): Promise<GuestRow | null> {
  return (await d.query.guests.findFirst({ where: and(eq(guests.id, id), eq(guests.accountId, accountId)) })) ?? null;
}

export async function oneGuest(db: D1Database, accountId: string, row: GuestRow): Promise<RestGuest> {
  return (await withVisits(db, accountId, [row]))[0]!;
}
