// Carries the DO's changed parties to D1 (storage/mirror.ts), and its queued texts to D1 and the
// outbound queue.
import type { LocationRef } from "../../domain/waitlist/protocol";
import { PARTY_MIRROR_COLUMNS } from "../../domain/waitlist/party";
import { flushMirror, mirrorOf } from "../storage/mirror";

const BATCH = 50;

// Beside the declared fields, D1 keeps the wait the line estimated at joining (insights).
const PARTIES = mirrorOf("parties", { table: "outbox", ref: "party_id" }, PARTY_MIRROR_COLUMNS, ["join_estimate_minutes"]);

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
