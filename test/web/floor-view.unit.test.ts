// The host screen's floor (web/src/host/floor-view.ts): REST times to epoch ms, areas, status in words.
import { describe, expect, it } from "vitest";
import { byArea, fromRestFloor, statusLine, type FloorTable } from "../../web/src/host/floor-view";

const base: FloorTable = { id: "t1", name: "T1", area: "", minSeats: 1, maxSeats: 4, active: true, status: "free", party: null, nextHold: null };
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const T = Date.parse("2026-12-05T19:00:00Z");

describe("floor view", () => {
  it("reads the REST floor's ISO times as epoch ms", () => {
    const [t] = fromRestFloor([{ ...base, status: "seated", party: { kind: "party", id: "p", name: "Ana", partySize: 2, seatedAt: "2026-12-05T19:00:00.000Z", expectedEndAt: "2026-12-05T20:30:00.000Z", tableIds: ["t1"] }, nextHold: { reservationId: "r", name: "Bo", partySize: 2, startAt: "2026-12-05T21:00:00.000Z" } }]);
    expect(t!.party!.seatedAt).toBe(T);
    expect(t!.nextHold!.startAt).toBe(T + 120 * 60_000);
  });

  it("groups tables by area in first-seen order, unnamed areas under Tables", () => {
    const groups = byArea([{ ...base, id: "a", area: "Patio" }, { ...base, id: "b" }, { ...base, id: "c", area: "Patio" }]);
    expect(groups.map((g) => [g.area, g.tables.map((t) => t.id)])).toEqual([["Patio", ["a", "c"]], ["Tables", ["b"]]]);
  });

  it("says who sits there, since when and until when; a held table says for whom and when", () => {
    const seated: FloorTable = { ...base, status: "seated", party: { kind: "party", id: "p", name: "Ana", partySize: 3, seatedAt: T, expectedEndAt: T + 105 * 60_000, tableIds: ["t1"] } };
    expect(statusLine(seated, hhmm, T + 20 * 60_000)).toBe("Ana (3) · seated 19:00, 20 min ago · expected to leave 20:45");
    expect(statusLine(seated, hhmm, T + 115 * 60_000)).toBe("Ana (3) · seated 19:00, 115 min ago · 10 min past the expected end (20:45)");
    const held: FloorTable = { ...base, status: "held", nextHold: { reservationId: "r", name: "Bo", partySize: 2, startAt: T + 30 * 60_000 } };
    expect(statusLine(held, hhmm, T)).toBe("Held for Bo (2) at 19:30");
    expect(statusLine({ ...base, status: "inactive", active: false }, hhmm, T)).toBe("Not in use");
    expect(statusLine(base, hhmm, T)).toBe("1–4 seats");
  });
});
