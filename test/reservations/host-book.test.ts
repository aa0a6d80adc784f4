// Hosts run the day's book over REST: create, edit, move to another table or time, act on it.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { booked, bookPlace, dayFromNow, hostBook, localIso, reservationAct } from "./support";

describe("the host's book", () => {
  it("creates a reservation on the best-fitting free table, with the dining duration for its size", async () => {
    const p = await bookPlace();
    const date = dayFromNow(2, p.timezone);
    const res = await hostBook(p, { name: "Garcia", partySize: 4, start: localIso(date, "19:00", p.timezone), phone: "212 555 0100", notes: "window", tags: ["vip"] });
    expect(res.status, res.text).toBe(201);
    expect(res.json.reservation).toMatchObject({
      name: "Garcia",
      phone: "+12125550100",
      email: null,
      partySize: 4,
      notes: "window",
      tags: ["vip"],
      start: localIso(date, "19:00", p.timezone),
      end: localIso(date, "20:45", p.timezone),
      durationMinutes: 105,
      tableIds: [p.tables[1]!.id],
      status: "booked",
      source: "host",
      smsConsent: false,
    });
    expect(res.json.reservation.version).toEqual(expect.any(Number));
  });

  it("lists only the asked local date, in start order", async () => {
    const p = await bookPlace();
    const d1 = dayFromNow(2, p.timezone);
    const d2 = dayFromNow(3, p.timezone);
    await booked(p, { name: "Late", start: localIso(d1, "21:00", p.timezone) });
    await booked(p, { name: "Early", start: localIso(d1, "12:00", p.timezone) });
    await booked(p, { name: "Other day", start: localIso(d2, "12:00", p.timezone) });
    const res = await call("GET", `${p.base}/reservations?date=${d1}`, { token: p.token });
    expect(res.json.reservations.map((r: any) => r.name)).toEqual(["Early", "Late"]);
    expect(res.json.timezone).toBe("America/New_York");
  });

  it("defaults to today's local date", async () => {
    const p = await bookPlace();
    const res = await call("GET", `${p.base}/reservations`, { token: p.token });
    expect(res.status).toBe(200);
    expect(res.json.date).toBe(dayFromNow(0, p.timezone));
  });

  it("moves a reservation to another table, and refuses a table already taken (409 table_conflict)", async () => {
    const p = await bookPlace({ tables: [["A", 1, 4], ["B", 1, 4]] });
    const date = dayFromNow(2, p.timezone);
    const first = await booked(p, { start: localIso(date, "19:00", p.timezone) });
    const second = await booked(p, { start: localIso(date, "19:30", p.timezone) });
    expect(first.tableIds).not.toEqual(second.tableIds);
    const clash = await call("PATCH", `${p.base}/reservations/${second.id}`, { token: p.token, body: { tableIds: first.tableIds } });
    expect(clash.status).toBe(409);
    expect(clash.json.error.code).toBe("table_conflict");
    const later = await call("PATCH", `${p.base}/reservations/${second.id}`, { token: p.token, body: { tableIds: first.tableIds, start: localIso(date, "21:00", p.timezone) } });
    expect(later.status, later.text).toBe(200);
    expect(later.json.reservation.tableIds).toEqual(first.tableIds);
    expect(later.json.reservation.start).toBe(localIso(date, "21:00", p.timezone));
  });

  it("moves a reservation to another time, keeping its table when it is free", async () => {
    const p = await bookPlace();
    const date = dayFromNow(2, p.timezone);
    const r = await booked(p, { start: localIso(date, "19:00", p.timezone) });
    const res = await call("PATCH", `${p.base}/reservations/${r.id}`, { token: p.token, body: { start: localIso(date, "13:00", p.timezone), name: "Renamed" } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.reservation).toMatchObject({ name: "Renamed", start: localIso(date, "13:00", p.timezone), tableIds: r.tableIds });
    expect(res.json.reservation.version).toBeGreaterThan(r.version);
  });

  it("runs booked → confirmed → arrived → seated → completed", async () => {
    const p = await bookPlace();
    const r = await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    for (const [action, status] of [["confirm", "confirmed"], ["arrive", "arrived"], ["seat", "seated"], ["complete", "completed"]]) {
      const res = await reservationAct(p, r.id, action!);
      expect(res.status, res.text).toBe(200);
      expect(res.json.reservation.status).toBe(status);
    }
  });

  it("answers 409 invalid_transition for an action that does not fit", async () => {
    const p = await bookPlace();
    const r = await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    expect((await reservationAct(p, r.id, "cancel")).status).toBe(200);
    const res = await reservationAct(p, r.id, "seat");
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("invalid_transition");
  });

  it("a completed reservation frees its table for the rest of its time", async () => {
    const p = await bookPlace({ tables: [["Only", 1, 4]] });
    const date = dayFromNow(2, p.timezone);
    const r = await booked(p, { start: localIso(date, "19:00", p.timezone) });
    expect((await hostBook(p, { start: localIso(date, "19:30", p.timezone) })).status).toBe(409);
    await reservationAct(p, r.id, "seat");
    await reservationAct(p, r.id, "complete");
    expect((await hostBook(p, { start: localIso(date, "19:30", p.timezone) })).status).toBe(201);
  });

  it("a cancelled reservation frees its table", async () => {
    const p = await bookPlace({ tables: [["Only", 1, 4]] });
    const date = dayFromNow(2, p.timezone);
    const r = await booked(p, { start: localIso(date, "19:00", p.timezone) });
    await reservationAct(p, r.id, "cancel");
    expect((await hostBook(p, { start: localIso(date, "19:00", p.timezone) })).status).toBe(201);
  });

  it("a host can leave a reservation unassigned with tableIds: []", async () => {
    const p = await bookPlace({ tables: [["Only", 1, 4]] });
    const date = dayFromNow(2, p.timezone);
    await booked(p, { start: localIso(date, "19:00", p.timezone) });
    const res = await hostBook(p, { start: localIso(date, "19:00", p.timezone), tableIds: [] });
    expect(res.status, res.text).toBe(201);
    expect(res.json.reservation.tableIds).toEqual([]);
  });

  it("GET one reservation", async () => {
    const p = await bookPlace();
    const r = await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    const res = await call("GET", `${p.base}/reservations/${r.id}`, { token: p.token });
    expect(res.status).toBe(200);
    expect(res.json.reservation.id).toBe(r.id);
  });
});
