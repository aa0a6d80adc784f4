// Hours as guest pages state them: today's services, the next opening (across a closed day and a
// daylight-saving change) and the booking window's last date, in the location's zone.
import { describe, expect, it } from "vitest";
import { DEFAULT_BOOKING_SETTINGS } from "../../domain/reservations/model";
import { lastBookableDate, nextOpening, servicesToday } from "../../domain/reservations/opening";

const NY = "America/New_York";
const ROME = "Europe/Rome";

describe("opening hours for guest pages", () => {
  it("today's services are the local date's, not UTC's", () => {
    // 2026-12-05 02:00 UTC is still Friday evening, December 4, in New York.
    const at = Date.parse("2026-12-05T02:00:00Z");
    expect(servicesToday(DEFAULT_BOOKING_SETTINGS, at, NY)).toEqual(DEFAULT_BOOKING_SETTINGS.hours["5"]);
  });

  it("the next opening skips a closed Monday", () => {
    // Sunday 2026-12-06 22:00 in New York: Sunday's service is over, Monday is closed, Tuesday opens 17:00.
    const at = Date.parse("2026-12-07T03:00:00Z");
    expect(new Date(nextOpening(DEFAULT_BOOKING_SETTINGS, at, NY)!).toISOString()).toBe("2026-12-08T22:00:00.000Z");
  });

  it("the next opening is in local time across a daylight-saving change", () => {
    // Saturday 2027-03-27 23:30 in Rome (UTC+1); Sunday 28 opens 12:00 in summer time (UTC+2).
    const at = Date.parse("2027-03-27T22:30:00Z");
    expect(new Date(nextOpening(DEFAULT_BOOKING_SETTINGS, at, ROME)!).toISOString()).toBe("2027-03-28T10:00:00.000Z");
  });

  it("a special closed date counts, and no hours at all means no next opening", () => {
    const at = Date.parse("2026-12-07T03:00:00Z");
    const settings = { ...DEFAULT_BOOKING_SETTINGS, specialDates: { "2026-12-08": [] } };
    expect(new Date(nextOpening(settings, at, NY)!).toISOString()).toBe("2026-12-09T22:00:00.000Z");
    expect(nextOpening({ hours: {}, specialDates: {} }, at, NY)).toBeNull();
  });

  it("the booking window ends on the local date window days ahead", () => {
    const at = Date.parse("2026-12-02T16:00:00Z");
    expect(lastBookableDate({ bookingWindowDays: 60 }, at, NY)).toBe("2027-01-31");
    expect(lastBookableDate({ bookingWindowDays: 1 }, Date.parse("2026-12-02T23:30:00Z"), ROME)).toBe("2026-12-04");
  });
});
