// Walk-in estimates with the book in mind: a table held for a booking that starts within the next
// dining duration cannot take a walk-in now, so the tables that can turn for a size band are fewer
// and the minutes between seatings for that band stretch in proportion.
import type { SizeBand } from "../waitlist/model";
import type { Reservation, Table } from "./model";

/** The party size a band's estimate is judged by (its largest member; 8 for "7+"). */
export const BAND_SIZE: Record<SizeBand, number> = { "1-2": 2, "3-4": 4, "5-6": 6, "7+": 8 };

/**
 * How much longer walk-ins of `band` wait because of upcoming bookings: N / (N − H), where N is the
 * active tables that seat the band and H those among them held by a booking (not yet seated) that
 * starts before a walk-in seated now would leave. 1 when no table is held; N when all are.
 */
export function heldTableFactor(
  tables: Table[],
  reservations: Pick<Reservation, "start" | "end" | "tableIds" | "status">[],
  band: SizeBand,
  at: number,
  durationMs: (size: number) => number,
): number {
  const size = BAND_SIZE[band];
  const fitting = tables.filter((t) => t.active && t.minSeats <= size && size <= t.maxSeats);
  if (fitting.length === 0) return 1;
  const horizon = at + durationMs(size);
  const held = new Set(
    reservations
      .filter((r) => (r.status === "booked" || r.status === "confirmed" || r.status === "arrived") && r.start < horizon && r.end > at)
      .flatMap((r) => r.tableIds),
  );
  const h = fitting.filter((t) => held.has(t.id)).length;
  if (h === 0) return 1;
  return fitting.length / Math.max(1, fitting.length - h);
}
