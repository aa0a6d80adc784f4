// Carries the DO's changed reservations to D1, like the parties' outbox: upserts by id applied only
// when the version is newer, so a repeated flush changes nothing (DESIGN.md rules 2 and 6).
import { flushMirror, type Mirror } from "../waitlist/outbox";
import type { LocationRef } from "../../domain/waitlist/protocol";

const RESERVATIONS: Mirror = {
  table: "reservations",
  select: `SELECT o.version AS outbox_version, r.* FROM reservation_outbox o JOIN reservations r ON r.id = o.reservation_id
         ORDER BY o.version LIMIT ?`,
  orphans: "DELETE FROM reservation_outbox WHERE reservation_id NOT IN (SELECT id FROM reservations)",
  done: "DELETE FROM reservation_outbox WHERE reservation_id = ? AND version <= ?",
  upsert: `INSERT INTO reservations (id, account_id, location_id, name, phone, email, party_size, notes, tags, start_at, end_at, table_ids,
         status, source, sms_consent, created_at, updated_at, confirmed_at, arrived_at, seated_at, closed_at, version)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, email = excluded.email,
         party_size = excluded.party_size, notes = excluded.notes, tags = excluded.tags, start_at = excluded.start_at,
         end_at = excluded.end_at, table_ids = excluded.table_ids, status = excluded.status, sms_consent = excluded.sms_consent,
         updated_at = excluded.updated_at, confirmed_at = excluded.confirmed_at, arrived_at = excluded.arrived_at,
         seated_at = excluded.seated_at, closed_at = excluded.closed_at, version = excluded.version
       WHERE excluded.version > reservations.version`,
  bind: (r, loc) => [
    r.id, loc.accountId, loc.id, r.name, r.phone, r.email, r.party_size, r.notes, r.tags, r.start_at, r.end_at, r.table_ids,
    r.status, r.source, r.sms_consent, r.created_at, r.updated_at, r.confirmed_at, r.arrived_at, r.seated_at, r.closed_at, r.version,
  ],
};

/** Flushes the reservation outbox; returns how many rows remain (0 when all are in D1). */
export function flushReservationOutbox(sql: SqlStorage, d1: D1Database, loc: LocationRef): Promise<number> {
  return flushMirror(sql, d1, loc, RESERVATIONS);
}
