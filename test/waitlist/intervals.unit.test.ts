// bandIntervals: minutes between seatings per size band — from the same weekday and hour when there
// are at least MIN_INTERVALS intervals, else from all recent seatings, else the configured default.
import { describe, expect, it } from "vitest";
import { bandIntervals, DEFAULT_INTERVALS, HISTORY_WINDOW_MS, MAX_INTERVAL_MS, MIN_INTERVALS, type BandMinutes } from "../../domain/waitlist/model";
import { MIN, run, seating, T0 } from "./fixtures";

const DAY = 24 * 60 * MIN;
const WEEK = 7 * DAY;
const NOW = { at: T0, weekday: 2, hour: 19 };
const DEFAULTS: BandMinutes = { "1-2": 11, "3-4": 13, "5-6": 17, "7+": 23 };

describe("bandIntervals", () => {
  it("uses the same weekday and hour when it has MIN_INTERVALS intervals", () => {
    expect(MIN_INTERVALS).toBe(4);
    const slot = run(T0 - WEEK, MIN_INTERVALS + 1, 6, "1-2", 2, 19);
    const elsewhere = run(T0 - 2 * DAY, 10, 20, "1-2", 0, 12);
    expect(bandIntervals([...slot, ...elsewhere], NOW, DEFAULTS)["1-2"]).toEqual({ minutes: 6, source: "weekday_hour" });
  });

  it("combines the same slot across weeks, ignoring the week-long gaps between them", () => {
    const weeks = [1, 2, 3, 4].flatMap((w) => run(T0 - w * WEEK, 2, 9, "3-4", 2, 19));
    expect(bandIntervals(weeks, NOW, DEFAULTS)["3-4"]).toEqual({ minutes: 9, source: "weekday_hour" });
  });

  it("falls back to all recent seatings when the slot has fewer intervals", () => {
    const slot = run(T0 - WEEK, MIN_INTERVALS, 6, "1-2", 2, 19); // 3 intervals of 6
    const elsewhere = run(T0 - 2 * DAY, 3, 20, "1-2", 0, 12); // 2 intervals of 20
    // (3 × 6 + 2 × 20) / 5 = 11.6; the gap between the two runs is days long and ignored.
    expect(bandIntervals([...slot, ...elsewhere], NOW, DEFAULTS)["1-2"]).toEqual({ minutes: 12, source: "recent" });
  });

  it("falls back to the defaults it is given when history is too thin", () => {
    const few = run(T0 - DAY, MIN_INTERVALS, 5, "5-6", 1, 18); // 3 intervals
    const out = bandIntervals(few, NOW, DEFAULTS);
    expect(out).toEqual({
      "1-2": { minutes: 11, source: "default" },
      "3-4": { minutes: 13, source: "default" },
      "5-6": { minutes: 17, source: "default" },
      "7+": { minutes: 23, source: "default" },
    });
  });

  it("uses the product defaults when given them", () => {
    expect(bandIntervals([], NOW, DEFAULT_INTERVALS)["7+"]).toEqual({ minutes: DEFAULT_INTERVALS["7+"], source: "default" });
  });

  it("ignores gaps longer than 90 minutes", () => {
    const sparse = run(T0 - DAY, 8, 91, "1-2", 1, 10);
    expect(bandIntervals(sparse, NOW, DEFAULTS)["1-2"].source).toBe("default");
  });

  it("counts a gap of exactly 90 minutes", () => {
    expect(MAX_INTERVAL_MS).toBe(90 * MIN);
    const sparse = run(T0 - DAY, 5, 90, "1-2", 1, 10);
    expect(bandIntervals(sparse, NOW, DEFAULTS)["1-2"]).toEqual({ minutes: 90, source: "recent" });
  });

  it("ignores seatings at the same instant (no interval between them)", () => {
    const same = Array.from({ length: 8 }, () => seating(T0 - DAY, "1-2", 1, 10));
    expect(bandIntervals(same, NOW, DEFAULTS)["1-2"].source).toBe("default");
  });

  it("ignores history older than 28 days", () => {
    const old = run(T0 - HISTORY_WINDOW_MS - 2 * 60 * MIN, 10, 5, "1-2", 2, 19);
    expect(bandIntervals(old, NOW, DEFAULTS)["1-2"].source).toBe("default");
  });

  it("keeps a seating exactly 28 days old", () => {
    const edge = run(T0 - HISTORY_WINDOW_MS, MIN_INTERVALS + 1, 5, "1-2", 2, 19);
    expect(bandIntervals(edge, NOW, DEFAULTS)["1-2"]).toEqual({ minutes: 5, source: "weekday_hour" });
  });

  it("ignores seatings after now", () => {
    const future = run(T0 + MIN, 10, 5, "1-2", 2, 19);
    expect(bandIntervals(future, NOW, DEFAULTS)["1-2"].source).toBe("default");
  });

  it("keeps bands apart", () => {
    const small = run(T0 - DAY, 6, 4, "1-2", 1, 12);
    const big = run(T0 - DAY, 6, 30, "7+", 1, 12);
    const out = bandIntervals([...small, ...big], NOW, DEFAULTS);
    expect(out["1-2"]).toEqual({ minutes: 4, source: "recent" });
    expect(out["7+"]).toEqual({ minutes: 30, source: "recent" });
    expect(out["3-4"]).toEqual({ minutes: 13, source: "default" });
  });

  it("rounds the average to whole minutes", () => {
    // Intervals 7, 8, 7, 8 → 7.5 → 8.
    const times = [0, 7, 15, 22, 30].map((m) => seating(T0 - DAY + m * MIN, "1-2", 1, 12));
    expect(bandIntervals(times, NOW, DEFAULTS)["1-2"].minutes).toBe(8);
  });

  it("does not depend on the order seatings are given in", () => {
    const slot = run(T0 - WEEK, 6, 6, "1-2", 2, 19);
    expect(bandIntervals([...slot].reverse(), NOW, DEFAULTS)["1-2"]).toEqual({ minutes: 6, source: "weekday_hour" });
  });
});
