// positions: each active party's 1-based place, how many are ahead, and how many of its own size
// band are ahead (what its estimate multiplies).
import { describe, expect, it } from "vitest";
import { bandOf, positions } from "../../domain/waitlist/model";
import { party } from "./fixtures";

describe("bandOf", () => {
  it.each([
    [1, "1-2"],
    [2, "1-2"],
    [3, "3-4"],
    [4, "3-4"],
    [5, "5-6"],
    [6, "5-6"],
    [7, "7+"],
    [40, "7+"],
  ] as const)("size %i is band %s", (size, band) => {
    expect(bandOf(size)).toBe(band);
  });
});

describe("positions", () => {
  it("numbers the line 1..n and counts those ahead", () => {
    const list = [party({ rank: 1 }), party({ rank: 2 }), party({ rank: 3 })];
    const pos = positions(list);
    expect(list.map((p) => pos.get(p.id))).toEqual([
      { position: 1, partiesAhead: 0, sameBandAhead: 0 },
      { position: 2, partiesAhead: 1, sameBandAhead: 1 },
      { position: 3, partiesAhead: 2, sameBandAhead: 2 },
    ]);
  });

  it("counts only the same band for sameBandAhead", () => {
    const a = party({ rank: 1, partySize: 2 });
    const b = party({ rank: 2, partySize: 4 });
    const c = party({ rank: 3, partySize: 1 });
    const d = party({ rank: 4, partySize: 3 });
    const e = party({ rank: 5, partySize: 8 });
    const pos = positions([e, d, c, b, a]);
    expect(pos.get(c.id)).toEqual({ position: 3, partiesAhead: 2, sameBandAhead: 1 });
    expect(pos.get(d.id)).toEqual({ position: 4, partiesAhead: 3, sameBandAhead: 1 });
    expect(pos.get(e.id)).toEqual({ position: 5, partiesAhead: 4, sameBandAhead: 0 });
  });

  it("leaves closed parties out and closes the gap they leave", () => {
    const a = party({ rank: 1 });
    const gone = party({ rank: 2, status: "seated" });
    const c = party({ rank: 3, status: "notified" });
    const pos = positions([a, gone, c]);
    expect(pos.has(gone.id)).toBe(false);
    expect(pos.get(c.id)).toEqual({ position: 2, partiesAhead: 1, sameBandAhead: 1 });
  });

  it("is empty for an empty line", () => {
    expect(positions([]).size).toBe(0);
  });
});
