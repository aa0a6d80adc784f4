// The schedule follows the book: a moved booking gets a new reminder and no-show time; new booking
// rules reschedule bookings already made; a cancelled booking has nothing pending.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { booked, bookPlace, dayFromNow, localIso, reservationAct, scheduleRows } from "./support";

const MIN = 60_000;

async function place() {
  const p = await bookPlace();
  const date = dayFromNow(3, p.timezone);
  const r = await booked(p, { start: localIso(date, "19:00", p.timezone), phone: "+14155550142", smsConsent: true });
  return { p, date, r };
}

describe("the schedule follows the book", () => {
  it("a host booking with consent gets a reminder too", async () => {
    const { p, r } = await place();
    expect((await scheduleRows(p.stub)).map((x) => [x.kind, x.ref])).toEqual([
      ["reminder", r.id],
      ["no_show", r.id],
    ]);
  });

  it("moving the booking moves its reminder and no-show", async () => {
    const { p, date, r } = await place();
    const later = localIso(date, "21:00", p.timezone);
    expect((await call("PATCH", `${p.base}/reservations/${r.id}`, { token: p.token, body: { start: later } })).status).toBe(200);
    expect((await scheduleRows(p.stub)).map((x) => x.due_at)).toEqual([Date.parse(later) - 120 * MIN, Date.parse(later) + 15 * MIN]);
  });

  it("new reminder hours and grace apply to bookings already made", async () => {
    const { p, r } = await place();
    expect((await call("PATCH", `${p.base}/booking-settings`, { token: p.token, body: { reminderHours: 0, noShowGraceMinutes: 30 } })).status).toBe(200);
    expect((await scheduleRows(p.stub)).map((x) => [x.kind, x.due_at])).toEqual([["no_show", Date.parse(r.start) + 30 * MIN]]);
  });

  it("a cancelled or arrived booking has nothing pending", async () => {
    const { p, r } = await place();
    await reservationAct(p, r.id, "cancel");
    expect(await scheduleRows(p.stub)).toEqual([]);
    const again = await booked(p, { start: localIso(dayFromNow(4, p.timezone), "19:00", p.timezone) });
    await reservationAct(p, again.id, "arrive");
    expect(await scheduleRows(p.stub)).toEqual([]);
  });
});
