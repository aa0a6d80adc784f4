// The floor's pure rules (issue 17): who sits at which table, what each table's status is now, the
// best free table or combination for a party, and whether a host's choice of tables can be seated.
// The DO stores occupancy (one row per table, so a table can never hold two parties) and calls these.
import { candidatesFor, conflictingTable, type Hold } from "../reservations/availability";
import { durationFor, isHolding, type BookingSettings, type Combination, type Table } from "../reservations/model";

const MINUTE = 60_000;

/** Who is at a table: a waitlist party or a reservation. */
export type OccupantKind = "party" | "reservation";

/** One table taken by one party (a party at a combination has one of these per table). */
export interface Occupancy {
  tableId: string;
  kind: OccupantKind;
  /** The party's or the reservation's id. */
  partyId: string;
  name: string;
  partySize: number;
  /** Epoch ms. */
  seatedAt: number;
}

export const TABLE_STATUSES = ["free", "seated", "held", "inactive"] as const;
export type TableStatus = (typeof TABLE_STATUSES)[number];

/** A booking that holds tables, as the floor sees it. */
export type FloorHold = Hold & { name: string; partySize: number };

/** One table as host screens see it (epoch ms). */
export interface FloorTable {
  id: string;
  name: string;
  area: string;
  minSeats: number;
  maxSeats: number;
  active: boolean;
  status: TableStatus;
  /** Who sits there; null when nobody does. */
  party: { kind: OccupantKind; id: string; name: string; partySize: number; seatedAt: number; expectedEndAt: number; tableIds: string[] } | null;
  /** The next booking holding this table (now or later), or null. */
  nextHold: { reservationId: string; name: string; partySize: number; startAt: number } | null;
}

export interface FloorInput {
  tables: Table[];
  combinations: Combination[];
  occupancy: Occupancy[];
  /** Reservations overlapping now and later (any status; only holding ones count). */
  reservations: FloorHold[];
  settings: Pick<BookingSettings, "durations">;
}

/** A table is held when a booking on it starts before a party of its size seated now would leave. */
function holdWindowMinutes(settings: Pick<BookingSettings, "durations">, table: Table): number {
  return durationFor(settings, table.maxSeats);
}

/** Holding bookings that are not yet seated (a seated one is an occupant, not a hold). */
function pendingHolds(reservations: FloorHold[]): FloorHold[] {
  return reservations.filter((r) => isHolding(r.status) && r.status !== "seated");
}

export function floorTables(input: FloorInput, now: number): FloorTable[] {
  const byTable = new Map(input.occupancy.map((o) => [o.tableId, o]));
  const tablesOf = new Map<string, string[]>();
  for (const o of input.occupancy) (tablesOf.get(o.partyId) ?? tablesOf.set(o.partyId, []).get(o.partyId)!).push(o.tableId);
  const holds = pendingHolds(input.reservations).filter((r) => r.end > now).sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  return input.tables.map((t) => {
    const o = byTable.get(t.id);
    const next = holds.find((r) => r.tableIds.includes(t.id));
    const held = next !== undefined && next.start < now + holdWindowMinutes(input.settings, t) * MINUTE;
    const status: TableStatus = o ? "seated" : !t.active ? "inactive" : held ? "held" : "free";
    return {
      id: t.id,
      name: t.name,
      area: t.area,
      minSeats: t.minSeats,
      maxSeats: t.maxSeats,
      active: t.active,
      status,
      party: o
        ? { kind: o.kind, id: o.partyId, name: o.name, partySize: o.partySize, seatedAt: o.seatedAt, expectedEndAt: o.seatedAt + durationFor(input.settings, o.partySize) * MINUTE, tableIds: tablesOf.get(o.partyId) ?? [t.id] }
        : null,
      nextHold: next ? { reservationId: next.id, name: next.name, partySize: next.partySize, startAt: next.start } : null,
    };
  });
}

export interface Suggestion {
  tableIds: string[];
  /** The table's or the combination's name. */
  name: string;
  seats: number;
  combination: boolean;
}

