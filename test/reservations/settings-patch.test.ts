// Booking rules are changed by PATCH, merged inside the location's DO in one call (docs/api-style.md,
// "Settings"): concurrent changes to different fields all stay, special dates merge by date (null
// removes one), weekdays merge by day, and a refused change leaves the rules as they were.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { bookPlace, dayFromNow } from "./support";

const patch = (p: { base: string; token: string }, body: unknown) => call("PATCH", `${p.base}/booking-settings`, { token: p.token, body });
const rules = async (p: { base: string; token: string }) => (await call("GET", `${p.base}/booking-settings`, { token: p.token })).json;

describe("PATCH booking settings", () => {
  it("keeps every one of several concurrent changes to different fields", async () => {
    const p = await bookPlace();
    const changes = [
      { cutoffMinutes: 45 },
      { reminderHours: 5 },
      { noShowGraceMinutes: 25 },
      { walkInPercent: 30 },
      { bookingWindowDays: 60 },
      { maxOnlinePartySize: 6 },
      { slotIntervalMinutes: 30 },
      { onlineBooking: false },
    ];
    const answers = await Promise.all(changes.map((c) => patch(p, c)));
    for (const a of answers) expect(a.status, a.text).toBe(200);
    expect(await rules(p)).toMatchObject(Object.assign({}, ...changes));
  });

  it("merges special dates by date, removes one sent as null, and merges weekdays by day", async () => {
    const p = await bookPlace();
    const [a, b, c] = [dayFromNow(3, p.timezone), dayFromNow(4, p.timezone), dayFromNow(5, p.timezone)];
    expect((await patch(p, { specialDates: { [a]: [], [b]: [{ start: "10:00", end: "11:00" }] } })).status).toBe(200);
    const after = await patch(p, { specialDates: { [a]: null, [c]: [] }, hours: { "1": [] } });
    expect(after.status, after.text).toBe(200);
    expect(after.json.specialDates).toEqual({ [b]: [{ start: "10:00", end: "11:00" }], [c]: [] });
    expect(after.json.hours["1"]).toEqual([]);
    expect(after.json.hours["2"]).toEqual([{ start: "12:00", end: "22:00" }]);
    expect(await rules(p)).toEqual(after.json);
  });

  it("refuses more than 366 special dates after the merge, changing nothing", async () => {
    const p = await bookPlace();
    const dates = (from: number, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [dayFromNow(from + i, p.timezone), []]));
    expect((await patch(p, { specialDates: dates(1, 300) })).status).toBe(200);
    const before = await rules(p);
    expectError(await patch(p, { specialDates: dates(301, 100), cutoffMinutes: 99 }), 400, "validation_failed");
    expect(await rules(p)).toEqual(before);
  });

  it("is no longer a PUT", async () => {
    const p = await bookPlace();
    const res = await call("PUT", `${p.base}/booking-settings`, { token: p.token, body: { cutoffMinutes: 10 } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await rules(p)).cutoffMinutes).toBe(0);
  });
});
