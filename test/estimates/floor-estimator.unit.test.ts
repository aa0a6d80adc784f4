// The floor-aware wait estimate (domain/estimates): which tables fit, when each is expected to turn,
// bookings that hold tables, parties ahead competing for the same tables, drop-outs, the host's
// look-ahead, a range around the figure; and its log-normal and learning helpers.
import { describe, expect, it } from "vitest";
import { buildFloor } from "../../domain/estimates/floor";
import { DEFAULTS, learnModel } from "../../domain/estimates/learn";
import { estimateLine, expectedFirst } from "../../domain/estimates/line";
import { normalCdf, remaining } from "../../domain/estimates/lognormal";
import { toEstimate } from "../../domain/estimates/range";
import type { EstimateModel, FloorState, FloorTable, LineParty } from "../../domain/estimates/types";

const NOW = Date.UTC(2026, 5, 1, 19, 0);
const MIN = 60_000;

/** Fixed durations (σ = 0), no clearing time, no walk, nobody drops: waits are plain arithmetic. */
function exact(over: Partial<EstimateModel> = {}): EstimateModel {
  return { durationMinutes: () => 60, sigma: 0, turnoverMinutes: 0, seatDelayMinutes: () => 0, dropRate: 0, lookAhead: 100, occupancyKnown: true, ...over };
}
const table = (id: string, minSeats: number, maxSeats: number): FloorTable => ({ id, minSeats, maxSeats, active: true });
const waiting = (id: string, size: number): LineParty => ({ id, size, state: "waiting", source: "host" });
function state(over: Partial<FloorState>): FloorState {
  return { tables: [], combinations: [], seated: [], bookings: [], line: [], ...over };
}
const minutes = (s: FloorState, m: EstimateModel = exact()) => Object.fromEntries([...estimateLine(s, m, NOW).byParty].map(([id, e]) => [id, e.minutes]));