export interface SeatRequest {
  partySize: number;
  /** Dining minutes the party is expected to stay (from the booking settings' durations). */
  durationMinutes: number;
  /** The reservation being seated: its own hold does not count against it. */
  exceptReservationId?: string;
  /** Tables in this area come first when one fits. */
  area?: string;
}

/**
 * The best free table or combination: fits the size (its min and max seats), none of its tables
 * occupied or held by a booking starting within the dining duration, the preferred area first,
 * then the smallest waste (seats − size), single tables before combinations, then by name.
 */
export function suggestTables(input: FloorInput, req: SeatRequest, now: number): Suggestion | null {
  const occupied = new Set(input.occupancy.map((o) => o.tableId));
  const areaOf = new Map(input.tables.map((t) => [t.id, t.area]));
  const end = now + req.durationMinutes * MINUTE;
  const holds = pendingHolds(input.reservations);
  const free = candidatesFor(input.tables, input.combinations, req.partySize).filter(
    (c) => !c.tableIds.some((id) => occupied.has(id)) && conflictingTable(holds, c.tableIds, now, end, req.exceptReservationId) === null,
  );
  const inArea = (ids: string[]) => req.area !== undefined && req.area !== "" && ids.every((id) => areaOf.get(id) === req.area);
  const best = free.sort(
    (a, b) => Number(inArea(b.tableIds)) - Number(inArea(a.tableIds)) || a.maxSeats - b.maxSeats || Number(a.combination) - Number(b.combination) || a.name.localeCompare(b.name),
  )[0];
  return best ? { tableIds: best.tableIds, name: best.name, seats: best.maxSeats, combination: best.combination } : null;
}

export type SeatRefusal = {
  status: 404 | 409;
  code: "not_found" | "table_conflict";
  message: string;
  details: { path: string; tableId: string; reason: "unknown" | "occupied" | "inactive" | "too_small" | "held"; message: string }[];
};

/**
 * Why the host's tables cannot take this party now, or null when they can: every table known
 * (else 404), active, free, not held by another booking within the dining duration, and together
 * seating at least the party's size.
 */
export function checkSeat(input: FloorInput, tableIds: string[], req: SeatRequest, now: number): SeatRefusal | null {
  const tables = new Map(input.tables.map((t) => [t.id, t]));
  const unknown = tableIds.find((id) => !tables.has(id));
  if (unknown) return { status: 404, code: "not_found", message: "Table not found.", details: [{ path: "tableIds", tableId: unknown, reason: "unknown", message: "No such table here." }] };
  const refuse = (tableId: string, reason: SeatRefusal["details"][number]["reason"], message: string): SeatRefusal => ({
    status: 409,
    code: "table_conflict",
    message,
    details: [{ path: "tableIds", tableId, reason, message }],
  });
  const occupied = new Map(input.occupancy.map((o) => [o.tableId, o]));
  for (const id of tableIds) {
    const t = tables.get(id)!;
    const o = occupied.get(id);
    if (o && !(o.partyId === req.exceptReservationId)) return refuse(id, "occupied", `Table ${t.name} is occupied by ${o.name}; clear it first.`);
    if (!t.active) return refuse(id, "inactive", `Table ${t.name} is inactive.`);
  }
  const seats = tableIds.reduce((s, id) => s + tables.get(id)!.maxSeats, 0);
  if (seats < req.partySize) {
    const names = tableIds.map((id) => tables.get(id)!.name).join(" + ");
    return refuse(tableIds[0]!, "too_small", `Table ${names} seats ${seats}, fewer than the party of ${req.partySize}.`);
  }
  const holds = pendingHolds(input.reservations);
  const held = conflictingTable(holds, tableIds, now, now + req.durationMinutes * MINUTE, req.exceptReservationId);
  if (held) {
    const r = holds.find((h) => h.id !== req.exceptReservationId && h.tableIds.includes(held) && h.start < now + req.durationMinutes * MINUTE && h.end > now)!;
    return refuse(held, "held", `Table ${tables.get(held)!.name} is held for ${r.name}'s booking.`);
  }
  return null;
}
