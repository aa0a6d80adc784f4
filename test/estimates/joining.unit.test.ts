// The estimate for a party that has not joined yet (issue 16 item 3): `joining(size, source)` is the
// figure, range included, that the same party then gets once it stands at the end of the line — the
// join page's and the Add form's estimate, and the default quote — also where the host's look-ahead
// holds a newcomer back behind a long line, which `forNewParty` does not model.
import { describe, expect, it } from "vitest";
import { learnModel } from "../../domain/estimates/learn";
import { estimateLine } from "../../domain/estimates/line";
import type { EstimateModel, FloorState, FloorTable, LineParty } from "../../domain/estimates/types";

const NOW = Date.UTC(2026, 5, 1, 19, 0);
const MIN = 60_000;

const table = (id: string, minSeats: number, maxSeats: number): FloorTable => ({ id, minSeats, maxSeats, active: true });
const party = (id: string, size: number, source: LineParty["source"] = "host"): LineParty => ({ id, size, state: "waiting", source });

/** The model the DO learns with no history: default spread, turnover, walk times and drop-outs. */
const model: EstimateModel = learnModel({ durationMinutes: (size) => (size <= 2 ? 75 : size <= 4 ? 90 : 110), closed: [], occupancyKnown: true });

function floor(line: LineParty[]): FloorState {
  return {
    tables: [table("a", 1, 2), table("b", 1, 2), table("c", 3, 4), table("d", 3, 6)],
    combinations: [{ tableIds: ["a", "b"], minSeats: 3, maxSeats: 4 }],
    seated: [
      { size: 2, seatedAt: NOW - 40 * MIN, tableIds: ["a"] },
      { size: 4, seatedAt: NOW - 10 * MIN, tableIds: ["c"] },
      { size: 6, seatedAt: NOW - 70 * MIN, tableIds: ["d"] },
    ],
    bookings: [{ partySize: 2, start: NOW + 60 * MIN, end: NOW + 150 * MIN, tableIds: ["b"] }],
    line,
  };
}

describe("joining: the estimate before joining is the one after", () => {
  for (const length of [0, 3, 12]) {
    it(`with ${length} parties in line, for every size that fits and from either source`, () => {
      const line = Array.from({ length }, (_, i) => party(`p${i}`, 1 + (i % 5)));
      const before = estimateLine(floor(line), model, NOW);
      for (const size of [1, 2, 3, 4, 5, 6]) {
        for (const source of ["host", "guest"] as const) {
          const after = estimateLine(floor([...line, party("new", size, source)]), model, NOW);
          expect(before.joining(size, source), `size ${size} from ${source}`).toEqual(after.byParty.get("new"));
        }
      }
      // No table seats eight: nothing to give, as the party in line gets none.
      expect(before.joining(8, "host")).toBeNull();
    });
  }

  it("behind more waiting parties than the host looks partiesAhead, a newcomer is held back: forNewParty would promise it too soon", () => {
    // Twelve sixes, who only the six-top seats: the couple's own two-tops turn long before the host reaches it.
    const line = Array.from({ length: 12 }, (_, i) => party(`p${i}`, 6));
    const before = estimateLine(floor(line), model, NOW);
    const after = estimateLine(floor([...line, party("new", 2, "guest")]), model, NOW);
    expect(before.joining(2, "guest")).toEqual(after.byParty.get("new"));
    expect(before.forNewParty(2)!.minutes).toBeLessThan(after.byParty.get("new")!.minutes);
  });
});