describe("floor-aware wait estimate", () => {
  it("a free table that fits: no wait; a taken one: the time its party has left", () => {
    expect(minutes(state({ tables: [table("A", 1, 2)], line: [waiting("p", 2)] }))).toEqual({ p: 0 });
    const s = state({ tables: [table("A", 1, 2)], seated: [{ size: 2, seatedAt: NOW - 20 * MIN, tableIds: ["A"] }], line: [waiting("p", 2)] });
    expect(minutes(s)).toEqual({ p: 40 });
    // Clearing the table and walking to it add to the wait.
    expect(minutes(s, exact({ turnoverMinutes: 5, seatDelayMinutes: () => 3 }))).toEqual({ p: 48 });
  });

  it("parties ahead that need the same table push the wait by their stay; those who need other tables do not", () => {
    const tables = [table("two", 1, 2), table("six", 4, 6)];
    const seated = [
      { size: 2, seatedAt: NOW - 50 * MIN, tableIds: ["two"] },
      { size: 6, seatedAt: NOW - 30 * MIN, tableIds: ["six"] },
    ];
    const s = state({ tables, seated, line: [waiting("six-a", 6), waiting("couple-a", 2), waiting("couple-b", 2), waiting("six-b", 5)] });
    // two-top turns at 10, then at 70; six-top at 30, then at 90.
    expect(minutes(s)).toEqual({ "six-a": 30, "couple-a": 10, "couple-b": 70, "six-b": 90 });
  });

  it("the smallest table wins a tie, so a couple does not take the four-top a four ahead would need", () => {
    const s = state({ tables: [table("four", 2, 4), table("two", 1, 2)], line: [waiting("couple", 2), waiting("four", 4)] });
    expect(minutes(s)).toEqual({ couple: 0, four: 0 });
  });

  it("a booking holds its table: a walk-in who would still be there at the booked time waits for the booking to leave", () => {
    const booking = { partySize: 2, start: NOW + 30 * MIN, end: NOW + 120 * MIN, tableIds: ["A"] };
    expect(minutes(state({ tables: [table("A", 1, 2)], bookings: [booking], line: [waiting("p", 2)] }))).toEqual({ p: 120 });
    // A booking later than the walk-in's stay leaves the table free now.
    const later = { ...booking, start: NOW + 60 * MIN, end: NOW + 150 * MIN };
    expect(minutes(state({ tables: [table("A", 1, 2)], bookings: [later], line: [waiting("p", 2)] }))).toEqual({ p: 0 });
  });

  it("a combination is ready when all of its tables are; a large party waits for the later one", () => {
    const s = state({
      tables: [table("A", 2, 4), table("B", 2, 4)],
      combinations: [{ tableIds: ["A", "B"], minSeats: 5, maxSeats: 8 }],
      seated: [
        { size: 4, seatedAt: NOW - 50 * MIN, tableIds: ["A"] },
        { size: 4, seatedAt: NOW - 20 * MIN, tableIds: ["B"] },
      ],
      line: [waiting("eight", 8), waiting("four", 4)],
    });
    // A turns at 10 and B at 40; the eight takes both at 40, so the four after it waits until 100.
    expect(minutes(s)).toEqual({ eight: 40, four: 100 });
  });

  it("parties likely to drop hold their table for less: the wait behind them is shorter", () => {
    const s = state({ tables: [table("A", 1, 2)], line: [waiting("a", 2), waiting("b", 2), waiting("c", 2)] });
    expect(minutes(s)).toEqual({ a: 0, b: 60, c: 120 });
    expect(minutes(s, exact({ dropRate: 0.25 }))).toEqual({ a: 0, b: 45, c: 90 });
  });

  it("the host looks only a few parties down the line: a couple behind parties that cannot sit waits for them to move", () => {
    const s = state({
      tables: [table("two", 1, 2), table("six", 4, 6)],
      seated: [{ size: 6, seatedAt: NOW, tableIds: ["six"] }],
      line: [waiting("six-a", 6), waiting("six-b", 6), waiting("couple", 2)],
    });
    // With room to look three deep the couple sits now; looking two deep, only once six-a sits (60).
    expect(minutes(s, exact({ lookAhead: 3 })).couple).toBe(0);
    expect(minutes(s, exact({ lookAhead: 2 })).couple).toBe(60);
  });

  it("a called party is on its way: only the rest of its walk counts", () => {
    const called: LineParty = { id: "p", size: 2, state: "notified", notifiedAt: NOW - 2 * MIN, source: "host" };
    expect(minutes(state({ tables: [table("A", 1, 2)], line: [called] }), exact({ seatDelayMinutes: () => 5 }))).toEqual({ p: 3 });
  });

  it("a party no table or combination seats gets no estimate; a newcomer's estimate is the next turn after the line", () => {
    const s = state({ tables: [table("A", 1, 2)], line: [waiting("big", 9), waiting("p", 2)] });
    const r = estimateLine(s, exact(), NOW);
    expect(r.byParty.has("big")).toBe(false);
    expect(r.byParty.get("p")!.minutes).toBe(0);
    expect(r.forNewParty(2)!.minutes).toBe(60);
    expect(r.forNewParty(9)).toBeNull();
  });

  it("without table occupancy, parties seated long ago count as gone, those past their median as likely gone, and a later seating at their table means they left", () => {
    const m = exact({ occupancyKnown: false, sigma: 0.35 });
    const tables = [table("A", 1, 2)];
    // Seated 3 hours ago with a 60-minute mean: left.
    expect(minutes(state({ tables, seated: [{ size: 2, seatedAt: NOW - 180 * MIN }], line: [waiting("p", 2)] }), m)).toEqual({ p: 0 });
    // Two seated, one table: the later seating shows the table turned, so the first party has left
    // and the one seated 10 minutes ago holds it.
    const two = state({ tables, seated: [{ size: 2, seatedAt: NOW - 40 * MIN }, { size: 2, seatedAt: NOW - 10 * MIN }], line: [waiting("p", 2)] });
    const floor = buildFloor(two, m, NOW);
    expect(floor.slots[0]!.freeAt).toBeCloseTo(remaining(60, 0.35, 10, "staying").minutes, 5);
    // Two tables: a party seated after another sits at the free one, so both are still there.
    const both = buildFloor({ ...two, tables: [table("A", 1, 2), table("B", 1, 2)] }, m, NOW);
    expect(both.slots.map((x) => x.freeAt > 0)).toEqual([true, true]);
    // Past its median dining time a party is more likely gone than not: its table counts as busy
    // for the expected time left of a party that may have gone, p · c (less than if it were known
    // to be there).
    const late = buildFloor(state({ tables, seated: [{ size: 2, seatedAt: NOW - 70 * MIN }] }), m, NOW);
    const r = remaining(60, 0.35, 70, "staying");
    expect(r.stayProbability).toBeLessThan(0.5);
    expect(late.slots[0]!.freeAt).toBeCloseTo(r.stayProbability * r.minutes, 5);
    expect(late.slots[0]!.freeAt).toBeGreaterThan(0);
    expect(late.slots[0]!.freeAt).toBeLessThan(r.minutes);
  });

  it("of several tables each expected to turn at about the same time, one turns earlier: the wait is the expected first turn, not the earliest expected one", () => {
    const m = exact({ sigma: 0.35 });
    const seated = (ids: string[]) => ids.map((id) => ({ size: 2, seatedAt: NOW - 20 * MIN, tableIds: [id] }));
    const one = estimateLine(state({ tables: [table("A", 1, 2)], seated: seated(["A"]), line: [waiting("p", 2)] }), m, NOW).byParty.get("p")!;
    const tables = ["A", "B", "C"].map((id) => table(id, 1, 2));
    const three = estimateLine(state({ tables, seated: seated(["A", "B", "C"]), line: [waiting("p", 2)] }), m, NOW).byParty.get("p")!;
    // One table: its expected remaining time; three alike: clearly sooner, and a narrower range.
    expect(one.minutes).toBe(Math.round(remaining(60, 0.35, 20, "staying").minutes));
    expect(three.minutes).toBeLessThan(one.minutes - 5);
    expect(three.high - three.low).toBeLessThan(one.high - one.low);
    // Known durations (σ = 0) leave nothing to chance: the earliest table, as before.
    expect(minutes(state({ tables, seated: seated(["A", "B", "C"]), line: [waiting("p", 2)] }))).toEqual({ p: 40 });
  });

  it("expectedFirst is the expected minimum of normal ready times", () => {
    // Two alike, N(30, 10²): E[min] = μ − σ/√π, Var = σ²(1 − 1/π).
    const two = expectedFirst([{ start: 30, jitter: 100 }, { start: 30, jitter: 100 }]);
    expect(two.mean).toBeCloseTo(30 - 10 / Math.sqrt(Math.PI), 3);
    expect(two.variance).toBeCloseTo(100 * (1 - 1 / Math.PI), 2);
    // One far earlier than the rest decides alone; certain times are plain minima.
    expect(expectedFirst([{ start: 5, jitter: 1 }, { start: 90, jitter: 4 }]).mean).toBeCloseTo(5, 6);
    expect(expectedFirst([{ start: 20, jitter: 0 }, { start: 12, jitter: 0 }]).mean).toBe(12);
  });

  it("every estimate has a range around its figure that widens with uncertainty", () => {
    const narrow = toEstimate(20, 0);
    const wide = toEstimate(20, 100);
    for (const e of [narrow, wide]) expect(e.low <= e.minutes && e.minutes <= e.high).toBe(true);
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
    expect(toEstimate(0, 0).low).toBe(0);
    const s = state({ tables: [table("A", 1, 2)], seated: [{ size: 2, seatedAt: NOW - 20 * MIN, tableIds: ["A"] }], line: [waiting("p", 2), waiting("q", 2)] });
    const r = estimateLine(s, { ...exact(), sigma: 0.35 }, NOW).byParty;
    // The second party's wait carries two uncertain stays: its range is wider.
    expect(r.get("q")!.high - r.get("q")!.low).toBeGreaterThan(r.get("p")!.high - r.get("p")!.low);
  });
});

