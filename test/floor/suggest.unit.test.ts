// The floor's pure rules (domain/tables/floor.ts): the suggestion and the seat checks.
import { describe, expect, it } from "vitest";
import { DEFAULT_BOOKING_SETTINGS, type Table } from "../../domain/reservations/model";
import { checkSeat, floorTables, suggestTables, type FloorInput } from "../../domain/tables/floor";

const T = Date.parse("2026-12-05T19:00:00Z");
const MIN = 60_000;
const table = (id: string, minSeats: number, maxSeats: number, area = "", active = true): Table => ({ id, name: id, minSeats, maxSeats, area, active });
const input = (over: Partial<FloorInput> = {}): FloorInput => ({
  tables: [table("two", 1, 2), table("four", 2, 4), table("six", 4, 6, "Patio"), table("off", 1, 8, "", false)],
  combinations: [{ id: "c", name: "two+four", tableIds: ["two", "four"], minSeats: 5, maxSeats: 6 }],
  occupancy: [],
  reservations: [],
  settings: DEFAULT_BOOKING_SETTINGS,
  ...over,
});
const hold = (tableIds: string[], startIn: number, minutes = 90) => ({ id: `r${startIn}`, name: "Booker", partySize: 2, start: T + startIn * MIN, end: T + (startIn + minutes) * MIN, tableIds, status: "booked" as const });

describe("suggestTables", () => {
  it("picks the smallest free fit, never an inactive table", () => {
    expect(suggestTables(input(), { partySize: 2, durationMinutes: 90 }, T)?.tableIds).toEqual(["two"]);
    expect(suggestTables(input(), { partySize: 7, durationMinutes: 120 }, T)).toBeNull();
  });

  it("prefers a single table to a combination of the same size, and the area asked for", () => {
    expect(suggestTables(input(), { partySize: 5, durationMinutes: 120 }, T)?.tableIds).toEqual(["six"]);
    // A preference: nothing on the patio seats three, so the best table elsewhere.
    expect(suggestTables(input(), { partySize: 3, durationMinutes: 105, area: "Patio" }, T)?.tableIds).toEqual(["four"]);
    expect(suggestTables(input(), { partySize: 4, durationMinutes: 105, area: "Patio" }, T)?.tableIds).toEqual(["six"]);
  });

  it("skips occupied tables and tables held by a booking within the dining duration, not one after it", () => {
    const occupied = input({ occupancy: [{ tableId: "two", kind: "party", partyId: "p", name: "A", partySize: 2, seatedAt: T }] });
    expect(suggestTables(occupied, { partySize: 2, durationMinutes: 90 }, T)?.tableIds).toEqual(["four"]);
    expect(suggestTables(input({ reservations: [hold(["two"], 60)] }), { partySize: 2, durationMinutes: 90 }, T)?.tableIds).toEqual(["four"]);
    expect(suggestTables(input({ reservations: [hold(["two"], 95)] }), { partySize: 2, durationMinutes: 90 }, T)?.tableIds).toEqual(["two"]);
    // The booking being seated does not hold its own table against itself.
    expect(suggestTables(input({ reservations: [hold(["two"], 0)] }), { partySize: 2, durationMinutes: 90, exceptReservationId: "r0" }, T)?.tableIds).toEqual(["two"]);
  });
});

describe("checkSeat and floorTables", () => {
  it("gives each refusal its reason", () => {
    const occupied = input({ occupancy: [{ tableId: "two", kind: "party", partyId: "p", name: "A", partySize: 2, seatedAt: T }] });
    const reason = (i: FloorInput, ids: string[], size: number) => checkSeat(i, ids, { partySize: size, durationMinutes: 90 }, T)?.details[0]?.reason ?? null;
    expect(reason(input(), ["nope"], 2)).toBe("unknown");
    expect(reason(occupied, ["two"], 2)).toBe("occupied");
    expect(reason(input(), ["off"], 2)).toBe("inactive");
    expect(reason(input(), ["two"], 3)).toBe("too_small");
    expect(reason(input({ reservations: [hold(["four"], 30)] }), ["four"], 3)).toBe("held");
    expect(reason(input(), ["two", "four"], 6)).toBeNull();
  });

  it("shows seated over held, held only within the table's dining time, and the next hold either way", () => {
    const i = input({ reservations: [hold(["two"], 60), hold(["four"], 200)], occupancy: [{ tableId: "six", kind: "reservation", partyId: "x", name: "Cy", partySize: 5, seatedAt: T - 10 * MIN }] });
    const byId = Object.fromEntries(floorTables(i, T).map((t) => [t.id, t]));
    expect(byId.two!.status).toBe("held");
    expect(byId.four).toMatchObject({ status: "free", nextHold: { startAt: T + 200 * MIN } });
    expect(byId.six).toMatchObject({ status: "seated", party: { name: "Cy", expectedEndAt: T - 10 * MIN + 120 * MIN } });
    expect(byId.off!.status).toBe("inactive");
  });
});
