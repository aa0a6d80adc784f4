// Seating at tables (issue 17): the host's tables or the suggestion, every refusal in the one error
// shape with nothing changed, clearing, completion and restore freeing tables, combinations taking
// all their tables, and the floor read.
import { afterEach, describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { closeAll, isEvent, openHost } from "../live/socket";
import { booked, reservationAct } from "../reservations/support";
import { clear, floor, floorPlace, seat, statuses, tableId, walkIn } from "./support";

afterEach(closeAll);

describe("seating a walk-in at tables", () => {
  it("at the host's table: the party carries its tableIds and the table shows it seated until cleared", async () => {
    const p = await floorPlace();
    const id = await walkIn(p, "Ana", 3);
    const res = await seat(p, id, { tableIds: [tableId(p, "T4")] });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "seated", tableIds: [tableId(p, "T4")] });
    const t4 = (await floor(p)).find((t) => t.name === "T4");
    expect(t4).toMatchObject({ status: "seated", party: { kind: "party", id, name: "Ana", partySize: 3, seatedAt: res.json.seatedAt, tableIds: [tableId(p, "T4")] } });
    // 3 guests dine 105 minutes under the default durations.
    expect(Date.parse(t4.party.expectedEndAt) - Date.parse(t4.party.seatedAt)).toBe(105 * 60_000);
    expect((await call("GET", `${p.base}/waitlist/${id}`, { token: p.token })).json.tableIds).toEqual([tableId(p, "T4")]);

    const cleared = await clear(p, tableId(p, "T4"));
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.json.tables.find((t: any) => t.name === "T4")).toMatchObject({ status: "free", party: null });
    // The party keeps the tables it sat at (history), and a second clear is refused.
    expect((await call("GET", `${p.base}/waitlist/${id}`, { token: p.token })).json.tableIds).toEqual([tableId(p, "T4")]);
    expectError(await clear(p, tableId(p, "T4")), 409, "invalid_transition");
  });

  it("at the suggestion: the smallest free table that fits, skipping occupied ones", async () => {
    const p = await floorPlace([["Big", 1, 6], ["Small", 1, 2], ["Small B", 1, 2]]);
    const s = await call("GET", `${p.base}/floor/suggestion?partySize=2`, { token: p.token });
    expect(s.status, s.text).toBe(200);
    expect(s.json.suggestion).toMatchObject({ tableIds: [tableId(p, "Small")], name: "Small", seats: 2, combination: false });
    const first = await seat(p, await walkIn(p, "One"), { suggest: true });
    expect(first.json.tableIds).toEqual([tableId(p, "Small")]);
    const second = await seat(p, await walkIn(p, "Two"), { suggest: true });
    expect(second.json.tableIds).toEqual([tableId(p, "Small B")]);
    const third = await seat(p, await walkIn(p, "Three"), { suggest: true });
    expect(third.json.tableIds).toEqual([tableId(p, "Big")]);
    expectError(await seat(p, await walkIn(p, "Four"), { suggest: true }), 409, "table_conflict");
    expect((await call("GET", `${p.base}/floor/suggestion?partySize=2`, { token: p.token })).json.suggestion).toBeNull();
  });

  it("a preferred area comes first when a table there fits", async () => {
    const p = await floorPlace([]);
    for (const [name, area] of [["In 1", "Inside"], ["Patio 1", "Patio"]]) {
      const r = await call("POST", `${p.base}/tables`, { token: p.token, body: { name, minSeats: 1, maxSeats: 4, area } });
      expect(r.status, r.text).toBe(201);
    }
    expect((await call("GET", `${p.base}/floor/suggestion?partySize=2`, { token: p.token })).json.suggestion.name).toBe("In 1");
    expect((await call("GET", `${p.base}/floor/suggestion?partySize=2&area=Patio`, { token: p.token })).json.suggestion.name).toBe("Patio 1");
  });

  it("without a body, as before: seated at no table", async () => {
    const p = await floorPlace();
    const res = await seat(p, await walkIn(p, "Plain"));
    expect(res.status, res.text).toBe(200);
    expect(res.json.tableIds).toEqual([]);
    expect(Object.values(await statuses(p))).toEqual(["free", "free", "free"]);
  });

  it("an empty body labelled JSON is no body: seated at no table, not a malformed-JSON 400", async () => {
    const p = await floorPlace();
    const id = await walkIn(p, "Labelled");
    const res = await call("POST", `${p.base}/waitlist/${id}/seat`, { token: p.token, headers: { "Content-Type": "application/json", "Content-Length": "0" } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.tableIds).toEqual([]);
  });

  it("a body that is not JSON still gets the one 400 shape and changes nothing", async () => {
    const p = await floorPlace();
    const id = await walkIn(p, "Broken");
    const res = await call("POST", `${p.base}/waitlist/${id}/seat`, { token: p.token, raw: "{tableIds:", headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect((await call("GET", `${p.base}/waitlist/${id}`, { token: p.token })).json.status).toBe("waiting");
  });

  it("a combination occupies every one of its tables, and clearing one frees them all", async () => {
    const p = await floorPlace([["A", 1, 4], ["B", 1, 4]]);
    const combo = await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "A+B", tableIds: [tableId(p, "A"), tableId(p, "B")], minSeats: 5, maxSeats: 8 } });
    expect(combo.status, combo.text).toBe(201);
    const id = await walkIn(p, "Eight", 8);
    const res = await seat(p, id, { suggest: true });
    expect(res.status, res.text).toBe(200);
    expect(res.json.tableIds).toEqual([tableId(p, "A"), tableId(p, "B")]);
    expect(await statuses(p)).toEqual({ A: "seated", B: "seated" });
    expectError(await seat(p, await walkIn(p, "Two"), { tableIds: [tableId(p, "B")] }), 409, "table_conflict");
    expect((await clear(p, tableId(p, "B"))).status).toBe(200);
    expect(await statuses(p)).toEqual({ A: "free", B: "free" });
  });

  it("restoring a seated party puts it back in line and frees its table", async () => {
    const p = await floorPlace();
    const id = await walkIn(p, "Oops");
    await seat(p, id, { tableIds: [tableId(p, "T2")] });
    const back = await call("POST", `${p.base}/waitlist/${id}/restore`, { token: p.token });
    expect(back.status, back.text).toBe(200);
    expect(back.json).toMatchObject({ status: "waiting", tableIds: [] });
    expect((await statuses(p)).T2).toBe("free");
  });
});

