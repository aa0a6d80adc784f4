// Booking rules: service hours and special dates, window, largest online party, walk-in share.
import { describe, expect, it } from "vitest";
import { DEFAULT_BOOKING_SETTINGS } from "../../domain/reservations/model";
import { call } from "../helpers/api";
import { bookPlace, dayFromNow, hostBook, localIso, publicBook } from "./support";

async function times(p: Awaited<ReturnType<typeof bookPlace>>, date: string, size = 2): Promise<string[]> {
  const res = await call("GET", `/api/public/locations/${p.slug}/availability?date=${date}&partySize=${size}`);
  expect(res.status, res.text).toBe(200);
  return res.json.slots.map((s: any) => s.localTime);
}

describe("booking settings", () => {
  it("a new location starts with the defaults", async () => {
    const p = await bookPlace();
    const fresh = await call("GET", `/api/locations/${p.locationId}/booking-settings`, { token: p.token });
    expect(fresh.json).toEqual({ ...DEFAULT_BOOKING_SETTINGS, hours: fresh.json.hours, cutoffMinutes: 0 });
    expect(fresh.json.reminderHours).toBe(2);
    expect(fresh.json.noShowGraceMinutes).toBe(15);
  });

  it("several services a day, at the slot interval", async () => {
    const p = await bookPlace({ settings: { hours: Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "12:00", end: "13:00" }, { start: "18:00", end: "19:00" }]])), slotIntervalMinutes: 30 } });
    expect(await times(p, dayFromNow(2, p.timezone))).toEqual(["12:00", "12:30", "18:00", "18:30"]);
  });

  it("a special date can be closed or have its own hours", async () => {
    const closed = dayFromNow(2, "America/New_York");
    const special = dayFromNow(3, "America/New_York");
    const p = await bookPlace({ settings: { specialDates: { [closed]: [], [special]: [{ start: "10:00", end: "11:00" }] } } });
    expect(await times(p, closed)).toEqual([]);
    expect(await times(p, special)).toEqual(["10:00", "10:15", "10:30", "10:45"]);
    expect((await publicBook(p, { start: localIso(closed, "19:00", p.timezone) })).status).toBe(400);
  });

  it("a closed weekday offers nothing", async () => {
    // Weekdays merge by day (PATCH): each is closed with [].
    const p = await bookPlace({ settings: { hours: Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, []])) } });
    expect(await times(p, dayFromNow(2, p.timezone))).toEqual([]);
  });

  it("nothing is offered beyond the booking window", async () => {
    const p = await bookPlace({ settings: { bookingWindowDays: 3 } });
    expect((await times(p, dayFromNow(2, p.timezone))).length).toBeGreaterThan(0);
    expect(await times(p, dayFromNow(5, p.timezone))).toEqual([]);
  });

  it("online bookings leave the walk-in share free; hosts can still book it", async () => {
    const p = await bookPlace({ tables: [["A", 1, 2], ["B", 1, 2]], settings: { walkInPercent: 50 } });
    const start = localIso(dayFromNow(2, p.timezone), "19:00", p.timezone);
    expect((await publicBook(p, { start })).status).toBe(201);
    const second = await publicBook(p, { start });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe("slot_unavailable");
    expect((await hostBook(p, { start })).status).toBe(201);
  });

  it("online booking switched off: no times, and a booking is refused", async () => {
    const p = await bookPlace({ settings: { onlineBooking: false } });
    const date = dayFromNow(2, p.timezone);
    expect((await publicBook(p, { start: localIso(date, "19:00", p.timezone) })).status).toBe(400);
    expect((await hostBook(p, { start: localIso(date, "19:00", p.timezone) })).status).toBe(201);
  });

  it("the cut-off hides times too close to now", async () => {
    const p = await bookPlace({ settings: { cutoffMinutes: 24 * 60 * 3 } });
    expect(await times(p, dayFromNow(2, p.timezone))).toEqual([]);
  });
});
