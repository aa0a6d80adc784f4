// The waitlist's estimates take the book into account: a table held for a booking within the next
// dining duration is not free for walk-ins; a seated booking counts as a seating.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, reservationAct } from "./support";

const ALL_DAY = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "00:00", end: "23:59" }]]));

/** Now, rounded up to the next quarter hour plus `minutes`. */
function soon(minutes: number) {
  const q = 15 * 60_000;
  return new Date(Math.ceil(Date.now() / q) * q + minutes * 60_000).toISOString();
}

async function walkInEstimate(p: Awaited<ReturnType<typeof bookPlace>>) {
  const list = await call("GET", `${p.base}/waitlist`, { token: p.token });
  return list.json.parties[0].estimatedWaitMinutes as number;
}

describe("walk-in estimates and the book", () => {
  it("a 2-top held for a booking in the next hour doubles the wait for 1-2 walk-ins when there are two 2-tops", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2], ["B", 1, 2]], settings: { hours: ALL_DAY } });
    await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Walk-in", partySize: 2 } });
    const before = await walkInEstimate(p);
    const r = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "Booked", partySize: 2, start: soon(30) } });
    expect(r.status, r.text).toBe(201);
    expect(await walkInEstimate(p)).toBe(before * 2);
  });

  it("a booking after the next dining duration leaves the estimate alone", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2], ["B", 1, 2]], settings: { hours: ALL_DAY } });
    await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Walk-in", partySize: 2 } });
    const before = await walkInEstimate(p);
    await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "Later", partySize: 2, start: soon(180) } });
    expect(await walkInEstimate(p)).toBe(before);
  });

  it("seating a booking frees it into the floor: the estimate returns, and a seating is recorded", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2], ["B", 1, 2]], settings: { hours: ALL_DAY } });
    await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Walk-in", partySize: 2 } });
    const before = await walkInEstimate(p);
    const r = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "Booked", partySize: 2, start: soon(15) } });
    expect((await reservationAct(p, r.json.reservation.id, "seat")).status).toBe(200);
    expect(await walkInEstimate(p)).toBe(before);
    const seatings = await runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM seatings").one().n as number);
    expect(seatings).toBe(1);
  });
});
