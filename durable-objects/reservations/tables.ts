// Tables and combinations of the reservation book (`booking_tables`, `booking_combinations`):
// checked, written, and announced to host screens after each change.
import { isHolding, type Combination, type Table } from "../../domain/reservations/model";
import type { DoResult, HostServerMessage } from "../../domain/waitlist/protocol";
import type { Commits } from "../live/commit";
import { fail, ok } from "../results";
import { stripUndefined } from "../sms/texts";
import { readCombinations, readTables, reservationsBetween, writeCombination, writeTable } from "./store";

export interface Floor {
  tables: Table[];
  combinations: Combination[];
}

export type TablePatch = Partial<Omit<Table, "id">> & { tableIds?: string[] };

const SEATS = "minSeats cannot be more than maxSeats.";

export class Tables {
  constructor(
    private readonly sql: SqlStorage,
    private readonly changes: Commits,
    /** The `tables.updated` event with occupancy (reservations/floor.ts), and whether a table is in use. */
    private readonly floor: { event: (version: number, at: number) => HostServerMessage; isOccupied: (tableId: string) => boolean },
  ) {}

  list(): Floor {
    return { tables: readTables(this.sql), combinations: readCombinations(this.sql) };
  }

  create(input: Omit<Table, "id">, at: number): DoResult<{ table: Table } & Floor> {
    if (input.minSeats > input.maxSeats) return fail(400, "validation_failed", SEATS);
    const table: Table = { id: crypto.randomUUID(), ...input };
    writeTable(this.sql, table, at);
    return ok({ table, ...this.changed(at) });
  }

  createCombination(input: Omit<Combination, "id">, at: number): DoResult<{ combination: Combination } & Floor> {
    const unknown = this.unknownTable(input.tableIds);
    if (unknown) return fail(400, "validation_failed", `Unknown table: ${unknown}.`);
    if (input.minSeats > input.maxSeats) return fail(400, "validation_failed", SEATS);
    const combination: Combination = { id: crypto.randomUUID(), ...input, tableIds: [...new Set(input.tableIds)] };
    writeCombination(this.sql, combination, at);
    return ok({ combination, ...this.changed(at) });
  }

  update(id: string, patch: TablePatch, at: number): DoResult<{ table?: Table; combination?: Combination } & Floor> {
    const table = readTables(this.sql).find((t) => t.id === id);
    if (table) {
      const { tableIds: _ignored, ...fields } = patch;
      const next: Table = { ...table, ...stripUndefined(fields) };
      if (next.minSeats > next.maxSeats) return fail(400, "validation_failed", SEATS);
      writeTable(this.sql, next, at);
      return ok({ table: next, ...this.changed(at) });
    }
    const combo = readCombinations(this.sql).find((c) => c.id === id);
    if (!combo) return fail(404, "not_found", "Table not found.");
    const next: Combination = {
      ...combo,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.minSeats !== undefined && { minSeats: patch.minSeats }),
      ...(patch.maxSeats !== undefined && { maxSeats: patch.maxSeats }),
      ...(patch.tableIds !== undefined && { tableIds: [...new Set(patch.tableIds)] }),
    };
    const unknown = this.unknownTable(next.tableIds);
    if (unknown) return fail(400, "validation_failed", `Unknown table: ${unknown}.`);
    if (next.minSeats > next.maxSeats) return fail(400, "validation_failed", SEATS);
    writeCombination(this.sql, next, at);
    return ok({ combination: next, ...this.changed(at) });
  }

  delete(id: string, at: number): DoResult<Floor> {
    const isTable = readTables(this.sql).some((t) => t.id === id);
    const isCombo = readCombinations(this.sql).some((c) => c.id === id);
    if (!isTable && !isCombo) return fail(404, "not_found", "Table not found.");
    if (isTable) {
      if (this.floor.isOccupied(id)) return fail(409, "conflict", "A party is seated at this table; clear it first.");
      const booked = reservationsBetween(this.sql, at, Number.MAX_SAFE_INTEGER).some((r) => isHolding(r.status) && r.tableIds.includes(id));
      if (booked) return fail(409, "conflict", "This table has upcoming reservations; move them first, or set the table inactive.");
      this.sql.exec("DELETE FROM booking_tables WHERE id = ?", id);
      // A combination without one of its tables cannot be seated any more.
      for (const c of readCombinations(this.sql)) if (c.tableIds.includes(id)) this.sql.exec("DELETE FROM booking_combinations WHERE id = ?", c.id);
    } else {
      this.sql.exec("DELETE FROM booking_combinations WHERE id = ?", id);
    }
    return ok(this.changed(at));
  }

  private unknownTable(ids: string[]): string | undefined {
    const known = new Set(readTables(this.sql).map((t) => t.id));
    return ids.find((id) => !known.has(id));
  }

  private changed(at: number): Floor {
    const floor = this.list();
    this.changes.commit(at, () => ({ message: (v) => this.floor.event(v, at) }));
    return floor;
  }
}
