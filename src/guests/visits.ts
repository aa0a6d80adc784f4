// A guest's visits, counted from the mirrored history rather than stored: a seated party, or a
// reservation the guest attended (arrived, seated or completed), at any of the account's locations.
// Retention and erasure delete those rows, so a visit that ages out stops counting with no second
// copy to forget. One statement for up to MAX_PHONES numbers (the phones travel as one JSON
// parameter, so D1's 100-parameter cap never binds), served by the (account_id, phone) indexes on
// both tables (migrations/0015_guests.sql).
import { localDate } from "../../domain/time";

/** Numbers one look-up may ask about (the host screen asks for the parties it shows). */
export const MAX_PHONES = 50;

/** Reservation statuses that mean the guest came. */
export const ATTENDED_STATUSES = ["arrived", "seated", "completed"] as const;

export interface LastVisit {
  visitedAt: number;
  /** The local date of the visit in its location's time zone. */
  date: string;
  location: { id: string; name: string; timeZone: string };
}

export interface VisitSummary {
  visitCount: number;
  lastVisit: LastVisit | null;
}

const NONE: VisitSummary = { visitCount: 0, lastVisit: null };

// SQLite returns the bare columns (location_id) of the row that holds MAX(at) in each group.
const VISITS = `
  SELECT v.phone AS phone, COUNT(*) AS visits, MAX(v.at) AS last_at, v.location_id AS location_id, l.name AS location_name, l.timezone AS time_zone
  FROM (
    SELECT phone, location_id, COALESCE(seated_at, closed_at, created_at) AS at FROM parties
      WHERE account_id = ?1 AND phone IN (SELECT value FROM json_each(?2)) AND state = 'seated'
    UNION ALL
    SELECT phone, location_id, COALESCE(seated_at, arrived_at, start_at) AS at FROM reservations
      WHERE account_id = ?1 AND phone IN (SELECT value FROM json_each(?2)) AND status IN (${ATTENDED_STATUSES.map((s) => `'${s}'`).join(", ")})
  ) v JOIN locations l ON l.id = v.location_id AND l.account_id = ?1
  GROUP BY v.phone`;

interface VisitRow {
  phone: string;
  visits: number;
  last_at: number;
  location_id: string;
  location_name: string;
  time_zone: string;
}

/** Each phone's visits within the account (phones without any map to zero visits). */
export async function visitsOf(db: D1Database, accountId: string, phones: readonly string[]): Promise<Map<string, VisitSummary>> {
  const out = new Map<string, VisitSummary>(phones.map((p) => [p, NONE]));
  if (phones.length === 0) return out;
  const { results } = await db.prepare(VISITS).bind(accountId, JSON.stringify([...new Set(phones)])).all<VisitRow>();
  for (const r of results) {
    out.set(r.phone, {
      visitCount: r.visits,
      lastVisit: { visitedAt: r.last_at, date: localDate(r.last_at, r.time_zone), location: { id: r.location_id, name: r.location_name, timeZone: r.time_zone } },
    });
  }
  return out;
}
