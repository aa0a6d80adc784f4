// The floor-aware wait estimate (issue 19). Walks the line once, in the host's order: each party
// takes the option (table or combination) that fits it and is expected to be ready first, keeping
// clear of tables that bookings will claim before it would leave; that option is then busy for the
// party's expected dining time, weighted by the chance it stays in line at all. A party's wait is
// when its option is ready plus the minutes to walk to it; the range comes from the variance that
// the chain of expected turns carries (range.ts).
//
// Cost per change: building the floor is O(T + S + B) (tables, seated parties, bookings); each party
// in line then costs O(F · h) — F options that fit its size, h bookings on them — which does not
// grow with the line, so the whole line is O(n · F · h) and each party's figure is O(1) in the line
// length. A newcomer's estimate (join page, self check-in) reuses the walked floor: O(F · h).
import { buildFloor, type Floor, type SeatOption } from "./floor";
import { toEstimate } from "./range";
import type { EstimateModel, FloorState, LineParty, WaitEstimate } from "./types";

export interface LineEstimates {
  /** Each party's wait (absent for a party no table or combination can seat). */
  byParty: Map<string, WaitEstimate>;
  /** The wait for a party of `size` joining at the end of the line now. */
  forNewParty(size: number, source?: LineParty["source"]): WaitEstimate | null;
  /**
   * The wait a party of `size` from `source` would be given once it has joined at the end of the
   * line now: the walk's own step for one more waiting party (the look-ahead included), so the
   * figure quoted before joining is the one the party then sees. O(F · h + log k).
   */
  joining(size: number, source: LineParty["source"]): WaitEstimate | null;
}

interface Placement {
  option: SeatOption;
  start: number;
  variance: number;
}

function fitting(floor: Floor, cache: Map<number, SeatOption[]>, size: number): SeatOption[] {
  let list = cache.get(size);
  if (!list) {
    list = floor.options.filter((o) => o.minSeats <= size && size <= o.maxSeats);
    cache.set(size, list);
  }
  return list;
}

/** The earliest minute `option` can take a party staying `stay` minutes, clear of its bookings. */
function readyAt(floor: Floor, option: SeatOption, stay: number, from: number): { start: number; variance: number } {
  let start = from;
  let variance = 0;
  for (const i of option.tables) {
    const s = floor.slots[i]!;
    if (s.freeAt > start) start = s.freeAt;
    if (s.variance > variance) variance = s.variance;
  }
  // A booking on any of its tables that would start before the party leaves pushes it past the
  // booking's end; holds are few per table, and sorted, so this settles in a pass or two.
  for (let moved = true; moved; ) {
    moved = false;
    for (const i of option.tables) {
      for (const h of floor.slots[i]!.holds) {
        if (h.start < start + stay && h.end > start) {
          start = h.end;
          moved = true;
        }
      }
    }
  }
  return { start, variance };
}

/** The option that can take the party first (not before `from`); ties to the smallest. */
function place(floor: Floor, options: SeatOption[], stay: number, from = 0): Placement | null {
  let best: Placement | null = null;
  for (const option of options) {
    const r = readyAt(floor, option, stay, from);
    if (
      !best ||
      r.start < best.start - 1e-9 ||
      (Math.abs(r.start - best.start) <= 1e-9 && (option.maxSeats < best.option.maxSeats || (option.maxSeats === best.option.maxSeats && option.tables.length < best.option.tables.length)))
    ) {
      best = { option, start: r.start, variance: r.variance };
    }
  }
  return best;
}

export function estimateLine(state: FloorState, model: EstimateModel, now: number): LineEstimates {
  const floor = buildFloor(state, model, now);
  const cache = new Map<number, SeatOption[]>();
  const byParty = new Map<string, WaitEstimate>();
  // A waiting party is only considered once fewer than `lookAhead` waiting parties are ahead of it:
  // it cannot sit before the lookAhead-th latest planned seating ahead of it. `latest` keeps the
  // lookAhead latest planned seatings (a min-heap, O(log k) a party).
  const k = Math.max(1, model.lookAhead);
  const latest = new MinHeap();
  let waitingAhead = 0;
  for (const p of state.line) {
    const stay = model.durationMinutes(p.size);
    const options = fitting(floor, cache, p.size);
    let placed = place(floor, options, stay);
    if (!placed) continue;
    if (p.state === "waiting") {
      if (waitingAhead >= k && latest.top() > placed.start) placed = place(floor, options, stay, latest.top())!;
      waitingAhead++;
    }
    const delay = p.state === "notified" && p.notifiedAt != null ? Math.max(0, model.seatDelayMinutes(p.source) - (now - p.notifiedAt) / 60_000) : model.seatDelayMinutes(p.source);
    byParty.set(p.id, toEstimate(placed.start + delay, placed.variance));
    if (p.state === "waiting") {
      latest.push(placed.start);
      if (latest.size() > k) latest.pop();
    }
    // The option is busy from then for the expected stay, as far as the party is likely to take it.
    const keeps = p.state === "notified" ? 1 : 1 - model.dropRate;
    const until = placed.start + delay + keeps * (stay + model.turnoverMinutes);
    const variance = placed.variance + keeps * (model.sigma * stay) ** 2;
    for (const i of placed.option.tables) {
      const s = floor.slots[i]!;
      s.freeAt = Math.max(s.freeAt, until);
      s.variance = Math.max(s.variance, variance);
    }
  }
  return {
    byParty,
    forNewParty(size, source = "self_check_in") {
      const placed = place(floor, fitting(floor, cache, size), model.durationMinutes(size));
      return placed ? toEstimate(placed.start + model.seatDelayMinutes(source), placed.variance) : null;
    },
    // Must give what the walk above gives a waiting party at the end of the line (placement, look-ahead,
    // figure): test/estimates/joining.unit.test.ts holds the two to each other.
    joining(size, source) {
      const stay = model.durationMinutes(size);
      const options = fitting(floor, cache, size);
      let placed = place(floor, options, stay);
      if (!placed) return null;
      if (waitingAhead >= k && latest.top() > placed.start) placed = place(floor, options, stay, latest.top())!;
      return toEstimate(placed.start + model.seatDelayMinutes(source), placed.variance);
    },
  };
}

/** A binary min-heap of numbers. */
class MinHeap {
  private h: number[] = [];
  size() {
    return this.h.length;
  }
  top() {
    return this.h[0] ?? -Infinity;
  }
  push(x: number) {
    const h = this.h;
    h.push(x);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[i]! >= h[p]!) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop() {
    const h = this.h;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l]! < h[m]!) m = l;
      if (r < h.length && h[r]! < h[m]!) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
