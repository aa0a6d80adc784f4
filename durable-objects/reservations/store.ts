// The reservation book in the DO's SQLite: tables (schema v3) and rows ↔ objects (the view sent to
// host screens is in view.ts). Only the Restaurant DO calls these, inside its own single-threaded turns.
import { DEFAULT_BOOKING_SETTINGS, type BookingSettings, type Combination, type Table } from "../../domain/reservations/model";
import { fromCells, toCells } from "../../domain/entity";
import { RESERVATION_ROW_COLUMNS, type Reservation } from "../../domain/reservations/reservation";
import type { ScheduleEntry } from "../../domain/reservations/schedule";

export const RESERVATIONS_SCHEMA_V3 = `
  CREATE TABLE reservations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT, email TEXT, party_size INTEGER NOT NULL, notes TEXT NOT NULL,
    tags TEXT NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL, table_ids TEXT NOT NULL, status TEXT NOT NULL,
    source TEXT NOT NULL, sms_consent INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL, confirmed_at INTEGER, arrived_at INTEGER, seated_at INTEGER, closed_at INTEGER,
    reminder_sent_at INTEGER, token_hash TEXT NOT NULL UNIQUE
  );
  CREATE INDEX reservations_time ON reservations (start_at, end_at);
  CREATE TABLE booking_tables (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, min_seats INTEGER NOT NULL, max_seats INTEGER NOT NULL, area TEXT NOT NULL,
    active INTEGER NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE TABLE booking_combinations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, table_ids TEXT NOT NULL, min_seats INTEGER NOT NULL, max_seats INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE reservation_outbox (reservation_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
  CREATE TABLE schedule (kind TEXT NOT NULL, ref TEXT NOT NULL, due_at INTEGER NOT NULL, PRIMARY KEY (kind, ref));
  CREATE INDEX schedule_due ON schedule (due_at);
`;

type Row = Record<string, SqlStorageValue>;

// The row's columns come from the reservation's declaration (domain/reservations/reservation.ts);
// beside them the row holds token_hash, written once at insert.
export const rowToReservation = (r: Row): Reservation => fromCells<Reservation>(RESERVATION_ROW_COLUMNS, r);
const UPDATED = RESERVATION_ROW_COLUMNS.filter((c) => c.key !== "id");
const INSERT = `INSERT INTO reservations (${RESERVATION_ROW_COLUMNS.map((c) => c.name).join(", ")}, token_hash) VALUES (${Array(RESERVATION_ROW_COLUMNS.length + 1).fill("?").join(", ")})`;
const UPDATE = `UPDATE reservations SET ${UPDATED.map((c) => `${c.name} = ?`).join(", ")} WHERE id = ?`;

export function readReservation(sql: SqlStorage, id: string): Reservation | null {
  const row = sql.exec("SELECT * FROM reservations WHERE id = ?", id).toArray()[0];
  return row ? rowToReservation(row) : null;
}

/** Reservations overlapping [from, to), any status. */
export function reservationsBetween(sql: SqlStorage, from: number, to: number): Reservation[] {
  return sql.exec("SELECT * FROM reservations WHERE start_at < ? AND end_at > ? ORDER BY start_at, id", to, from).toArray().map(rowToReservation);
}

/** Writes a reservation and queues it for D1; `tokenHash` only on insert. */
export function writeReservation(sql: SqlStorage, r: Reservation, tokenHash?: string) {
  if (tokenHash !== undefined) sql.exec(INSERT, ...toCells(RESERVATION_ROW_COLUMNS, r), tokenHash);
  else sql.exec(UPDATE, ...toCells(UPDATED, r), r.id);
  sql.exec("INSERT OR REPLACE INTO reservation_outbox (reservation_id, version) VALUES (?, ?)", r.id, r.version);
}

// The schedule table is the one alarm's (schedule.ts): the book's entries are its reminders and
// no-shows; other modules keep their own kinds in it (feedback/requests.ts, kind "feedback").
const BOOK_KINDS = "kind IN ('reminder', 'no_show')";

/** Replaces a reservation's pending schedule entries. */
export function writeSchedule(sql: SqlStorage, reservationId: string, entries: ScheduleEntry[]) {
  sql.exec(`DELETE FROM schedule WHERE ref = ? AND ${BOOK_KINDS}`, reservationId);
  for (const e of entries) sql.exec("INSERT INTO schedule (kind, ref, due_at) VALUES (?, ?, ?)", e.kind, e.reservationId, e.dueAt);
}

export function dueEntries(sql: SqlStorage, at: number): ScheduleEntry[] {
  return sql
    .exec(`SELECT kind, ref, due_at FROM schedule WHERE due_at <= ? AND ${BOOK_KINDS} ORDER BY due_at LIMIT 100`, at)
    .toArray()
    .map((r) => ({ kind: r.kind as ScheduleEntry["kind"], reservationId: r.ref as string, dueAt: r.due_at as number }));
}

/** The earliest entry of any kind: the alarm serves them all. */
export function nextScheduled(sql: SqlStorage): number | null {
  return (sql.exec("SELECT MIN(due_at) AS d FROM schedule").toArray()[0]?.d as number | null) ?? null;
}

export function readTables(sql: SqlStorage): Table[] {
  return sql
    .exec("SELECT * FROM booking_tables ORDER BY created_at, id")
    .toArray()
    .map((r) => ({ id: r.id as string, name: r.name as string, minSeats: r.min_seats as number, maxSeats: r.max_seats as number, area: r.area as string, active: r.active === 1 }));
}

export function readCombinations(sql: SqlStorage): Combination[] {
  return sql
    .exec("SELECT * FROM booking_combinations ORDER BY created_at, id")
    .toArray()
    .map((r) => ({ id: r.id as string, name: r.name as string, tableIds: JSON.parse(r.table_ids as string) as string[], minSeats: r.min_seats as number, maxSeats: r.max_seats as number }));
}

export function writeTable(sql: SqlStorage, t: Table, at: number) {
  sql.exec(
    `INSERT INTO booking_tables (id, name, min_seats, max_seats, area, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, min_seats = excluded.min_seats, max_seats = excluded.max_seats,
       area = excluded.area, active = excluded.active`,
    t.id, t.name, t.minSeats, t.maxSeats, t.area, t.active ? 1 : 0, at,
  );
}

export function writeCombination(sql: SqlStorage, c: Combination, at: number) {
  sql.exec(
    `INSERT INTO booking_combinations (id, name, table_ids, min_seats, max_seats, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, table_ids = excluded.table_ids, min_seats = excluded.min_seats, max_seats = excluded.max_seats`,
    c.id, c.name, JSON.stringify(c.tableIds), c.minSeats, c.maxSeats, at,
  );
}

export function parseBookingSettings(raw: string | null): BookingSettings {
  return raw ? { ...DEFAULT_BOOKING_SETTINGS, ...(JSON.parse(raw) as Partial<BookingSettings>) } : DEFAULT_BOOKING_SETTINGS;
}

