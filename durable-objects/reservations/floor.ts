// The floor (issue 17): which party sits at which table (`table_occupancy`, one row per table, so
// SQLite itself refuses a second party at a taken table), seating with the host's tables or the
// suggestion, clearing, and the `tables.updated` event that carries occupancy to host screens.
// Seating and clearing go through the desk and the book (their one commit path); the occupancy
// rows are written in the same synchronous turn, so the party's change and its tables land together.
import { durationFor, type ReservationAction } from "../../domain/reservations/model";
import { checkSeat, floorTables, suggestTables, type FloorInput, type FloorTable, type Occupancy, type OccupantKind, type Suggestion } from "../../domain/tables/floor";
import { isActive, type PartyAction } from "../../domain/waitlist/model";
import type { DoResult, HostServerMessage } from "../../domain/waitlist/protocol";
import type { ReservationView } from "../../domain/reservations/reservation";
import type { RankedPartyView } from "../../domain/waitlist/protocol";
import type { Commits } from "../live/commit";
import { fail, ok } from "../results";
import { OCCUPANCY_MARK, type Meta } from "../storage/meta";
import type { WaitlistDesk } from "../waitlist/desk";
import type { Parties } from "../waitlist/parties";
import type { ReservationBook, ReservationPatch } from "./book";
import { readCombinations, readReservation, readTables, reservationsBetween } from "./store";

export const OCCUPANCY_SCHEMA_V6 = `
  CREATE TABLE table_occupancy (
    table_id TEXT PRIMARY KEY, kind TEXT NOT NULL, party_id TEXT NOT NULL, seated_at INTEGER NOT NULL
  );
  CREATE INDEX table_occupancy_party ON table_occupancy (party_id);
  ALTER TABLE parties ADD COLUMN table_ids TEXT NOT NULL DEFAULT '[]';
`;

/** How a host seats: at these tables, or at the suggestion; neither = no table (as before issue 17). */
export interface SeatChoice {
  tableIds?: string[];
  suggest?: boolean;
}

const DAY_MS = 86_400_000;

