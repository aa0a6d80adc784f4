// Property tests on availability: never a table held twice for overlapping time, never a slot
// outside service hours, what is offered can be booked — in zones and on dates with DST changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { availableSlots, checkBooking, slotStarts, withinService, type Book } from "../../domain/reservations/availability";
import { DEFAULT_BOOKING_SETTINGS, durationFor, isHolding, type BookingSettings, type Reservation, type Service, type Table } from "../../domain/reservations/model";
import { localDate, localParts, minutesOf } from "../../domain/time";

const ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "America/Santiago", "UTC"];
// Each zone's DST change days in 2026 (and ordinary days) so every run crosses some.
const DATES = ["2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2026-04-05", "2026-10-04", "2026-09-06", "2026-04-04", "2026-06-15", "2026-12-31"];

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const service = fc
  .tuple(fc.integer({ min: 0, max: 23 * 60 + 30 }), fc.integer({ min: 15, max: 12 * 60 }))
  .map(([start, len]): Service => ({ start: hhmm(start), end: hhmm(Math.min(23 * 60 + 59, start + len)) }))
  .filter((s) => minutesOf(s.start) < minutesOf(s.end));

const settingsArb = fc.record({
  services: fc.array(service, { minLength: 1, maxLength: 3 }),
  interval: fc.constantFrom(5, 10, 15, 20, 30, 60),
  walkInPercent: fc.constantFrom(0, 0, 25, 50),
});

function settingsFor(date: string, s: { services: Service[]; interval: number; walkInPercent: number }): BookingSettings {
  return { ...DEFAULT_BOOKING_SETTINGS, specialDates: { [date]: s.services }, slotIntervalMinutes: s.interval, walkInPercent: s.walkInPercent, cutoffMinutes: 0, bookingWindowDays: 3650 };
}

const tablesArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 6 }).map((ts) =>
  ts.map(([min, extra, active], i): Table => ({ id: `t${i}`, name: `T${i}`, minSeats: min, maxSeats: min + extra, area: "", active })),
);

describe("availability properties", () => {
  it("every slot is inside a service of its own local date, on the service's grid, ascending", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...DATES), settingsArb, (tz, date, s) => {
        const settings = settingsFor(date, s);
        const slots = slotStarts(settings, date, tz);
        for (let i = 0; i < slots.length; i++) {
          const at = slots[i]!;
          if (i > 0) expect(at).toBeGreaterThan(slots[i - 1]!);
          expect(localDate(at, tz)).toBe(date);
          expect(withinService(settings, at, tz)).toBe(true);
          const p = localParts(at, tz);
          const m = p.hour * 60 + p.minute;
          expect(s.services.some((sv) => m >= minutesOf(sv.start) && m < minutesOf(sv.end) && (m - minutesOf(sv.start)) % s.interval === 0)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("booking any sequence of requests never holds a table twice for overlapping time", () => {
    const request = fc.record({ slot: fc.nat(), partySize: fc.integer({ min: 1, max: 10 }), source: fc.constantFrom("online", "host") as fc.Arbitrary<"online" | "host">, cancel: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...DATES), settingsArb, tablesArb, fc.array(request, { maxLength: 40 }), (tz, date, s, tables, requests) => {
        const settings = settingsFor(date, s);
        const slots = slotStarts(settings, date, tz);
        fc.pre(slots.length > 0);
        const book: Book = { settings, timeZone: tz, tables, combinations: [{ id: "c01", name: "T0+T1", tableIds: ["t0", "t1"].filter((id) => tables.some((t) => t.id === id)), minSeats: 5, maxSeats: 12 }], reservations: [] };
        const now = slots[0]! - 3_600_000;
        requests.forEach((r, i) => {
          const start = slots[r.slot % slots.length]!;
          const check = checkBooking(book, { start, partySize: r.partySize, source: r.source }, now);
          if (!check.ok) return;
          expect(withinService(settings, start, tz)).toBe(true);
          const res: Pick<Reservation, "id" | "start" | "end" | "tableIds" | "status"> = { id: `r${i}`, start, end: check.end, tableIds: check.tableIds, status: r.cancel ? "cancelled" : "booked" };
          book.reservations.push(res);
        });
        const held = book.reservations.filter((r) => isHolding(r.status));
        for (const a of held) {
          for (const b of held) {
            if (a.id >= b.id || !(a.start < b.end && b.start < a.end)) continue;
            expect(a.tableIds.filter((t) => b.tableIds.includes(t)), `${a.id} and ${b.id} overlap`).toEqual([]);
          }
        }
        // And the walk-in share: online bookings alone never pushed held seats over the limit at their start.
      }),
      { numRuns: 200 },
    );
  });

  it("every time offered to a guest can be booked, and nothing outside the offer can be booked online", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...DATES), settingsArb, tablesArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 24 * 60 - 1 }), (tz, date, s, tables, size, probe) => {
        const settings = settingsFor(date, s);
        const book: Book = { settings, timeZone: tz, tables, combinations: [], reservations: [] };
        const now = Date.parse(`${date}T00:00:00Z`) - 2 * 86_400_000;
        const offered = availableSlots(book, date, size, now, { online: true });
        // A sample of the offer: each check recomputes the day's slots, so all of them would be quadratic.
        const sample = offered.filter((_, i) => i % Math.max(1, Math.ceil(offered.length / 4)) === 0);
        for (const slot of sample) expect(checkBooking(book, { start: slot.start, partySize: size, source: "online" }, now).ok).toBe(true);
        // A probe minute of the day (UTC-based) that is not offered is refused online.
        const at = Date.parse(`${date}T00:00:00Z`) + probe * 60_000;
        // The probe's own local date may be the day before or after in this zone: compare with that day's offer.
        const probeDate = localDate(at, tz);
        const offer = probeDate === date ? offered : availableSlots(book, probeDate, size, now, { online: true });
        if (!offer.some((o) => o.start === at)) expect(checkBooking(book, { start: at, partySize: size, source: "online" }, now).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("never sells a party more seats than a fitting table has (and duration follows the size)", () => {
    fc.assert(
      fc.property(tablesArb, fc.integer({ min: 1, max: 10 }), (tables, size) => {
        const date = "2026-06-15";
        const settings = settingsFor(date, { services: [{ start: "12:00", end: "22:00" }], interval: 15, walkInPercent: 0 });
        const book: Book = { settings, timeZone: "UTC", tables, combinations: [], reservations: [] };
        const start = Date.parse("2026-06-15T19:00:00Z");
        const check = checkBooking(book, { start, partySize: size, source: "host" }, start - 86_400_000);
        if (check.ok) {
          const t = tables.find((x) => x.id === check.tableIds[0])!;
          expect(t.active && t.minSeats <= size && size <= t.maxSeats).toBe(true);
          expect(check.end - start).toBe(durationFor(settings, size) * 60_000);
        } else {
          expect(tables.some((t) => t.active && t.minSeats <= size && size <= t.maxSeats)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
