// The setup forms' own checks agree with the API's (the same rules at the same paths), so an error
// shows at the field before anything is sent; and the API's answers map onto the fields.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BookingSettingsInput } from "../../src/routes/reservation-schemas";
import { DEFAULT_BOOKING_SETTINGS } from "../../domain/reservations/model";
import { ApiError } from "../../web/src/shared/api-error";
import { NUMBERS, ruleErrors, rulesOf } from "../../web/src/host/settings/booking-rules-model";
import { errorAt, formFailure } from "../../web/src/host/settings/field-errors";
import { hoursErrors, nextService, WEEK, weekdayName } from "../../web/src/host/settings/hours-model";

const apiPaths = (body: unknown) => {
  const r = BookingSettingsInput.safeParse(body);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.map(String).join(".")))].sort();
};

describe("opening hours", () => {
  it("names the weekdays Monday first with the API's keys", () => {
    expect(WEEK.map((d) => weekdayName(d, "en-GB"))).toEqual(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
  });

  it("finds what the API refuses, at the API's paths (one service a day, valid or not)", () => {
    const time = fc.oneof(fc.constantFrom("00:00", "09:30", "12:00", "17:00", "23:59", "24:00", "7:00", "12:60", "", "noon"), fc.integer({ min: 0, max: 1439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`));
    fc.assert(
      fc.property(fc.constantFrom(...WEEK), time, time, (day, start, end) => {
        const hours = { [day]: [{ start, end }] };
        const mine = Object.keys(hoursErrors(hours, {})).sort();
        return JSON.stringify(mine) === JSON.stringify(apiPaths({ hours }));
      }),
      { numRuns: 300 },
    );
  });

  it("also catches services that overlap, which the API would take", () => {
    const hours = { "5": [{ start: "12:00", end: "15:00" }, { start: "14:00", end: "22:00" }] };
    expect(apiPaths({ hours })).toEqual([]);
    expect(hoursErrors(hours, {})).toEqual({ "hours.5.1": "Starts before the service above it ends." });
  });

  it("checks special dates the same way, under their date", () => {
    const specialDates = { "2026-12-24": [{ start: "18:00", end: "17:00" }], "2026-12-25": [] };
    expect(Object.keys(hoursErrors({}, specialDates))).toEqual(apiPaths({ specialDates }));
    expect(hoursErrors({}, specialDates)).toEqual({ "specialDates.2026-12-24.0": "A service must end after it starts (same day)." });
  });

  it("suggests the next service after the day's last one", () => {
    expect(nextService([])).toEqual({ start: "17:00", end: "22:00" });
    expect(nextService([{ start: "12:00", end: "14:30" }])).toEqual({ start: "15:30", end: "18:30" });
  });
});

describe("booking rules", () => {
  it("the defaults pass both checks", () => {
    expect(ruleErrors(rulesOf(DEFAULT_BOOKING_SETTINGS))).toEqual({});
    expect(apiPaths(rulesOf(DEFAULT_BOOKING_SETTINGS))).toEqual([]);
  });

  it("finds what the API refuses, at the API's paths, for any numbers", () => {
    const n = fc.integer({ min: -5, max: 800 });
    fc.assert(
      fc.property(fc.record(Object.fromEntries(NUMBERS.map((x) => [x.key, n]))), fc.array(fc.record({ maxPartySize: n, minutes: n }), { minLength: 1, maxLength: 4 }), (numbers, durations) => {
        // Sizes the form would call duplicates are the form's own rule (the API takes the first).
        const unique = durations.filter((d, i) => durations.findIndex((e) => e.maxPartySize === d.maxPartySize) === i);
        const draft = { ...rulesOf(DEFAULT_BOOKING_SETTINGS), ...numbers, durations: unique };
        return JSON.stringify(Object.keys(ruleErrors(draft)).sort()) === JSON.stringify(apiPaths(draft));
      }),
      { numRuns: 300 },
    );
  });

  it("a blank field is an error at that field, not a 0 sent", () => {
    expect(ruleErrors({ ...rulesOf(DEFAULT_BOOKING_SETTINGS), cutoffMinutes: null })).toEqual({ cutoffMinutes: "Enter a number." });
  });
});

describe("API errors on the form", () => {
  const err = new ApiError(400, "validation_failed", "The request body is not valid.", [
    { path: "hours.2.0.start", message: "Use HH:MM (24-hour)." },
    { path: "hours.2.0.end", message: "Use HH:MM (24-hour)." },
    { path: "(body)", message: "Send at least one setting." },
  ]);

  it("puts each detail at its field and the rest above the form", () => {
    const f = formFailure(err, (p) => p.startsWith("hours."));
    expect(f.fields).toEqual({ "hours.2.0.start": "Use HH:MM (24-hour).", "hours.2.0.end": "Use HH:MM (24-hour)." });
    expect(f.message).toBe("Send at least one setting.");
    expect(errorAt(f.fields, "hours.2.0")).toBe("Use HH:MM (24-hour).");
    expect(errorAt(f.fields, "hours.3")).toBeUndefined();
  });

  it("says how many fields to check when every detail found its field, and keeps the API's message otherwise", () => {
    expect(formFailure(err, () => true).message).toBe("Check the 3 highlighted fields: nothing was saved.");
    expect(formFailure(new ApiError(409, "conflict", "This table has upcoming reservations."), () => true)).toEqual({ fields: {}, message: "This table has upcoming reservations." });
    expect(formFailure(new Error("boom"), () => true).message).toBe("Something went wrong. Try again.");
  });
});
