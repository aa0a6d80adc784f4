// ASVS 2.3.4: the DO serializes bookings, so 50 guests racing for the last free table get exactly
// one booking between them; everyone else is told the time is taken and offered the next free times.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, dayFromNow, localIso, publicBook } from "./support";

describe("50 concurrent bookings for the last free table", () => {
  it("exactly one succeeds; the other 49 get 409 slot_unavailable with the next free times", async () => {
    const p = await bookPlace({ tables: [["Last", 1, 2]] });
    const date = dayFromNow(5, p.timezone);
    const start = localIso(date, "19:00", p.timezone);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => publicBook(p, { name: `Racer ${i}`, start })));
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const a of lost) {
      expect(a.json.error.code).toBe("slot_unavailable");
      expect(a.json.error.details.length).toBeGreaterThan(0);
      for (const d of a.json.error.details) expect(Math.abs(Date.parse(d.start) - Date.parse(start))).toBeGreaterThanOrEqual(90 * 60_000);
    }
    const book = await call("GET", `${p.base}/reservations?date=${date}`, { token: p.token });
    expect(book.json.reservations).toHaveLength(1);
    expect(book.json.reservations[0].name).toBe(won[0]!.json.reservation.name);
  });

  it("hosts racing for the same table get one booking and 409 table_conflict for the rest", async () => {
    const p = await bookPlace({ tables: [["Last", 1, 2]] });
    const date = dayFromNow(5, p.timezone);
    const start = localIso(date, "19:00", p.timezone);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call("POST", `${p.base}/reservations`, { token: p.token, body: { name: `H${i}`, partySize: 2, start, tableIds: [p.tables[0]!.id] } })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.json.error.code === "table_conflict")).toHaveLength(19);
  });
});
