// The estimate simulator (bench/estimates): a day with a known answer gives exactly that answer;
// the same seed gives the same day whatever the estimators; the real estimators are driven on it.
import { describe, expect, it } from "vitest";
import { ALL_ESTIMATORS, seatlineCurrent, seatlineFloor, tablesReady } from "../../bench/estimates/estimators";
import { metrics } from "../../bench/estimates/metrics";
import { parseProfile, type Profile } from "../../bench/estimates/profile";
import { arrivalTimes, dayStart, simulate, type Estimator } from "../../bench/estimates/sim";
import { stream } from "../../bench/estimates/rng";
import { formatSpread, parseSeeds, runProfile } from "../../bench/estimates/run";
import busyBrunch from "../../bench/estimates/profiles/busy-brunch.json";
import largeVenue from "../../bench/estimates/profiles/large-venue.json";
import slowWeekday from "../../bench/estimates/profiles/slow-weekday.json";
import smallCafe from "../../bench/estimates/profiles/small-cafe.json";

const SHIPPED: Record<string, unknown> = { "busy-brunch": busyBrunch, "large-venue": largeVenue, "slow-weekday": slowWeekday, "small-cafe": smallCafe };

/** One four-top, every party stays exactly 30 minutes, no clearing time, guests sit the moment they are called. */
function oneTable(walkIns: [string, number][], extra: Partial<Profile> = {}): Profile {
  return parseProfile({
    name: "one-table",
    weekday: 2,
    open: "12:00",
    close: "14:00",
    tables: [{ name: "t", minSeats: 1, maxSeats: 4, count: 1 }],
    arrivals: [],
    walkIns,
    partySizes: { "2": 1 },
    selfCheckInShare: 0,
    dining: [{ maxPartySize: 4, medianMinutes: 30, sigma: 0 }],
    configuredDurations: [{ maxPartySize: 4, minutes: 30 }],
    bussingMinutes: [0, 0],
    guests: { leaveShare: 0, patienceMinutes: [10, 10], noShowWhenCalled: 0, responseMinutes: { host: [0, 0], self_check_in: [0, 0] }, balkAtLine: 100 },
    host: { lookAhead: 1, noShowGraceMinutes: 5 },
    ...extra,
  });
}

const waits = (p: Profile, estimators: Estimator[] = []) => simulate(p, { seed: 1, warmupDays: 0, days: 1, estimators })[0]!.parties.map((r) => r.wait);

