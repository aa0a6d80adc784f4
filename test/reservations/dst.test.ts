// Through the API, on the days New York changes its clocks: no slot in the skipped hour, the
// repeated hour offered once, and every slot's UTC time matches its local time.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, localIso } from "./support";

const NIGHT = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "00:30", end: "03:30" }]]));

describe("availability across daylight-saving changes (America/New_York)", () => {
  it("spring forward (14 March 2027): no 02:xx slots, and 03:00 is 07:00 UTC", async () => {
    const p = await bookPlace({ settings: { hours: NIGHT, bookingWindowDays: 365, slotIntervalMinutes: 30 } });
    const res = await call("GET", `/api/public/locations/${p.slug}/availability?date=2027-03-14&partySize=2`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.slots).toEqual([
      { start: "2027-03-14T05:30:00.000Z", localTime: "00:30" },
      { start: "2027-03-14T06:00:00.000Z", localTime: "01:00" },
      { start: "2027-03-14T06:30:00.000Z", localTime: "01:30" },
      { start: "2027-03-14T07:00:00.000Z", localTime: "03:00" },
    ]);
  });

  it("fall back (7 November 2027): 01:00 and 01:30 once each, in EDT", async () => {
    const p = await bookPlace({ settings: { hours: NIGHT, bookingWindowDays: 365, slotIntervalMinutes: 30 } });
    const res = await call("GET", `/api/public/locations/${p.slug}/availability?date=2027-11-07&partySize=2`);
    expect(res.json.slots.map((s: any) => s.localTime)).toEqual(["00:30", "01:00", "01:30", "02:00", "02:30", "03:00"]);
    expect(res.json.slots[1].start).toBe("2027-11-07T05:00:00.000Z");
    expect(res.json.slots[3].start).toBe("2027-11-07T07:00:00.000Z");
  });

  it("a booking across the spring change lasts its real 90 minutes", async () => {
    const p = await bookPlace({ settings: { hours: NIGHT, bookingWindowDays: 365, slotIntervalMinutes: 30 } });
    const start = localIso("2027-03-14", "01:30", p.timezone);
    const res = await call("POST", `/api/public/locations/${p.slug}/reservations`, { body: { name: "Night owl", phone: "+14155550123", partySize: 2, start, smsConsent: false } });
    expect(res.status, res.text).toBe(201);
    expect(res.json.reservation).toMatchObject({ localTime: "01:30", end: "2027-03-14T08:00:00.000Z" });
  });
});
