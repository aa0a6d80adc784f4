// Bad input gets a clear 4xx in the one error shape and changes nothing; never a 5xx.
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { expectError } from "../team/support";
import { bookPlace, dayFromNow, freshIp, localIso, publicBook, type BookPlace } from "./support";

let p: BookPlace;
let date: string;
let good: string;
beforeAll(async () => {
  p = await bookPlace({ settings: { maxOnlinePartySize: 6 } });
  date = dayFromNow(2, p.timezone);
  good = localIso(date, "19:00", p.timezone);
});

async function bookCount() {
  return (await call("GET", `${p.base}/reservations?date=${date}`, { token: p.token })).json.reservations.length;
}

describe("host create: bad input", () => {
  const cases: [string, unknown][] = [
    ["missing name", { partySize: 2, start: "2030-01-01T19:00:00Z" }],
    ["missing start", { name: "A", partySize: 2 }],
    ["party size as a string", { name: "A", partySize: "2", start: "2030-01-01T19:00:00Z" }],
    ["party size 0", { name: "A", partySize: 0, start: "2030-01-01T19:00:00Z" }],
    ["party size 101", { name: "A", partySize: 101, start: "2030-01-01T19:00:00Z" }],
    ["start not a time", { name: "A", partySize: 2, start: "tomorrow" }],
    ["a name of 81 characters", { name: "x".repeat(81), partySize: 2, start: "2030-01-01T19:00:00Z" }],
    ["an unknown field", { name: "A", partySize: 2, start: "2030-01-01T19:00:00Z", table: "T1" }],
    ["a table id that is not a UUID", { name: "A", partySize: 2, start: "2030-01-01T19:00:00Z", tableIds: ["T1"] }],
    ["a bad email", { name: "A", partySize: 2, start: "2030-01-01T19:00:00Z", email: "not-an-email" }],
    ["a duration of 5 minutes", { name: "A", partySize: 2, start: "2030-01-01T19:00:00Z", durationMinutes: 5 }],
    ["an array body", [1, 2]],
  ];
  it.each(cases)("%s → 400 validation_failed", async (_name, body) => {
    const res = await call("POST", `${p.base}/reservations`, { token: p.token, body });
    expectError(res, 400, "validation_failed");
  });

  it("a time in the past → 400 naming start", async () => {
    const res = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "A", partySize: 2, start: new Date(Date.now() - 3_600_000).toISOString() } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details[0].path).toBe("start");
  });

  it("a time outside service hours → 400", async () => {
    const res = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "A", partySize: 2, start: localIso(date, "23:30", p.timezone) } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.message).toMatch(/service hours/);
  });

  it("an unknown table → 400 naming tableIds", async () => {
    const res = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "A", partySize: 2, start: good, tableIds: [crypto.randomUUID()] } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details[0].path).toBe("tableIds");
  });

  it("a party no table seats → 409 slot_unavailable", async () => {
    const res = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "A", partySize: 20, start: good } });
    expectError(res, 409, "slot_unavailable");
  });

  it("a body over 64 KiB → 413", async () => {
    const res = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "A", partySize: 2, start: good, notes: "x".repeat(70_000) } });
    expectError(res, 413, "payload_too_large");
  });

  it("none of the above booked anything", async () => {
    expect(await bookCount()).toBe(0);
  });
});

describe("host reads: bad input", () => {
  it("a book date that is not a date → 400", async () => {
    for (const d of ["2026-02-30", "tomorrow", "2026-1-5"]) expectError(await call("GET", `${p.base}/reservations?date=${d}`, { token: p.token }), 400, "validation_failed");
  });

  it("a reservation id that is not a UUID → 400; an unknown one → 404", async () => {
    expectError(await call("GET", `${p.base}/reservations/not-an-id`, { token: p.token }), 400, "validation_failed");
    expectError(await call("GET", `${p.base}/reservations/${crypto.randomUUID()}`, { token: p.token }), 404, "not_found");
    expectError(await call("POST", `${p.base}/reservations/${crypto.randomUUID()}/seat`, { token: p.token }), 404, "not_found");
    expectError(await call("PATCH", `${p.base}/reservations/${crypto.randomUUID()}`, { token: p.token, body: { name: "X" } }), 404, "not_found");
  });

  it("an empty PATCH → 400", async () => {
    expectError(await call("PATCH", `${p.base}/reservations/${crypto.randomUUID()}`, { token: p.token, body: {} }), 400, "validation_failed");
  });
});

