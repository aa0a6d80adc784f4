// Wait estimates: a party's band interval × (parties of its band ahead + 1); for someone deciding
// whether to join, the same per party size given who is in line now.
import { describe, expect, it } from "vitest";
import { estimateMinutes, joinEstimates } from "../../domain/waitlist/model";
import { party } from "./fixtures";

const INTERVALS = { "1-2": { minutes: 8 }, "3-4": { minutes: 10 }, "5-6": { minutes: 15 }, "7+": { minutes: 20 } };

describe("estimatedWaitMinutes", () => {
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
      party({ partySize: 2 }),
      party({ partySize: 1, status: "notified" }),
      party({ partySize: 4 }),
      party({ partySize: 8 }),
      party({ partySize: 2, status: "seated" }),
      party({ partySize: 4, status: "cancelled" }),
    ];
    expect(joinEstimates(line, INTERVALS, 8)).toEqual([
      { partySize: 1, estimatedWaitMinutes: 24 },
      { partySize: 2, estimatedWaitMinutes: 24 },
      { partySize: 3, estimatedWaitMinutes: 20 },
      { partySize: 4, estimatedWaitMinutes: 20 },
      { partySize: 5, estimatedWaitMinutes: 15 },
      { partySize: 6, estimatedWaitMinutes: 15 },
      { partySize: 7, estimatedWaitMinutes: 40 },
      { partySize: 8, estimatedWaitMinutes: 40 },
    ]);
  });

  it("is one interval per band for an empty line", () => {
    expect(joinEstimates([], INTERVALS, 3).map((e) => e.estimatedWaitMinutes)).toEqual([8, 8, 10]);
  });

  it("is empty when no party size is allowed", () => {
    expect(joinEstimates([party()], INTERVALS, 0)).toEqual([]);
  });
});