describe("refusals (409 table_conflict or 404, nothing changed)", () => {
  it("an occupied table", async () => {
    const p = await floorPlace();
    await seat(p, await walkIn(p, "First"), { tableIds: [tableId(p, "T2")] });
    const second = await walkIn(p, "Second");
    const res = await seat(p, second, { tableIds: [tableId(p, "T2")] });
    expectError(res, 409, "table_conflict");
    expect(res.json.error.details[0]).toMatchObject({ path: "tableIds", tableId: tableId(p, "T2"), reason: "occupied" });
    expect((await call("GET", `${p.base}/waitlist/${second}`, { token: p.token })).json.status).toBe("waiting");
    expect((await floor(p)).find((t) => t.name === "T2").party.name).toBe("First");
  });

  it("an inactive table", async () => {
    const p = await floorPlace();
    await call("PATCH", `${p.base}/tables/${tableId(p, "T4")}`, { token: p.token, body: { active: false } });
    expect((await statuses(p)).T4).toBe("inactive");
    const res = await seat(p, await walkIn(p, "In", 3), { tableIds: [tableId(p, "T4")] });
    expectError(res, 409, "table_conflict");
    expect(res.json.error.details[0].reason).toBe("inactive");
  });

  it("a table too small for the party", async () => {
    const p = await floorPlace();
    const res = await seat(p, await walkIn(p, "Five", 5), { tableIds: [tableId(p, "T2")] });
    expectError(res, 409, "table_conflict");
    expect(res.json.error.details[0].reason).toBe("too_small");
  });

  it("a table held by a booking that starts within the dining duration", async () => {
    const p = await floorPlace();
    const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000).toISOString();
    const r = await booked(p, { name: "Booker", partySize: 2, start, tableIds: [tableId(p, "T2")] });
    const t2 = (await floor(p)).find((t) => t.name === "T2");
    expect(t2).toMatchObject({ status: "held", nextHold: { reservationId: r.id, name: "Booker", startAt: start } });
    const res = await seat(p, await walkIn(p, "Walk"), { tableIds: [tableId(p, "T2")] });
    expectError(res, 409, "table_conflict");
    expect(res.json.error.details[0].reason).toBe("held");
    // The suggestion passes the held table by (T4 and T6 seat 3 or more): none for a couple now.
    expect((await call("GET", `${p.base}/floor/suggestion?partySize=2`, { token: p.token })).json.suggestion).toBeNull();
  });

  it("another account's table id answers 404", async () => {
    const p = await floorPlace();
    const other = await floorPlace();
    const res = await seat(p, await walkIn(p, "Here"), { tableIds: [tableId(other, "T2")] });
    expectError(res, 404, "not_found");
    expectError(await clear(p, tableId(other, "T2")), 404, "not_found");
    expectError(await call("GET", `/api/locations/${other.locationId}/floor`, { token: p.token }), 404, "not_found");
  });

  it("bad bodies: both tableIds and suggest, a malformed id, unknown fields", async () => {
    const p = await floorPlace();
    const id = await walkIn(p, "Bad");
    expectError(await seat(p, id, { tableIds: [tableId(p, "T2")], suggest: true }), 400, "validation_failed");
    expectError(await seat(p, id, { tableIds: ["nope"] }), 400, "validation_failed");
    expectError(await seat(p, id, { table: tableId(p, "T2") }), 400, "validation_failed");
    expectError(await call("GET", `${p.base}/floor/suggestion?partySize=0`, { token: p.token }), 400, "validation_failed");
    expect((await call("GET", `${p.base}/waitlist/${id}`, { token: p.token })).json.status).toBe("waiting");
  });

  it("a table with someone at it cannot be deleted", async () => {
    const p = await floorPlace();
    await seat(p, await walkIn(p, "Sitting"), { tableIds: [tableId(p, "T2")] });
    expectError(await call("DELETE", `${p.base}/tables/${tableId(p, "T2")}`, { token: p.token }), 409, "conflict");
  });
});

