// The floor as the estimator sees it: for every active table, when it is expected to be free and
// how uncertain that is, plus the bookings that will claim it. Built once per change, O(T + S + B)
// for T tables, S seated parties and B holding bookings (plus sorting them).
import { remaining } from "./lognormal";
import type { EstimateModel, FloorState } from "./types";

export interface TableSlot {
  id: string;
  minSeats: number;
  maxSeats: number;
  /** Expected minute (from now = 0) the table is ready for the next party. */
  freeAt: number;
  /** Variance of `freeAt`, minutes². */
  variance: number;
  /** Bookings on this table, by start: [start, end) in minutes from now. */
  holds: { start: number; end: number }[];
}

/** A way to seat a party: one table or a combination (indexes into the slots). */
export interface SeatOption {
  tables: number[];
  minSeats: number;
  maxSeats: number;
}

export interface Floor {
  slots: TableSlot[];
  options: SeatOption[];
}

const MINUTE = 60_000;

/** Parties seated longer ago than this many means are taken to have left when the floor is not tracked. */
const GONE_AFTER_MEANS = 3;

export function buildFloor(state: FloorState, model: EstimateModel, now: number): Floor {
  const slots: TableSlot[] = [];
  const index = new Map<string, number>();
  for (const t of state.tables) {
    if (!t.active) continue;
    index.set(t.id, slots.length);
    slots.push({ id: t.id, minSeats: t.minSeats, maxSeats: t.maxSeats, freeAt: 0, variance: 0, holds: [] });
  }
  const options: SeatOption[] = slots.map((s, i) => ({ tables: [i], minSeats: s.minSeats, maxSeats: s.maxSeats }));
  for (const c of state.combinations) {
    const tables = c.tableIds.map((id) => index.get(id));
    if (tables.length > 0 && tables.every((i) => i !== undefined)) options.push({ tables: tables as number[], minSeats: c.minSeats, maxSeats: c.maxSeats });
  }

  for (const b of state.bookings) {
    const start = (b.start - now) / MINUTE;
    const end = (b.end - now) / MINUTE + model.turnoverMinutes;
    if (end <= 0) continue;
    for (const id of b.tableIds) {
      const i = index.get(id);
      if (i !== undefined) slots[i]!.holds.push({ start, end });
    }
  }
  for (const s of slots) s.holds.sort((a, b) => a.start - b.start);

  // Seated parties: the most recent first, so that when the floor is not tracked and more parties
  // were seated than there are tables, the ones seated longest ago are the ones taken to have left.
  const seated = [...state.seated].sort((a, b) => b.seatedAt - a.seatedAt);
  const taken = new Array<boolean>(slots.length).fill(false);
  for (const p of seated) {
    const mean = model.durationMinutes(p.size);
    const elapsed = Math.max(0, (now - p.seatedAt) / MINUTE);
    if (!model.occupancyKnown && elapsed > GONE_AFTER_MEANS * mean) continue;
    let at: number[] | null = null;
    if (p.tableIds && p.tableIds.length > 0) {
      const known = p.tableIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined && !taken[i]);
      if (known.length > 0) at = known;
    }
    if (!at) {
      // Placed by fit: the smallest free option that seats the party.
      let best: SeatOption | null = null;
      for (const o of options) {
        if (o.minSeats > p.size || p.size > o.maxSeats || o.tables.some((i) => taken[i])) continue;
        if (!best || o.maxSeats < best.maxSeats || (o.maxSeats === best.maxSeats && o.tables.length < best.tables.length)) best = o;
      }
      if (!best) continue; // no table left for it: it has left (only when the floor is not tracked)
      at = best.tables;
    }
    let freeAt: number;
    let variance: number;
    if (model.occupancyKnown) {
      const r = remaining(mean, model.sigma, elapsed, "staying");
      freeAt = r.minutes + model.turnoverMinutes;
      variance = (model.sigma * r.minutes) ** 2;
    } else {
      // It may have left unseen. Past the median dining time it more likely has: its table counts
      // as free. Before, it counts as busy for the remaining time c of a party still there, and the
      // spread covers both cases: p·(0.6c)² + p(1 − p)·c² for the chance p that it is still there.
      const r = remaining(mean, model.sigma, elapsed, "staying");
      const p = r.stayProbability;
      if (p < 0.5) continue;
      freeAt = r.minutes + model.turnoverMinutes;
      variance = p * (0.6 * r.minutes) ** 2 + p * (1 - p) * r.minutes ** 2;
    }
    for (const i of at) {
      taken[i] = true;
      slots[i]!.freeAt = Math.max(slots[i]!.freeAt, freeAt);
      slots[i]!.variance = Math.max(slots[i]!.variance, variance);
    }
  }
  return { slots, options };
}
