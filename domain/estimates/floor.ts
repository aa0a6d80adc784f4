// The floor as the estimator sees it: for every active table, when it is expected to be free and
// how uncertain that is, plus the bookings that will claim it. Built once per change, O(T + S + B)
// for T tables, S seated parties and B holding bookings (plus sorting them).
import { remaining } from "./lognormal";
import type { EstimateModel, FloorState, SeatedParty } from "./types";

export interface TableSlot {
  id: string;
  minSeats: number;
  maxSeats: number;
  /** Expected minute (from now = 0) the table is ready for the next party. */
  freeAt: number;
  /** Variance of `freeAt`, minutes² (all that is uncertain: how long diners stay, and in the derived floor whether they are there at all). */
  variance: number;
  /**
   * The part of that variance from how long diners stay, minutes²: what decides which of several
   * tables turns first (line.ts). Whether a derived floor's diners are there at all is already
   * weighed into `freeAt`, so it is left out here.
   */
  jitter: number;
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

/**
 * A table whose last party is past its median dining time, when the floor is not tracked: busy for
 * the expected time left of a party that may have gone unseen, p · c (weight 1), with a third of
 * the spread. Set on the simulator's development seeds: counting such tables as free ran the large
 * venue's derived quotes 4 minutes short; weights above 1 shortened its error a little more but
 * pushed the small café's range coverage under 80%.
 */
const UNSEEN = { weight: 1, spread: 0.3 };

/** Parties seated longer ago than this many means are taken to have left when the floor is not tracked. */
const GONE_AFTER_MEANS = 3;

export function buildFloor(state: FloorState, model: EstimateModel, now: number): Floor {
  const slots: TableSlot[] = [];
  const index = new Map<string, number>();
  for (const t of state.tables) {
    if (!t.active) continue;
    index.set(t.id, slots.length);
    slots.push({ id: t.id, minSeats: t.minSeats, maxSeats: t.maxSeats, freeAt: 0, variance: 0, jitter: 0, holds: [] });
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

  if (model.occupancyKnown) placeKnown(state, model, now, slots, index, options);
  else replaySeatings(state, model, now, slots, index, options);
  return { slots, options };
}

function fits(o: SeatOption, size: number) {
  return o.minSeats <= size && size <= o.maxSeats;
}

function occupy(slot: TableSlot, freeAt: number, variance: number, jitter = variance) {
  slot.freeAt = Math.max(slot.freeAt, freeAt);
  slot.variance = Math.max(slot.variance, variance);
  slot.jitter = Math.max(slot.jitter, jitter);
}

/** Occupancy known: every seated party is at its tables (or, without table ids, the smallest free fit). */
function placeKnown(state: FloorState, model: EstimateModel, now: number, slots: TableSlot[], index: Map<string, number>, options: SeatOption[]) {
  const taken = new Array<boolean>(slots.length).fill(false);
  for (const p of state.seated) {
    let at = (p.tableIds ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    if (at.length === 0) {
      let best: SeatOption | null = null;
      for (const o of options) {
        if (!fits(o, p.size) || o.tables.some((i) => taken[i])) continue;
        if (!best || o.maxSeats < best.maxSeats || (o.maxSeats === best.maxSeats && o.tables.length < best.tables.length)) best = o;
      }
      if (!best) continue;
      at = best.tables;
    }
    const r = remaining(model.durationMinutes(p.size), model.sigma, Math.max(0, (now - p.seatedAt) / MINUTE), "staying");
    for (const i of at) {
      taken[i] = true;
      occupy(slots[i]!, r.minutes + model.turnoverMinutes, (model.sigma * r.minutes) ** 2);
    }
  }
}

/**
 * Occupancy not known: the day's seatings are replayed in order. Each party sits where it fits
 * best — a table free as far as the DO can tell, else the one whose diners were the most likely to
 * have left by then (a seating is evidence that a table turned, so those diners are taken to have
 * gone). Of the parties still placed now, one before its median dining time counts as busy for the
 * remaining time c of a party still there, and the spread covers both cases: p·(0.6c)² + p(1 − p)·c²
 * for the chance p that it is still there; one past its median counts for a share of p·c (UNSEEN). O(S · F) for S seatings
 * and F options.
 */
function replaySeatings(state: FloorState, model: EstimateModel, now: number, slots: TableSlot[], index: Map<string, number>, options: SeatOption[]) {
  const stayAt = (p: SeatedParty, at: number) => remaining(model.durationMinutes(p.size), model.sigma, Math.max(0, (at - p.seatedAt) / MINUTE), "staying").stayProbability;
  const occupant: (SeatedParty | null)[] = new Array(slots.length).fill(null);
  const seated = [...state.seated].sort((a, b) => a.seatedAt - b.seatedAt);
  for (const p of seated) {
    if ((now - p.seatedAt) / MINUTE > GONE_AFTER_MEANS * model.durationMinutes(p.size)) continue;
    let at = (p.tableIds ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    if (at.length === 0) {
      let best: SeatOption | null = null;
      let bestScore = Infinity;
      for (const o of options) {
        if (!fits(o, p.size)) continue;
        // How likely the option is still busy when this party sits: its likeliest remaining diner.
        let score = 0;
        for (const i of o.tables) {
          const q = occupant[i];
          if (q) score = Math.max(score, stayAt(q, p.seatedAt));
        }
        if (score < bestScore - 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && best && (o.maxSeats < best.maxSeats || (o.maxSeats === best.maxSeats && o.tables.length < best.tables.length)))) {
          best = o;
          bestScore = score;
        }
      }
      if (!best) continue;
      at = best.tables;
    }
    // Whoever sat at those tables has left (a party at a combination leaves all of its tables).
    for (const i of at) {
      const q = occupant[i];
      if (q) for (let j = 0; j < occupant.length; j++) if (occupant[j] === q) occupant[j] = null;
    }
    for (const i of at) occupant[i] = p;
  }
  for (const [i, q] of occupant.entries()) {
    if (!q) continue;
    const r = remaining(model.durationMinutes(q.size), model.sigma, Math.max(0, (now - q.seatedAt) / MINUTE), "staying");
    const p = r.stayProbability;
    const spread = p * (0.6 * r.minutes) ** 2 + p * (1 - p) * r.minutes ** 2;
    if (p >= 0.5) occupy(slots[i]!, r.minutes + model.turnoverMinutes, spread, (model.sigma * r.minutes) ** 2);
    // Past its median time a party is more likely gone than not, but not surely: its table counts
    // as busy for the expected time left of a party that may have gone (UNSEEN), with less spread.
    else {
      const busy = UNSEEN.weight * p * (r.minutes + model.turnoverMinutes);
      occupy(slots[i]!, busy, UNSEEN.spread * spread, (model.sigma * busy) ** 2);
    }
  }
}
