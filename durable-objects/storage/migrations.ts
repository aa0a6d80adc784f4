// The DO's SQLite schema, migrated in order under a version row in `meta`. Each module owns its
// tables (named beside each step); the DDL is here so one place says what a DO holds.
import { RESERVATIONS_SCHEMA_V3 } from "../reservations/store";
import { GUEST_LANGUAGES_SCHEMA } from "../guest-languages";
import { OCCUPANCY_SCHEMA_V6 } from "../reservations/floor";
import { WEBHOOK_OUTBOX_SCHEMA } from "../webhooks/outbox";
import { FEEDBACK_SCHEMA } from "../feedback/requests";

export const SCHEMA_VERSION = 7;

export function migrate(sql: SqlStorage): void {
  sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  const row = sql.exec("SELECT value FROM meta WHERE key = 'schema_version'").toArray()[0];
  const current = row ? Number(row.value) : 0;
  if (current < 1) {
    // parties + outbox: waitlist/parties.ts; events: live/hub.ts; seatings: waitlist/estimates.ts;
    // idempotency: idempotency.ts; tickets: live/tickets.ts.
    sql.exec(`
      CREATE TABLE parties (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT, size INTEGER NOT NULL, notes TEXT NOT NULL,
        tags TEXT NOT NULL, quoted_wait INTEGER NOT NULL, source TEXT NOT NULL, sms_consent INTEGER NOT NULL,
        state TEXT NOT NULL, restore_state TEXT, rank REAL NOT NULL, created_at INTEGER NOT NULL,
        notified_at INTEGER, notify_count INTEGER NOT NULL, seated_at INTEGER, closed_at INTEGER,
        updated_at INTEGER NOT NULL, version INTEGER NOT NULL, token_hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX parties_state ON parties (state, closed_at);
      CREATE TABLE events (version INTEGER PRIMARY KEY, message TEXT NOT NULL);
      CREATE TABLE outbox (party_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
      CREATE TABLE seatings (at INTEGER NOT NULL, band TEXT NOT NULL, weekday INTEGER NOT NULL, hour INTEGER NOT NULL);
      CREATE INDEX seatings_at ON seatings (at);
      CREATE TABLE idempotency (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, response TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE tickets (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
    `);
  }
  if (current < 2) {
    // sms_outbox: sms/texts.ts.
    sql.exec(`
      ALTER TABLE parties ADD COLUMN almost_up_at INTEGER;
      ALTER TABLE parties ADD COLUMN on_my_way_at INTEGER;
      CREATE TABLE sms_outbox (id TEXT PRIMARY KEY, party_id TEXT, kind TEXT NOT NULL, to_phone TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
    `);
  }
  // The reservation book (reservations/store.ts).
  if (current < 3) sql.exec(RESERVATIONS_SCHEMA_V3);
  // Closed parties are found by closed_at alone (restorable parties, the purge): parties_state leads
  // with state and cannot serve those range scans.
  if (current < 4) sql.exec("CREATE INDEX IF NOT EXISTS parties_closed_at ON parties (closed_at)");
  // Insights: the wait the line estimated when a party joined (waitlist/parties.ts), for estimate accuracy.
  if (current < 5) sql.exec("ALTER TABLE parties ADD COLUMN join_estimate_minutes INTEGER");
  // The floor (issue 17): who sits at which table (reservations/floor.ts), and a seated party's tables.
  if (current < 6) sql.exec(OCCUPANCY_SCHEMA_V6);
  // Who closed a party (staff, guest, the hold timer) and when the hold timer last did (waitlist/parties.ts).
  if (current < 7) sql.exec("ALTER TABLE parties ADD COLUMN closed_by TEXT; ALTER TABLE parties ADD COLUMN auto_no_show_at INTEGER");
  // Each guest's chosen language (guest-languages.ts): its own table, created where missing.
  sql.exec(GUEST_LANGUAGES_SCHEMA);
  // Events waiting for the queue (webhooks/outbox.ts): its own table, created where missing.
  sql.exec(WEBHOOK_OUTBOX_SCHEMA);
  // Feedback after the meal (feedback/requests.ts, issue 22): its own table, created where missing.
  sql.exec(FEEDBACK_SCHEMA);
  sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", String(SCHEMA_VERSION));
}
