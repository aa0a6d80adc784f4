// Bookings in insights, through the real book: seats booked against seats offered per service, by
// who booked; a booking moved to another day leaves the first day's figures.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { booked, bookPlace, dayFromNow, localIso, reservationAct, type BookPlace } from "../reservations/support";

async function drain(p: BookPlace) {
  for (let i = 0; i < 10; i++) {
    const n = await runInDurableObject(p.stub, (_i, s) => s.storage.sql.exec("SELECT (SELECT COUNT(*) FROM reservation_outbox) + (SELECT COUNT(*) FROM outbox) AS n").one().n as number);
    if (n === 0) return;
    await runDurableObjectAlarm(p.stub);
  }
  throw new Error("outbox not drained");
}

const bookings = async (p: BookPlace, date: string) => {
  const res = await call("GET", `/api/insights/bookings?from=${date}&to=${date}&locationId=${p.locationId}`, { token: p.token });
  expect(res.status, res.text).toBe(200);
  return res.json;
};

describe("bookings insights", () => {
  it("seats booked against offered for the day's service, cancellations and no-shows, by source", async () => {
    const p = await bookPlace(); // 12:00-22:00 every day; a 2-top (90 min) and a 4-top (105 min)
    const date = dayFromNow(2, p.timezone);
    const a = await booked(p, { name: "A", partySize: 2, start: localIso(date, "12:00", p.timezone) });
    await booked(p, { name: "B", partySize: 4, start: localIso(date, "19:00", p.timezone) });
    const c = await booked(p, { name: "C", partySize: 2, start: localIso(date, "20:00", p.timezone) });
    expect((await reservationAct(p, c.id, "cancel")).status).toBe(200);
    await drain(p);
    const r = await bookings(p, date);
    // Offered: 2-top floor((600+90)/90) = 7 turns → 14 seats; 4-top floor((600+105)/105) = 6 → 24 seats.
    expect(r.services).toEqual([{ service: "12:00–22:00", offeredSeats: 38, bookings: 3, seatsBooked: 6, seatsBookedShare: 0.1579, cancelled: 1, noShow: 0 }]);
    expect(r.bySource).toEqual([
      { source: "online", bookings: 0, seats: 0 },
      { source: "host", bookings: 3, seats: 8 },
      { source: "api", bookings: 0, seats: 0 },
    ]);
    const drop = await call("GET", `/api/insights/drop_off?from=${date}&to=${date}&locationId=${p.locationId}`, { token: p.token });
    expect(drop.json.bookings).toEqual({ bookings: 3, cancelled: 1, noShow: 0, cancelledShare: 0.3333, noShowShare: 0 });
    const waits = await call("GET", `/api/insights/waits?from=${date}&to=${date}&locationId=${p.locationId}`, { token: p.token });
    const due = waits.json.demand.filter((d: any) => d.parties > 0).map((d: any) => [d.hour, d.parties, d.guests]);
    expect(due).toEqual([[12, 1, 2], [19, 1, 4]]); // the cancelled one is no demand

    // Moving A to the next day: the first day no longer counts it, the next day does.
    const next = dayFromNow(3, p.timezone);
    const moved = await call("PATCH", `${p.base}/reservations/${a.id}`, { token: p.token, body: { start: localIso(next, "13:00", p.timezone) } });
    expect(moved.status, moved.text).toBe(200);
    await drain(p);
    expect((await bookings(p, date)).services[0]).toMatchObject({ bookings: 2, seatsBooked: 4 });
    expect((await bookings(p, next)).services[0]).toMatchObject({ bookings: 1, seatsBooked: 2 });
  });
});
