// Walk-in estimates stretch when tables that could seat walk-ins are held for bookings soon.
import { describe, expect, it } from "vitest";
import { heldTableFactor } from "../../domain/reservations/estimates";
import type { Table } from "../../domain/reservations/model";

const M = 60_000;
const tables: Table[] = [
  { id: "a", name: "A", minSeats: 1, maxSeats: 2, area: "", active: true },
  { id: "b", name: "B", minSeats: 1, maxSeats: 2, area: "", active: true },
  { id: "c", name: "C", minSeats: 3, maxSeats: 4, area: "", active: true },
];
const duration = () => 90 * M;
const now = 1_000 * M;

describe("heldTableFactor", () => {
  it("is 1 with no bookings", () => {
    expect(heldTableFactor(tables, [], "1-2", now, duration)).toBe(1);
  });

  it("doubles the 1-2 interval when one of two 2-tops is held for a booking within the dining duration", () => {
    expect(heldTableFactor(tables, [{ start: now + 60 * M, end: now + 150 * M, tableIds: ["a"], status: "booked" }], "1-2", now, duration)).toBe(2);
  });

  it("ignores bookings that start after a walk-in seated now would have left", () => {
    expect(heldTableFactor(tables, [{ start: now + 91 * M, end: now + 180 * M, tableIds: ["a"], status: "booked" }], "1-2", now, duration)).toBe(1);
  });

  it("ignores seated, cancelled and completed bookings (seated ones count as seatings instead)", () => {
    for (const status of ["seated", "cancelled", "completed", "no_show"] as const) {
      expect(heldTableFactor(tables, [{ start: now, end: now + 90 * M, tableIds: ["a"], status }], "1-2", now, duration)).toBe(1);
    }
  });

  it("leaves other bands alone", () => {
    expect(heldTableFactor(tables, [{ start: now + 10 * M, end: now + 100 * M, tableIds: ["a"], status: "confirmed" }], "3-4", now, duration)).toBe(1);
  });

  it("is the number of fitting tables when all of them are held", () => {
    const held = ["a", "b"].map((id) => ({ start: now + 10 * M, end: now + 100 * M, tableIds: [id], status: "booked" as const }));
    expect(heldTableFactor(tables, held, "1-2", now, duration)).toBe(2);
  });
});