describe("reservations at tables", () => {
  it("seated at its own tables by default; completion frees them", async () => {
    const p = await floorPlace();
    const start = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000).toISOString();
    const r = await booked(p, { name: "Booked", partySize: 2, start, tableIds: [tableId(p, "T2")] });
    const seated = await reservationAct(p, r.id, "seat");
    expect(seated.status, seated.text).toBe(200);
    expect((await floor(p)).find((t) => t.name === "T2")).toMatchObject({ status: "seated", party: { kind: "reservation", id: r.id, name: "Booked" } });
    expect((await reservationAct(p, r.id, "complete")).status).toBe(200);
    expect((await statuses(p)).T2).toBe("free");
  });

  it("seated at the host's other table; clearing it completes the booking", async () => {
    const p = await floorPlace();
    const start = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000).toISOString();
    const r = await booked(p, { name: "Moved", partySize: 2, start, tableIds: [tableId(p, "T2")] });
    const seated = await call("POST", `${p.base}/reservations/${r.id}/seat`, { token: p.token, body: { tableIds: [tableId(p, "T4")] } });
    expect(seated.status, seated.text).toBe(200);
    expect(seated.json.reservation).toMatchObject({ status: "seated", tableIds: [tableId(p, "T4")] });
    expect((await clear(p, tableId(p, "T4"))).status).toBe(200);
    expect((await call("GET", `${p.base}/reservations/${r.id}`, { token: p.token })).json.reservation.status).toBe("completed");
  });

  it("its table taken by a walk-in: seating refuses until the host picks another", async () => {
    const p = await floorPlace();
    const start = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000).toISOString();
    const r = await booked(p, { name: "Late", partySize: 2, start, tableIds: [tableId(p, "T4")] });
    // A walk-in of 4 at T6 is fine; at T4 it is held for the booking.
    expectError(await seat(p, await walkIn(p, "Walk", 4), { tableIds: [tableId(p, "T4")] }), 409, "table_conflict");
    const res = await call("POST", `${p.base}/reservations/${r.id}/seat`, { token: p.token, body: { suggest: true } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.reservation.tableIds).toEqual([tableId(p, "T2")]);
  });
});

describe("moving a seated booking", () => {
  it("to a free table moves its occupancy; to an occupied one is refused and nothing moves", async () => {
    const p = await floorPlace();
    const start = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000).toISOString();
    const r = await booked(p, { name: "Mover", partySize: 2, start, tableIds: [tableId(p, "T2")] });
    expect((await reservationAct(p, r.id, "seat")).status).toBe(200);
    const moved = await call("PATCH", `${p.base}/reservations/${r.id}`, { token: p.token, body: { tableIds: [tableId(p, "T4")] } });
    expect(moved.status, moved.text).toBe(200);
    expect(await statuses(p)).toEqual({ T2: "free", T4: "seated", T6: "free" });
    await seat(p, await walkIn(p, "Six", 5), { tableIds: [tableId(p, "T6")] });
    const refused = await call("PATCH", `${p.base}/reservations/${r.id}`, { token: p.token, body: { tableIds: [tableId(p, "T6")] } });
    expectError(refused, 409, "table_conflict");
    expect(refused.json.error.details[0].reason).toBe("occupied");
    expect((await floor(p)).find((t) => t.name === "T4").party.name).toBe("Mover");
  });
});

describe("live", () => {
  it("seating and clearing arrive as tables.updated with occupancy and statuses", async () => {
    const p = await floorPlace();
    const host = await openHost(p, p.locationId);
    await host.next((m) => m.type === "snapshot");
    const id = await walkIn(p, "Live", 2);
    await seat(p, id, { tableIds: [tableId(p, "T2")] });
    const e = await host.next((m) => isEvent(m) && m.event === "tables.updated");
    expect(e.occupancy).toEqual([{ tableId: tableId(p, "T2"), kind: "party", partyId: id, name: "Live", partySize: 2, seatedAt: expect.any(Number) }]);
    expect(e.floor.find((t: any) => t.name === "T2")).toMatchObject({ status: "seated", party: { id, name: "Live" } });
    await clear(p, tableId(p, "T2"));
    const after = await host.next((m) => isEvent(m) && m.event === "tables.updated" && m.version > e.version);
    expect(after.occupancy).toEqual([]);
  });
});
