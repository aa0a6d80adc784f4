// Carries the DO's changed parties to D1. Rows are upserted by id and applied only when their
// version is newer, so a flush repeated after a crash or a retry changes nothing (DESIGN.md rule 2, 6).
import type { LocationRef } from "../../domain/waitlist/protocol";
import { daysBefore, refreshFloorDays, type MirroredTable } from "../insights/refresh";

const BATCH = 50;

type Row = Record<string, SqlStorageValue>;

/** A DO table mirrored to D1: its outbox (id → version), the versioned upsert and how a row binds. */
export interface Mirror {
  /** The D1 table; its insights rollups are recomputed for the days a batch touches. */
  table: MirroredTable;
  /** Selects up to ?1 rows: `o.version AS outbox_version` and the mirrored row's columns, oldest first. */
  select: string;
  /** Deletes outbox rows whose row is gone (a location reset) — nothing to carry. */
  orphans: string;
  /** Deletes one outbox entry by id (?1) up to the version flushed (?2). */
  done: string;
  /** D1 INSERT … ON CONFLICT (id) DO UPDATE … WHERE excluded.version > table.version. */
  upsert: string;
  bind: (r: Row, loc: LocationRef) => unknown[];
}

/** Flushes a mirror's outbox in batches; returns how many rows remain (0 when all are in D1). */
export async function flushMirror(sql: SqlStorage, d1: D1Database, loc: LocationRef, m: Mirror): Promise<number> {
  for (;;) {
    const rows = sql.exec(m.select, BATCH).toArray();
    if (rows.length === 0) {
      sql.exec(m.orphans);
      return 0;
    }
    const upsert = d1.prepare(m.upsert);
    const days = await daysBefore(d1, m.table, rows, loc);
    await d1.batch(rows.map((r) => upsert.bind(...m.bind(r, loc))));
    await refreshFloorDays(sql, d1, loc, days, Date.now());
    for (const r of rows) {
      // A change made while the batch was in flight has a higher version and stays queued.
      sql.exec(m.done, r.id, r.version);
    }
  }
}

const PARTIES: Mirror = {
  table: "parties",
  select: `SELECT o.version AS outbox_version, p.* FROM outbox o JOIN parties p ON p.id = o.party_id ORDER BY o.version LIMIT ?`,
  orphans: "DELETE FROM outbox WHERE party_id NOT IN (SELECT id FROM parties)",
  done: "DELETE FROM outbox WHERE party_id = ? AND version <= ?",
  upsert: `INSERT INTO parties (id, account_id, location_id, name, phone, size, notes, tags, quoted_wait, source, sms_consent,
         state, created_at, notified_at, notify_count, seated_at, closed_at, updated_at, version, join_estimate_minutes, closed_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, size = excluded.size,
         notes = excluded.notes, tags = excluded.tags, quoted_wait = excluded.quoted_wait, sms_consent = excluded.sms_consent,
         state = excluded.state, notified_at = excluded.notified_at, notify_count = excluded.notify_count,
         seated_at = excluded.seated_at, closed_at = excluded.closed_at, updated_at = excluded.updated_at, version = excluded.version,
         join_estimate_minutes = excluded.join_estimate_minutes, closed_by = excluded.closed_by
       WHERE excluded.version > parties.version`,
  bind: (r, loc) => [
    r.id, loc.accountId, loc.id, r.name, r.phone, r.size, r.notes, r.tags, r.quoted_wait, r.source, r.sms_consent,
    r.state, r.created_at, r.notified_at, r.notify_count, r.seated_at, r.closed_at, r.updated_at, r.version, r.join_estimate_minutes ?? null, r.closed_by ?? null,
  ],
};

/** Flushes the parties' outbox; returns how many rows remain (0 when all are in D1). */
export function flushOutbox(sql: SqlStorage, d1: D1Database, loc: LocationRef): Promise<number> {
  return flushMirror(sql, d1, loc, PARTIES);
}

/**
 * Carries queued texts to D1 (one `messages` row each, INSERT OR IGNORE by id) and then to the
 * outbound queue. A crash between the two sends a queue message twice at worst; the consumer claims
 * each message row once, so the guest still gets one text.
 */
export async function flushSmsOutbox(sql: SqlStorage, d1: D1Database, queue: Queue, loc: LocationRef, primary: "twilio" | "telnyx"): Promise<number> {
  for (;;) {
    const rows = sql.exec("SELECT * FROM sms_outbox ORDER BY created_at LIMIT ?", BATCH).toArray();
    if (rows.length === 0) return 0;
    const insert = d1.prepare(
      `INSERT OR IGNORE INTO messages (id, account_id, location_id, party_id, direction, kind, to_phone, body, status, attempts, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, 'outbound', ?5, ?6, ?7, 'queued', 0, ?8, ?8)`,
    );
    await d1.batch(rows.map((r) => insert.bind(r.id, loc.accountId, loc.id, r.party_id, r.kind, r.to_phone, r.body, r.created_at)));
    await queue.sendBatch(rows.map((r) => ({ body: { kind: "sms", messageId: r.id as string, primary } })));
    for (const r of rows) sql.exec("DELETE FROM sms_outbox WHERE id = ?", r.id);
  }
}
