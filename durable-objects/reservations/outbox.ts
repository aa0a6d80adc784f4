// Carries the DO's changed reservations to D1, like the parties' outbox (storage/mirror.ts).
import type { LocationRef } from "../../domain/waitlist/protocol";
import { RESERVATION_MIRROR_COLUMNS } from "../../domain/reservations/reservation";
import { flushMirror, mirrorOf } from "../storage/mirror";

const RESERVATIONS = mirrorOf("reservations", { table: "reservation_outbox", ref: "reservation_id" }, RESERVATION_MIRROR_COLUMNS);

/** Flushes the reservation outbox; returns how many rows remain (0 when all are in D1). */
export function flushReservationOutbox(sql: SqlStorage, d1: D1Database, loc: LocationRef): Promise<number> {
  return flushMirror(sql, d1, loc, RESERVATIONS);
}