describe("log-normal remaining time", () => {
  it("normalCdf is the standard normal distribution", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 4);
  });

  it("at the start the remaining time is the mean; it shrinks but, for a party still there, never to nothing", () => {
    expect(remaining(60, 0.35, 0, "staying").minutes).toBe(60);
    const at30 = remaining(60, 0.35, 30, "staying");
    const at90 = remaining(60, 0.35, 90, "staying");
    expect(at30.minutes).toBeLessThan(60);
    expect(at30.minutes).toBeGreaterThan(30);
    expect(at90.minutes).toBeGreaterThan(0);
    expect(at90.stayProbability).toBeLessThan(at30.stayProbability);
    // Unconditional (it may have left): E[(D − e)⁺] = P(stay) · E[D − e | stay].
    const u = remaining(60, 0.35, 30, "unknown");
    expect(u.minutes).toBeCloseTo(at30.stayProbability * at30.minutes, 6);
    expect(remaining(60, 0, 20, "staying").minutes).toBe(40);
  });
});

describe("learnModel", () => {
  it("starts from the defaults and moves to what the location's closed walk-ins show", () => {
    const none = learnModel({ durationMinutes: () => 60, closed: [], occupancyKnown: false });
    expect(none.dropRate).toBeCloseTo(DEFAULTS.dropRate, 6);
    expect(none.seatDelayMinutes("host")).toBeCloseTo(DEFAULTS.seatDelayMinutes.host, 6);
    const closed = Array.from({ length: 200 }, (_, i) => ({
      source: "host" as const,
      seated: i % 2 === 0,
      notifiedAt: i % 2 === 0 ? NOW : null,
      seatedAt: i % 2 === 0 ? NOW + 10 * MIN : null,
    }));
    const many = learnModel({ durationMinutes: () => 60, closed, occupancyKnown: true });
    expect(many.dropRate).toBeGreaterThan(0.4);
    expect(many.seatDelayMinutes("host")).toBeGreaterThan(8);
    expect(many.seatDelayMinutes("self_check_in")).toBeCloseTo(DEFAULTS.seatDelayMinutes.self_check_in, 6);
  });
});
