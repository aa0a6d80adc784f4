// Issue 22: the display board's view as a pure function: masked labels, who is called and next, and
// the waits; nothing else of a party.
import { describe, expect, it } from "vitest";
import { BOARD_CALLED_MAX, BOARD_NEXT_MAX, boardNumber, boardView, maskedName } from "../../domain/waitlist/board";

describe("maskedName", () => {
  it.each([
    ["Ana Garcia", "Ana G."],
    ["  Ana   Garcia Lopez ", "Ana L."],
    ["Garcia", "G."],
    ["émile zola", "émile Z."],
    ["Maximilianusss Adalbert", "Maximilianus A."],
    ["   ", "?"],
  ])("%j → %j", (name, label) => expect(maskedName(name)).toBe(label));
});

describe("boardNumber", () => {
  it("is three digits, the same for the same id", () => {
    const id = "3f0c9a52-7d1e-4b6a-9c3e-0a1b2c3d4e5f";
    expect(boardNumber(id)).toMatch(/^\d{3}$/);
    expect(boardNumber(id)).toBe(boardNumber(id));
  });
});

describe("boardView", () => {
  const party = (i: number, state: string, notifiedAt: number | null = null) => ({ id: `id-${i}`, name: `Guest${i} Family${i}`, partySize: i, status: state, rank: i, notifiedAt, phone: "+14155550100", notes: "secret" });
  it("lists the most recently called first and the next waiting in line order, capped", () => {
    const parties = [
      ...Array.from({ length: 8 }, (_, i) => party(i + 1, "notified", 1000 + i)),
      ...Array.from({ length: 7 }, (_, i) => party(20 + i, "waiting")),
      party(40, "seated"),
    ];
    const v = boardView(parties, "name", { open: true, estimates: [{ partySize: 2, estimatedWaitMinutes: 10 }] });
    expect(v.called).toHaveLength(BOARD_CALLED_MAX);
    expect(v.called[0]).toEqual({ label: "Guest8 F.", partySize: 8 });
    expect(v.next).toHaveLength(BOARD_NEXT_MAX);
    expect(v.next[0]).toEqual({ label: "Guest20 F.", partySize: 20 });
    expect(v.waits).toEqual([{ partySize: 2, estimatedWaitMinutes: 10 }]);
    expect(JSON.stringify(v)).not.toMatch(/Family|secret|4155550100|id-/);
  });
});
