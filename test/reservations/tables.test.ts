// Tables and combinations: what hosts seat parties at, and what assignment picks from.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, dayFromNow, hostBook, localIso } from "./support";

describe("tables and combinations", () => {
  it("lists tables and combinations", async () => {
    const p = await bookPlace();
    const res = await call("GET", `${p.base}/tables`, { token: p.token });
    expect(res.status).toBe(200);
    expect(res.json.tables.map((t: any) => [t.name, t.minSeats, t.maxSeats, t.area, t.active])).toEqual([
      ["T2", 1, 2, "", true],
      ["T4", 3, 4, "", true],
    ]);
    expect(res.json.combinations).toEqual([]);
  });

  it("a party too big for any table gets a combination of tables", async () => {
    const p = await bookPlace({ tables: [["A", 2, 4], ["B", 2, 4]] });
    const combo = await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "A+B", tableIds: p.tables.map((t) => t.id), minSeats: 5, maxSeats: 8 } });
    expect(combo.status, combo.text).toBe(201);
    expect(combo.json.combination).toMatchObject({ name: "A+B", tableIds: p.tables.map((t) => t.id), minSeats: 5, maxSeats: 8 });
    const r = await hostBook(p, { partySize: 7, start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    expect(r.status, r.text).toBe(201);
    expect(r.json.reservation.tableIds.sort()).toEqual(p.tables.map((t) => t.id).sort());
  });

  it("a combination is not offered while one of its tables is booked", async () => {
    const p = await bookPlace({ tables: [["A", 2, 4], ["B", 2, 4]] });
    await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "A+B", tableIds: p.tables.map((t) => t.id), minSeats: 5, maxSeats: 8 } });
    const start = localIso(dayFromNow(2, p.timezone), "19:00", p.timezone);
    expect((await hostBook(p, { partySize: 2, start })).status).toBe(201);
    const big = await hostBook(p, { partySize: 7, start });
    expect(big.status).toBe(409);
    expect(big.json.error.code).toBe("slot_unavailable");
  });

  it("an inactive table is never assigned", async () => {
    const p = await bookPlace({ tables: [["Only", 1, 4]] });
    const off = await call("PATCH", `${p.base}/tables/${p.tables[0]!.id}`, { token: p.token, body: { active: false } });
    expect(off.status, off.text).toBe(200);
    expect(off.json.table.active).toBe(false);
    expect((await hostBook(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) })).status).toBe(409);
  });

  it("renames a table and changes its seats", async () => {
    const p = await bookPlace();
    const res = await call("PATCH", `${p.base}/tables/${p.tables[0]!.id}`, { token: p.token, body: { name: "Window", maxSeats: 3, area: "front" } });
    expect(res.json.table).toMatchObject({ name: "Window", minSeats: 1, maxSeats: 3, area: "front" });
  });

  it("deletes a table without bookings, and the combinations that used it", async () => {
    const p = await bookPlace({ tables: [["A", 2, 4], ["B", 2, 4], ["C", 1, 2]] });
    await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "A+B", tableIds: [p.tables[0]!.id, p.tables[1]!.id], minSeats: 5, maxSeats: 8 } });
    const res = await call("DELETE", `${p.base}/tables/${p.tables[0]!.id}`, { token: p.token });
    expect(res.status, res.text).toBe(200);
    expect(res.json.tables.map((t: any) => t.name)).toEqual(["B", "C"]);
    expect(res.json.combinations).toEqual([]);
  });

  it("deletes a combination by its id", async () => {
    const p = await bookPlace({ tables: [["A", 2, 4], ["B", 2, 4]] });
    const combo = await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "A+B", tableIds: p.tables.map((t) => t.id), minSeats: 5, maxSeats: 8 } });
    const res = await call("DELETE", `${p.base}/tables/${combo.json.combination.id}`, { token: p.token });
    expect(res.status).toBe(200);
    expect(res.json.combinations).toEqual([]);
    expect(res.json.tables).toHaveLength(2);
  });
});
