// The floor-aware wait estimate (issue 19). Walks the line once, in the host's order: each party
// takes the option (table or combination) that fits it and is expected to be ready first, keeping
// clear of tables that bookings will claim before it would leave; that option is then busy for the
// party's expected dining time, weighted by the chance it stays in line at all. A party's wait is
// when the first of the options that fit it is expected to turn (the expected minimum of their
// uncertain ready times, which comes sooner than the earliest expected one when several are close)
// plus the minutes to walk to it; the range comes from the variance that the chain of expected
// turns carries (range.ts).
//
// Cost per change: building the floor is O(T + S + B) (tables, seated parties, bookings); each party
// in line then costs O(F · (h + log F)) — F options that fit its size, h bookings on them — which
// does not grow with the line, so the whole line is O(n · F · (h + log F)) and each party's figure
// is O(1) in the line length. A newcomer's estimate (join page, self check-in) reuses the walked
// floor: O(F · (h + log F)).
import { buildFloor, type Floor, type SeatOption } from "./floor";
import { normalCdf } from "./lognormal";
import { toEstimate } from "./range";
import type { EstimateModel, FloorState, LineParty, WaitEstimate } from "./types";

export interface LineEstimates {
  /** Each party's wait (absent for a party no table or combination can seat). */
  byParty: Map<string, WaitEstimate>;
  /** The wait for a party of `size` joining at the end of the line now. */
  forNewParty(size: number, source?: LineParty["source"]): WaitEstimate | null;
}

interface Placement {
  option: SeatOption;
  /** When the option that is expected to be ready first is ready (the walk's plan). */
  start: number;
  variance: number;
  jitter: number;
  /** When the first of the fitting options is expected to turn, and that time's variance (≤ `start`). */
  first: number;
  firstVariance: number;
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
function readyAt(floor: Floor, option: SeatOption, stay: number, from: number): { start: number; variance: number; jitter: number } {
  let start = from;
  let variance = 0;
  let jitter = 0;
  for (const i of option.tables) {
    const s = floor.slots[i]!;
    if (s.freeAt > start) start = s.freeAt;
    if (s.variance > variance) variance = s.variance;
    if (s.jitter > jitter) jitter = s.jitter;
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
  return { start, variance, jitter };
}

/**
 * The option that can take the party first (not before `from`); ties to the smallest. Also when
 * the first of all the fitting options is expected to turn: several tables that are each expected
 * at about the same time do not all turn then — one of them turns earlier — so the party's wait is
 * the expected minimum of their ready times, not the minimum of their expected ready times
 * (Clark's normal approximation, two at a time; only options within 4 standard deviations of the
 * earliest count). O(F log F) for F fitting options.
 */
function place(floor: Floor, options: SeatOption[], stay: number, from = 0): Placement | null {
  let best: Placement | null = null;
  const ready: { start: number; jitter: number }[] = [];
  for (const option of options) {
    const r = readyAt(floor, option, stay, from);
    ready.push(r);
    if (
      !best ||
      r.start < best.start - 1e-9 ||
      (Math.abs(r.start - best.start) <= 1e-9 && (option.maxSeats < best.option.maxSeats || (option.maxSeats === best.option.maxSeats && option.tables.length < best.option.tables.length)))
    ) {
      best = { option, start: r.start, variance: r.variance, jitter: r.jitter, first: r.start, firstVariance: r.variance };
    }
  }
  if (best && ready.length > 1) {
    const m = expectedFirst(ready);
    best.first = Math.max(from, Math.min(best.start, m.mean));
    best.firstVariance = Math.max(0, best.variance - best.jitter + m.variance);
  }
  return best;
}

/** E[min] and Var[min] of independent normal ready times (means `start`, variances `jitter`). */
export function expectedFirst(ready: { start: number; jitter: number }[]): { mean: number; variance: number } {
  const sorted = [...ready].sort((a, b) => a.start - b.start);
  let mean = sorted[0]!.start;
  let variance = sorted[0]!.jitter;
  for (let j = 1; j < sorted.length; j++) {
    const x = sorted[j]!;
    const a = Math.sqrt(variance + x.jitter);
    if (x.start - mean > 4 * a) break;
    if (a < 1e-9) continue;
    // min(A, B) = −max(−A, −B); with α = (μB − μA)/a, P(A < B) ≈ Φ(α).
    const alpha = (x.start - mean) / a;
    const pA = normalCdf(alpha);
    const density = Math.exp((-alpha * alpha) / 2) / Math.sqrt(2 * Math.PI);
    const m1 = mean * pA + x.start * (1 - pA) - a * density;
    const m2 = (mean * mean + variance) * pA + (x.start * x.start + x.jitter) * (1 - pA) - (mean + x.start) * a * density;
    mean = m1;
    variance = Math.max(0, m2 - m1 * m1);
  }
  return { mean, variance };
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
    byParty.set(p.id, toEstimate(placed.first + delay, placed.firstVariance));
    if (p.state === "waiting") {
      latest.push(placed.start);
      if (latest.size() > k) latest.pop();
    }
    // The option is busy from then for the expected stay, as far as the party is likely to take it.
    const keeps = p.state === "notified" ? 1 : 1 - model.dropRate;
    const until = placed.start + delay + keeps * (stay + model.turnoverMinutes);
    const variance = placed.variance + keeps * (model.sigma * stay) ** 2;
    const jitter = placed.jitter + keeps * (model.sigma * stay) ** 2;
    for (const i of placed.option.tables) {
      const s = floor.slots[i]!;
      s.freeAt = Math.max(s.freeAt, until);
      s.variance = Math.max(s.variance, variance);
      s.jitter = Math.max(s.jitter, jitter);
    }
  }
  return {
    byParty,
    forNewParty(size, source = "self_check_in") {
      const placed = place(floor, fitting(floor, cache, size), model.durationMinutes(size));
      return placed ? toEstimate(placed.first + model.seatDelayMinutes(source), placed.firstVariance) : null;
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