describe("estimate simulator", () => {
  it("one table and fixed 30-minute stays: four parties wait exactly 0, 30, 50 and 70 minutes", () => {
    expect(waits(oneTable([["12:00", 2], ["12:00", 2], ["12:10", 2], ["12:20", 4]]))).toEqual([0, 30, 50, 70]);
  });

  it("clearing time and the walk to the table add exactly to every later wait", () => {
    const p = oneTable([["12:00", 2], ["12:00", 2], ["12:10", 2]], { bussingMinutes: [4, 4] });
    p.guests.responseMinutes.host = [2, 2];
    // Seated 12:02 (called 12:00), leaves 12:32, ready 12:36, seated 12:38; leaves 13:08, ready 13:12, seated 13:14.
    expect(waits(p)).toEqual([2, 38, 64]);
  });

  it("a party that runs out of patience leaves the line without a wait, and the next one moves up", () => {
    const p = oneTable([["12:00", 2], ["12:01", 2], ["12:02", 2]]);
    p.guests.leaveShare = 1;
    p.guests.patienceMinutes = [10, 10];
    // The first is seated at once; the other two leave at 12:11 and 12:12, before the table turns at 12:30.
    const day = simulate(p, { seed: 1, warmupDays: 0, days: 1, estimators: [] })[0]!;
    expect(day.parties.map((r) => r.outcome)).toEqual(["seated", "left", "left"]);
    expect(day.parties.map((r) => r.wait)).toEqual([0, null, null]);
  });

  it("the host seats by fit: a couple behind a party of six takes the free two-top", () => {
    const p = oneTable([["12:00", 6], ["12:01", 2]], {
      tables: [
        { name: "two", minSeats: 1, maxSeats: 2, count: 1 },
        { name: "six", minSeats: 4, maxSeats: 6, count: 1 },
      ],
      walkIns: [["11:00", 4], ["12:00", 6], ["12:01", 2]],
    });
    p.open = "11:00";
    p.host.lookAhead = 3;
    // The four sits at the six-top at 11:00 until 11:30; the six then takes it; the couple the two-top.
    expect(waits(p)).toEqual([0, 0, 0]);
    const q = { ...p, walkIns: [["11:50", 4], ["12:00", 6], ["12:01", 2]] as [string, number][] };
    // The six waits for the six-top (free 12:20) while the couple, behind it, sits at once.
    expect(waits(q)).toEqual([0, 20, 0]);
  });

  it("tables kept for a long-waiting large party go to nobody else, but the parties behind it still take the other free tables", () => {
    const p = oneTable([], {
      open: "11:00",
      tables: [{ name: "six", minSeats: 4, maxSeats: 6, count: 3 }],
      combinations: [{ tableIds: ["six-1", "six-2"], minSeats: 9, maxSeats: 12 }],
      walkIns: [["11:00", 6], ["11:10", 6], ["11:11", 10], ["11:35", 5]],
    });
    p.host.lookAhead = 3;
    // six-1 turns at 11:30 and is kept for the ten (waiting since 11:11), who sits when six-2 turns at
    // 11:40; the five arriving at 11:35 takes six-3, free all along, at once (the host did not pass
    // over it because the first table it looked at was a kept one).
    expect(waits(p)).toEqual([0, 0, 29, 0]);
    // With six-3 taken (a four from 11:20 to 11:50), the five does not get six-1, free but kept: it
    // waits for six-3.
    p.walkIns = [["11:00", 6], ["11:10", 6], ["11:11", 10], ["11:20", 4], ["11:35", 5]];
    expect(waits(p)).toEqual([0, 0, 29, 0, 15]);
  });

  it("a booking holds its table: a walk-in who would still be eating at the booked time waits until the booking leaves", () => {
    const p = oneTable([["12:00", 2]], { bookings: { shareOfSeats: 1, from: "12:15", to: "12:15", gapMinutes: [0, 0], noShowRate: 0, lateSdMinutes: 0 } });
    // One booking at 12:15 for 30 minutes: a walk-in seated at 12:00 would sit until 12:30, so the
    // table waits for the booking, which leaves at 12:45.
    const day = simulate(p, { seed: 1, warmupDays: 0, days: 1, estimators: [] })[0]!;
    expect(day.bookings.total).toBe(1);
    expect(day.parties[0]!.wait).toBe(45);
    // A walk-in who would be gone before the booking starts is seated at once.
    const early = simulate(oneTable([["11:40", 2]], { open: "11:00", bookings: p.bookings }), { seed: 1, warmupDays: 0, days: 1, estimators: [] })[0]!;
    expect(early.parties[0]!.wait).toBe(0);
  });

  it("the same seed gives the same day whatever the estimators, and every estimator is recorded at join and at each update", () => {
    const p = parseProfile(smallCafe);
    const bare = simulate(p, { seed: 7, warmupDays: 1, days: 1, estimators: [] })[0]!;
    const judged = simulate(p, { seed: 7, warmupDays: 1, days: 1, estimators: ALL_ESTIMATORS() })[0]!;
    expect(judged.parties.map((r) => [r.joinedAt, r.size, r.outcome, r.wait])).toEqual(bare.parties.map((r) => [r.joinedAt, r.size, r.outcome, r.wait]));
    expect(judged.parties.length).toBeGreaterThan(50);
    for (const r of judged.parties) {
      expect(r.atJoin).toHaveLength(4);
      for (const q of r.atJoin) expect(q?.minutes).toBeGreaterThanOrEqual(0);
    }
    const waited = judged.parties.filter((r) => (r.wait ?? 0) > 15);
    expect(waited.length).toBeGreaterThan(0);
    for (const r of waited) expect(r.updates.length).toBeGreaterThan(0);
    // The floor estimator gives a range; the two interval formulas do not.
    expect(judged.parties[0]!.atJoin[2]!.low).toBeLessThanOrEqual(judged.parties[0]!.atJoin[2]!.minutes);
    expect(judged.parties[0]!.atJoin[0]!.low).toBeUndefined();
    const other = simulate(p, { seed: 8, warmupDays: 1, days: 1, estimators: [] })[0]!;
    expect(other.parties.map((r) => r.joinedAt)).not.toEqual(bare.parties.map((r) => r.joinedAt));
  });

  it("the estimators see the simulator's clock: the floor estimate of the known day is the table's remaining time", () => {
    const p = oneTable([["12:00", 2], ["12:10", 2]]);
    const day = simulate(p, { seed: 1, warmupDays: 0, days: 1, estimators: [seatlineFloor(false), tablesReady(), seatlineCurrent()] })[0]!;
    const second = day.parties[1]!;
    // At 12:10 the first party has 20 of its 30 minutes left; the floor model adds its clearing
    // time and walk (learnt defaults, 5 + 3 minutes).
    expect(second.atJoin[0]!.minutes).toBe(28);
    // TablesReady and the current estimator know no history yet: the default 1-2 interval, 8 minutes, × 1.
    expect(second.atJoin[1]!.minutes).toBe(8);
    expect(second.atJoin[2]!.minutes).toBe(8);
    const m = metrics([day], ["floor", "tr", "current"]);
    expect(m[0]!.parties).toBe(2);
    expect(m[0]!.maeMinutes).toBeCloseTo((Math.abs(day.parties[0]!.atJoin[0]!.minutes - 0) + Math.abs(28 - 20)) / 2, 1);
  });

  it("arrivals follow the profile's rate: about as many as its integral, more at the peak", () => {
    const p = parseProfile({ ...oneTable([]), walkIns: undefined, arrivals: [["12:00", 10], ["13:00", 50], ["14:00", 10]] });
    const counts = [0, 0];
    for (let s = 0; s < 40; s++) for (const t of arrivalTimes(p, stream(s, "arrive"))) counts[Math.abs(t - 780) < 20 ? 0 : 1]!++;
    // ∫ rate = 60 parties a day; the 40 minutes around the peak hold about 30 of them.
    expect((counts[0]! + counts[1]!) / 40).toBeGreaterThan(50);
    expect((counts[0]! + counts[1]!) / 40).toBeLessThan(70);
    expect(counts[0]! / 40).toBeGreaterThan(24);
  });

  it("every shipped profile parses (named as its file), and a broken one is refused with the field named", () => {
    for (const [name, raw] of Object.entries(SHIPPED)) expect(parseProfile(raw).name).toBe(name);
    expect(() => parseProfile({ ...oneTable([]), partySizes: { "9": 1 } })).toThrow(/partySizes\.9/);
    expect(() => parseProfile({ ...oneTable([]), close: "11:00" })).toThrow(/close/);
    expect(dayStart(oneTable([]), 1) - dayStart(oneTable([]), 0)).toBe(7 * 24 * 3600_000);
  });

  it("--seed= runs the seeds given instead of the dev and held-out sets, each seed also on its own for the spread", () => {
    expect(parseSeeds(["201-203", "7,201"])).toEqual([201, 202, 203, 7]);
    expect(() => parseSeeds(["x"])).toThrow(/--seed=x/);
    expect(() => parseSeeds(["9-3"])).toThrow(/low-high/);
    const f = runProfile(oneTable([["12:00", 2], ["12:00", 2], ["12:10", 2]]), { seeds: [3, 4] });
    expect(Object.keys(f.seeds)).toEqual(["given"]);
    expect(f.seeds.given!.seeds).toEqual([3, 4]);
    expect(f.perSeed.map((s) => s.seed)).toEqual([3, 4]);
    // 3 parties × 4 measured days per seed, pooled over both seeds.
    expect(f.seeds.given!.estimators[0]!.parties).toBe(24);
    expect(f.perSeed[0]!.estimators[0]!.parties).toBe(12);
    expect(formatSpread([f])).toMatch(/one-table\s+seatline-floor\s+2\s/);
  });
});
