// Line order and moves: lineOrder sorts active parties by rank; rankForPosition finds a rank that
// lands a party at a 1-based position, or null when its neighbours' ranks are too close to split.
import { describe, expect, it } from "vitest";
import { lineOrder, rankForPosition } from "../../domain/waitlist/model";
import { party, T0 } from "./fixtures";

const ranks = (...rs: number[]) => rs.map((rank) => ({ rank }));

describe("rankForPosition", () => {
  it("gives 1 in an empty line", () => {
    expect(rankForPosition([], 1)).toBe(1);
    expect(rankForPosition([], 5)).toBe(1);
  });

  it("puts position 1 before the first party", () => {
    const r = rankForPosition(ranks(1, 2, 3), 1)!;
    expect(r).toBeLessThan(1);
  });

  it("puts a middle position strictly between its neighbours", () => {
    const r = rankForPosition(ranks(1, 2, 3), 2)!;
    expect(r).toBeGreaterThan(1);
    expect(r).toBeLessThan(2);
  });

  it("puts the position after the last party at the end", () => {
    expect(rankForPosition(ranks(1, 2, 3), 4)!).toBeGreaterThan(3);
  });

  it("clamps a position past the end to the end", () => {
    expect(rankForPosition(ranks(1, 2, 3), 99)!).toBeGreaterThan(3);
  });

  it("clamps position 0 and below to the front", () => {
    expect(rankForPosition(ranks(1, 2), 0)!).toBeLessThan(1);
    expect(rankForPosition(ranks(1, 2), -3)!).toBeLessThan(1);
  });

  it("works with negative and fractional ranks", () => {
    const r = rankForPosition(ranks(-2.5, -2.25), 2)!;
    expect(r).toBeGreaterThan(-2.5);
    expect(r).toBeLessThan(-2.25);
  });

  it("is null when the neighbours have the same rank", () => {
    expect(rankForPosition(ranks(1, 1), 2)).toBeNull();
  });

  it("is null when the neighbours are adjacent doubles", () => {
    const a = 1;
    const b = 1 + Number.EPSILON;
    expect(rankForPosition(ranks(a, b), 2)).toBeNull();
  });

  it("halving the same gap again and again ends in null, never a rank outside the gap", () => {
    let lo = 1;
    const hi = 2;
    let result: number | null = 0;
    for (let i = 0; i < 200 && result !== null; i++) {
      result = rankForPosition(ranks(lo, hi), 2);
      if (result !== null) {
        expect(result > lo && result < hi).toBe(true);
        lo = result;
      }
    }
    expect(result).toBeNull();
  });
});

describe("lineOrder", () => {
  it("keeps only waiting and notified parties, by rank", () => {
    const a = party({ rank: 3 });
    const b = party({ rank: 1, status: "notified" });
    const c = party({ rank: 2, status: "seated" });
    const d = party({ rank: 2, status: "cancelled" });
    const e = party({ rank: 0.5 });
    expect(lineOrder([a, b, c, d, e]).map((p) => p.id)).toEqual([e.id, b.id, a.id]);
  });

  it("breaks rank ties by arrival, then by id", () => {
    const late = party({ rank: 1, createdAt: T0 + 5, id: "a" });
    const early = party({ rank: 1, createdAt: T0, id: "z" });
    const sameTimeB = party({ rank: 1, createdAt: T0 + 5, id: "b" });
    expect(lineOrder([sameTimeB, late, early]).map((p) => p.id)).toEqual(["z", "a", "b"]);
  });

  it("does not reorder the array it is given", () => {
    const list = [party({ rank: 2 }), party({ rank: 1 })];
    const ids = list.map((p) => p.id);
    lineOrder(list);
    expect(list.map((p) => p.id)).toEqual(ids);
  });
});
