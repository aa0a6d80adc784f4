// Keeps a location's floor rollups (domain/insights) in step with its D1 mirror: after each mirror
// batch, every local day the batch touched — where its rows were before and where they are now — is
// recomputed whole from D1, with the day's services from this DO's booking book. Recomputing rather
// than incrementing is what makes a replayed outbox batch change no figure.
import { serviceWindows } from "../../domain/insights/capacity";
import { floorRollupOfDay, type BookingFact, type PartyFact } from "../../domain/insights/compute";
import { localDayBounds, localSlot } from "../../domain/insights/local-time";
import { writeDays } from "../../domain/insights/store";
import type { FloorRollup } from "../../domain/insights/rollup";
import { parseBookingSettings, readTables } from "../reservations/store";
import type { LocationRef } from "../../domain/waitlist/protocol";

export type MirroredTable = "parties" | "reservations";

type Row = Record<string, SqlStorageValue>;

const INSTANTS: Record<MirroredTable, string[]> = {
  parties: ["created_at", "seated_at"],
  reservations: ["start_at", "seated_at"],
};

function datesOf(rows: Record<string, unknown>[], table: MirroredTable, timeZone: string, into: Set<string>) {
  for (const r of rows) for (const c of INSTANTS[table]) if (typeof r[c] === "number") into.add(localSlot(r[c] as number, timeZone).date);
}

/** The local days a batch is about to change: where its rows are in D1 now and where they will be. Call before the upsert. */
export async function daysBefore(d1: D1Database, table: MirroredTable, rows: Row[], loc: LocationRef): Promise<Set<string>> {
  const out = new Set<string>();
  datesOf(rows, table, loc.timezone, out);
  const ids = rows.map((r) => r.id as string);
  const old = await d1
    .prepare(`SELECT ${INSTANTS[table].join(", ")} FROM ${table} WHERE location_id = ? AND id IN (${ids.map(() => "?").join(", ")})`)
    .bind(loc.id, ...ids)
    .all<Record<string, unknown>>();
  datesOf(old.results, table, loc.timezone, out);
  return out;
}

/** Recomputes the floor rollups of these local days (and their months) from the D1 mirror. */
export async function refreshFloorDays(sql: SqlStorage, d1: D1Database, loc: LocationRef, dates: Iterable<string>, at: number): Promise<void> {
  const settings = parseBookingSettings((sql.exec("SELECT value FROM meta WHERE key = 'booking'").toArray()[0]?.value as string | undefined) ?? null);
  const tables = readTables(sql);
  const out = new Map<string, FloorRollup>();
  for (const date of dates) {
    const [start, end] = localDayBounds(date, loc.timezone);
    const parties = await d1
      .prepare(
        `SELECT size, source, state, created_at, seated_at, closed_at, quoted_wait, join_estimate_minutes FROM parties
         WHERE location_id = ?1 AND ((created_at >= ?2 AND created_at < ?3) OR (seated_at >= ?2 AND seated_at < ?3))`,
      )
      .bind(loc.id, start, end)
      .all<Record<string, number | string | null>>();
    const bookings = await d1
      .prepare(
        `SELECT party_size, source, status, start_at, seated_at FROM reservations
         WHERE location_id = ?1 AND ((start_at >= ?2 AND start_at < ?3) OR (seated_at >= ?2 AND seated_at < ?3))`,
      )
      .bind(loc.id, start, end)
      .all<Record<string, number | string | null>>();
    const partyFacts: PartyFact[] = parties.results.map((p) => ({
      partySize: p.size as number,
      source: p.source as string,
      status: p.state as string,
      createdAt: p.created_at as number,
      seatedAt: p.seated_at as number | null,
      closedAt: p.closed_at as number | null,
      quotedWaitMinutes: p.quoted_wait as number,
      estimatedWaitMinutes: p.join_estimate_minutes as number | null,
    }));
    const bookingFacts: BookingFact[] = bookings.results.map((b) => ({
      partySize: b.party_size as number,
      source: b.source as string,
      status: b.status as string,
      startsAt: b.start_at as number,
      seatedAt: b.seated_at as number | null,
    }));
    out.set(date, floorRollupOfDay(date, loc.timezone, partyFacts, bookingFacts, serviceWindows(date, settings, tables)));
  }
  await writeDays(d1, { accountId: loc.accountId, locationId: loc.id }, "floor", out, at);
}