export class FloorPlan {
  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: Meta,
    private readonly changes: Commits,
    private readonly parties: Parties,
    private readonly desk: () => WaitlistDesk,
    private readonly book: () => ReservationBook,
  ) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /** Occupancy with each occupant's current name and size. */
  occupancy(): Occupancy[] {
    const out: Occupancy[] = [];
    const who = new Map<string, { name: string; partySize: number } | null>();
    for (const r of this.sql.exec("SELECT table_id, kind, party_id, seated_at FROM table_occupancy ORDER BY seated_at, table_id")) {
      const kind = r.kind as OccupantKind;
      const id = r.party_id as string;
      if (!who.has(id)) {
        if (kind === "party") {
          const p = this.parties.read(id);
          who.set(id, p ? { name: p.name, partySize: p.partySize } : null);
        } else {
          const b = readReservation(this.sql, id);
          who.set(id, b ? { name: b.name, partySize: b.partySize } : null);
        }
      }
      const w = who.get(id);
      if (w) out.push({ tableId: r.table_id as string, kind, partyId: id, name: w.name, partySize: w.partySize, seatedAt: r.seated_at as number });
    }
    return out;
  }

  input(at: number): FloorInput {
    return {
      tables: readTables(this.sql),
      combinations: readCombinations(this.sql),
      occupancy: this.occupancy(),
      reservations: reservationsBetween(this.sql, at - DAY_MS, at + DAY_MS),
      settings: this.book().settings,
    };
  }

  view(at: number): { tables: FloorTable[] } {
    return { tables: floorTables(this.input(at), at) };
  }

  suggest(partySize: number, area: string | undefined, at: number): Suggestion | null {
    return suggestTables(this.input(at), { partySize, durationMinutes: this.minutesFor(partySize), area }, at);
  }

  /** The `tables.updated` event: the tables, their combinations, occupancy and each table's status. */
  event(version: number, at: number): HostServerMessage {
    const input = this.input(at);
    return { type: "event", version, event: "tables.updated", tables: input.tables, combinations: input.combinations, occupancy: input.occupancy, floor: floorTables(input, at) };
  }

  // ---- seating ---------------------------------------------------------------------------------------

  /** Seats a waitlist party, at the tables chosen or suggested. */
  seatParty(partyId: string, choice: SeatChoice, at: number): DoResult<RankedPartyView> {
    const p = this.parties.read(partyId);
    if (!p) return fail(404, "not_found", "Party not found.");
    // A party not in line gets the desk's own answer (409 invalid_transition), tables or not.
    if (!isActive(p.status)) return this.desk().act(partyId, "seat", at);
    const tables = this.resolve(choice, p.partySize, undefined, at);
    if (!tables.ok) return tables;
    const seated = this.desk().act(partyId, "seat", at, tables.value ?? []);
    if (seated.ok && tables.value?.length) this.occupy("party", partyId, tables.value, at, at);
    return seated;
  }

  /** A waitlist action other than seat: a seated party restored to the line leaves its tables. */
  actOnParty(partyId: string, action: PartyAction, at: number): DoResult<RankedPartyView> {
    const result = this.desk().act(partyId, action, at);
    if (result.ok && action === "restore") this.release(partyId, at);
    return result;
  }

  /** A reservation action; seat takes tables (its own by default), complete frees them. */
  actOnReservation(id: string, action: ReservationAction, choice: SeatChoice, at: number): DoResult<ReservationView> {
    if (action !== "seat") {
      const result = this.book().actOn(id, action, at);
      if (result.ok && action === "complete") this.release(id, at);
      return result;
    }
    const r = readReservation(this.sql, id);
    if (!r) return fail(404, "not_found", "Reservation not found.");
    if (r.status !== "booked" && r.status !== "confirmed" && r.status !== "arrived") return this.book().actOn(id, action, at);
    const own = choice.tableIds === undefined && !choice.suggest && r.tableIds.length > 0 ? { tableIds: r.tableIds } : choice;
    const tables = this.resolve(own, r.partySize, r.id, at);
    if (!tables.ok) return tables;
    const seated = this.book().actOn(id, "seat", at, tables.value ?? undefined);
    if (seated.ok && tables.value?.length) this.occupy("reservation", id, tables.value, at, at);
    return seated;
  }

  /** A reservation change; a seated one moved to other tables moves its occupancy too. */
  updateReservation(id: string, patch: ReservationPatch, at: number): DoResult<ReservationView> {
    const r = readReservation(this.sql, id);
    const moving = r?.status === "seated" && patch.tableIds !== undefined;
    if (r && moving && patch.tableIds!.length > 0) {
      const refused = checkSeat(this.input(at), patch.tableIds!, { partySize: patch.partySize ?? r.partySize, durationMinutes: 0, exceptReservationId: id }, at);
      if (refused && refused.details[0]?.reason !== "held") return { ok: false, ...refused };
    }
    const result = this.book().update(id, patch, at);
    if (result.ok && r && moving) {
      this.sql.exec("DELETE FROM table_occupancy WHERE party_id = ?", id);
      this.occupy("reservation", id, result.value.tableIds, r.seatedAt ?? at, at);
    }
    return result;
  }

  /**
   * Clears a table: its party has left. A party at a combination leaves all of its tables; a seated
   * reservation is completed.
   */
  clear(tableId: string, at: number): DoResult<{ tables: FloorTable[] }> {
    const row = this.sql.exec("SELECT kind, party_id FROM table_occupancy WHERE table_id = ?", tableId).toArray()[0];
    if (!row) {
      const known = readTables(this.sql).find((t) => t.id === tableId);
      if (!known) return fail(404, "not_found", "Table not found.");
      return fail(409, "invalid_transition", `Table ${known.name} is already free.`);
    }
    const partyId = row.party_id as string;
    this.meta.set(OCCUPANCY_MARK, String(at));
    if (row.kind === "reservation" && readReservation(this.sql, partyId)?.status === "seated") {
      const done = this.actOnReservation(partyId, "complete", {}, at);
      if (!done.ok) return done;
    } else this.release(partyId, at);
    return ok(this.view(at));
  }

  /** Occupancy of parties and bookings that no longer exist (retention deleted them). */
  dropOrphans(at: number): void {
    const gone = this.sql
      .exec("SELECT COUNT(*) AS n FROM table_occupancy WHERE (kind = 'party' AND party_id NOT IN (SELECT id FROM parties)) OR (kind = 'reservation' AND party_id NOT IN (SELECT id FROM reservations))")
      .one().n as number;
    if (gone === 0) return;
    this.sql.exec("DELETE FROM table_occupancy WHERE (kind = 'party' AND party_id NOT IN (SELECT id FROM parties)) OR (kind = 'reservation' AND party_id NOT IN (SELECT id FROM reservations))");
    this.announce(at);
  }

  /** Whether a table has someone at it (a table in use cannot be deleted). */
  isOccupied(tableId: string): boolean {
    return this.sql.exec("SELECT 1 FROM table_occupancy WHERE table_id = ?", tableId).toArray().length > 0;
  }

  // ---- inside ------------------------------------------------------------------------------------

  private minutesFor(partySize: number): number {
    return durationFor(this.book().settings, partySize);
  }

  /** The tables a seating takes: checked, suggested, or null for none. */
  private resolve(choice: SeatChoice, partySize: number, exceptReservationId: string | undefined, at: number): DoResult<string[] | null> {
    if (choice.tableIds !== undefined && choice.tableIds.length > 0) {
      const tableIds = [...new Set(choice.tableIds)];
      const refused = checkSeat(this.input(at), tableIds, { partySize, durationMinutes: this.minutesFor(partySize), exceptReservationId }, at);
      return refused ? { ok: false, ...refused } : ok(tableIds);
    }
    if (choice.suggest) {
      const s = suggestTables(this.input(at), { partySize, durationMinutes: this.minutesFor(partySize), exceptReservationId }, at);
      if (!s) return { ok: false, status: 409, code: "table_conflict", message: `No free table seats a party of ${partySize} now.`, details: [{ path: "suggest", message: "Every table that fits is occupied or held; pick tables, or seat without a table." }] };
      return ok(s.tableIds);
    }
    return ok(null);
  }

  private occupy(kind: OccupantKind, partyId: string, tableIds: string[], seatedAt: number, at: number): void {
    // The primary key (table_id) refuses a second party at a table: checked above, enforced here.
    for (const id of tableIds) this.sql.exec("INSERT INTO table_occupancy (table_id, kind, party_id, seated_at) VALUES (?, ?, ?, ?)", id, kind, partyId, seatedAt);
    if (kind === "party") this.meta.set(OCCUPANCY_MARK, String(at));
    this.announce(at);
  }

  private release(partyId: string, at: number): void {
    const had = this.sql.exec("SELECT COUNT(*) AS n FROM table_occupancy WHERE party_id = ?", partyId).one().n as number;
    if (had === 0) return;
    this.sql.exec("DELETE FROM table_occupancy WHERE party_id = ?", partyId);
    this.announce(at);
  }

  private announce(at: number): void {
    this.changes.commit(at, () => ({ message: (v) => this.event(v, at) }));
  }
}
