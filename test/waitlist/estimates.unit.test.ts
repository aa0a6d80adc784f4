// Wait estimates: a party's band interval × (parties of its band ahead + 1); for someone deciding
// whether to join, the same per party size given who is in line now.
import { describe, expect, it } from "vitest";
import { estimateMinutes, joinEstimates } from "../../domain/waitlist/model";
import { party } from "./fixtures";

const INTERVALS = { "1-2": { minutes: 8 }, "3-4": { minutes: 10 }, "5-6": { minutes: 15 }, "7+": { minutes: 20 } };

describe("estimateMinutes", () => {
  it("is one interval for the first of a band", () => {
    expect(estimateMinutes(8, 0)).toBe(8);
  });

  it("grows with each party of the band ahead", () => {
    expect(estimateMinutes(8, 2)).toBe(24);
  });

  it("rounds to whole minutes", () => {
    expect(estimateMinutes(7.4, 1)).toBe(15);
  });

  it("is never negative", () => {
    expect(estimateMinutes(-5, 3)).toBe(0);
    expect(estimateMinutes(0, 3)).toBe(0);
  });
});

describe("joinEstimates", () => {
  it("gives one estimate per size up to the maximum, counting only active parties of that band", () => {
    const line = [
      party({ size: 2 }),
      party({ size: 1, state: "notified" }),
      party({ size: 4 }),
      party({ size: 8 }),
      party({ size: 2, state: "seated" }),
      party({ size: 4, state: "cancelled" }),
    ];
    expect(joinEstimates(line, INTERVALS, 8)).toEqual([
      { size: 1, estimateMinutes: 24 },
      { size: 2, estimateMinutes: 24 },
      { size: 3, estimateMinutes: 20 },
      { size: 4, estimateMinutes: 20 },
      { size: 5, estimateMinutes: 15 },
      { size: 6, estimateMinutes: 15 },
      { size: 7, estimateMinutes: 40 },
      { size: 8, estimateMinutes: 40 },
    ]);
  });

  it("is one interval per band for an empty line", () => {
    expect(joinEstimates([], INTERVALS, 3).map((e) => e.estimateMinutes)).toEqual([8, 8, 10]);
  });

  it("is empty when no party size is allowed", () => {
    expect(joinEstimates([party()], INTERVALS, 0)).toEqual([]);
  });
});