describe("public: bad input", () => {
  it("a booking body over 64 KiB → 413", async () => {
    expectError(await publicBook(p, { start: good, notes: "x".repeat(70_000) }), 413, "payload_too_large");
  });

  it("a booking with wrong types → 400", async () => {
    for (const body of [{ partySize: "2" }, { smsConsent: "yes" }, { start: 12345 }, { name: 7 }, { extra: true }]) {
      expectError(await publicBook(p, { start: good, ...body }), 400, "validation_failed");
    }
  });

  it("availability without a date or size → 400", async () => {
    expectError(await call("GET", `/api/public/locations/${p.slug}/availability?partySize=2`), 400, "validation_failed");
    expectError(await call("GET", `/api/public/locations/${p.slug}/availability?date=${date}`), 400, "validation_failed");
  });

  it("availability for an impossible date, a past date, or size 0 → 400", async () => {
    for (const q of [`date=2026-02-30&partySize=2`, `date=2020-01-01&partySize=2`, `date=${date}&partySize=0`, `date=${date}&partySize=two`]) {
      expectError(await call("GET", `/api/public/locations/${p.slug}/availability?${q}`), 400, "validation_failed");
    }
  });

  it("availability above the largest online party → 400 with the limit", async () => {
    const res = await call("GET", `/api/public/locations/${p.slug}/availability?date=${date}&partySize=7`);
    expectError(res, 400, "validation_failed");
    expect(res.json.error.message).toMatch(/6/);
  });

  it("an unknown slug → 404", async () => {
    expectError(await call("GET", `/api/public/locations/no-such-place-here/availability?date=${date}&partySize=2`), 404, "not_found");
    expectError(await publicBook({ ...p, slug: "no-such-place-here" }, { start: good }), 404, "not_found");
  });

  it("a booking without consent, phone or with a bad phone → 400", async () => {
    const ip = freshIp();
    for (const body of [{ smsConsent: undefined }, { phone: undefined }, { phone: "12" }]) {
      expectError(await publicBook(p, { start: good, ...body }, ip), 400, "validation_failed");
    }
  });

  it("a party above the online limit → 400; a time off the offered grid or outside service → 400", async () => {
    expectError(await publicBook(p, { start: good, partySize: 7 }), 400, "validation_failed");
    expectError(await publicBook(p, { start: localIso(date, "19:07", p.timezone) }), 400, "validation_failed");
    expectError(await publicBook(p, { start: localIso(date, "08:00", p.timezone) }), 400, "validation_failed");
  });

  it("a time beyond the booking window → 400", async () => {
    const far = dayFromNow(200, p.timezone);
    expectError(await publicBook(p, { start: localIso(far, "19:00", p.timezone) }), 400, "validation_failed");
  });

  it("a manage-link change with nothing to change or a bad size → 400", async () => {
    const made = await publicBook(p, { start: localIso(date, "13:00", p.timezone) });
    expect(made.status, made.text).toBe(201);
    expectError(await call("PATCH", `/api/public/reservations/${made.json.token}`, { body: {} }), 400, "validation_failed");
    expectError(await call("PATCH", `/api/public/reservations/${made.json.token}`, { body: { partySize: -1 } }), 400, "validation_failed");
    expectError(await call("PATCH", `/api/public/reservations/${made.json.token}`, { body: { name: "Other" } }), 400, "validation_failed");
  });
});

describe("tables and settings: bad input", () => {
  it("a table with min above max → 400", async () => {
    expectError(await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "X", minSeats: 5, maxSeats: 2 } }), 400, "validation_failed");
  });

  it("a table with missing seats or 0 seats → 400", async () => {
    expectError(await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "X" } }), 400, "validation_failed");
    expectError(await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "X", minSeats: 0, maxSeats: 2 } }), 400, "validation_failed");
  });

  it("a combination of unknown tables → 400", async () => {
    const res = await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "Combo", tableIds: [crypto.randomUUID(), crypto.randomUUID()], minSeats: 5, maxSeats: 8 } });
    expectError(res, 400, "validation_failed");
  });

  it("settings: a service ending before it starts, a bad weekday, a bad time → 400", async () => {
    for (const body of [
      { hours: { "1": [{ start: "22:00", end: "12:00" }] } },
      { hours: { "7": [] } },
      { hours: { "1": [{ start: "25:00", end: "26:00" }] } },
      { specialDates: { "2026-13-01": [] } },
      { slotIntervalMinutes: 0 },
      { walkInPercent: 101 },
      { durations: [] },
      {},
    ]) {
      expectError(await call("PATCH", `${p.base}/booking-settings`, { token: p.token, body }), 400, "validation_failed");
    }
  });

  it("deleting a table with upcoming bookings → 409", async () => {
    const r = await call("POST", `${p.base}/reservations`, { token: p.token, body: { name: "Keep", partySize: 2, start: localIso(date, "21:00", p.timezone) } });
    expect(r.status, r.text).toBe(201);
    expectError(await call("DELETE", `${p.base}/tables/${r.json.reservation.tableIds[0]}`, { token: p.token }), 409, "conflict");
  });

  it("an unknown table id → 404", async () => {
    expectError(await call("PATCH", `${p.base}/tables/${crypto.randomUUID()}`, { token: p.token, body: { name: "Y" } }), 404, "not_found");
    expectError(await call("DELETE", `${p.base}/tables/${crypto.randomUUID()}`, { token: p.token }), 404, "not_found");
  });
});
