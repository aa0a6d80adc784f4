// DESIGN.md rule 3: another account's locations, reservations and tables answer 404 — never 403,
// never data; no session answers 401; tables and booking rules need the admin role.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../team/support";
import { booked, bookPlace, dayFromNow, localIso, type BookPlace } from "./support";

let a: BookPlace;
let aReservation: string;
let b: SignedUp;
let host: { token: string };
beforeAll(async () => {
  a = await bookPlace();
  aReservation = (await booked(a, { name: "Secret Guest", start: localIso(dayFromNow(2, a.timezone), "19:00", a.timezone) })).id;
  b = await signUp();
  host = await addMember(a, "host");
});

const routes = (): [string, string, unknown?][] => [
  ["GET", `${a.base}/reservations`],
  ["POST", `${a.base}/reservations`, { name: "X", partySize: 2, start: localIso(dayFromNow(2, a.timezone), "13:00", a.timezone) }],
  ["GET", `${a.base}/reservations/${aReservation}`],
  ["PATCH", `${a.base}/reservations/${aReservation}`, { name: "Hijacked" }],
  ...["confirm", "arrive", "seat", "complete", "cancel", "no_show"].map((x): [string, string] => ["POST", `${a.base}/reservations/${aReservation}/${x}`]),
  ["GET", `${a.base}/tables`],
  ["POST", `${a.base}/tables`, { name: "X", minSeats: 1, maxSeats: 2 }],
  ["PATCH", `${a.base}/tables/${a.tables[0]!.id}`, { name: "Stolen" }],
  ["DELETE", `${a.base}/tables/${a.tables[1]!.id}`],
  ["GET", `${a.base}/booking-settings`],
  ["PATCH", `${a.base}/booking-settings`, { onlineBooking: false }],
];

describe("another account", () => {
  it("gets 404 without data for every reservation route, and nothing changes", async () => {
    for (const [method, path, body] of routes()) {
      const res = await call(method, path, { token: b.token, body });
      expectError(res, 404, "not_found");
      expect(res.text).not.toContain("Secret Guest");
    }
    const mine = await call("GET", `${a.base}/reservations/${aReservation}`, { token: a.token });
    expect(mine.json.reservation).toMatchObject({ name: "Secret Guest", status: "booked" });
    expect((await call("GET", `${a.base}/tables`, { token: a.token })).json.tables.map((t: any) => t.name)).toEqual(["T2", "T4"]);
  });

  it("gets 404 for its own location id with A's reservation id", async () => {
    expectError(await call("GET", `/api/locations/${b.locationId}/reservations/${aReservation}`, { token: b.token }), 404, "not_found");
  });
});

describe("no session", () => {
  it("gets 401 for every reservation route", async () => {
    for (const [method, path, body] of routes()) expectError(await call(method, path, { body }), 401, "unauthorized");
  });
});

describe("roles", () => {
  it("a host can list, create and act on reservations, and read tables and settings", async () => {
    const date = dayFromNow(3, a.timezone);
    const made = await call("POST", `${a.base}/reservations`, { token: host.token, body: { name: "By host", partySize: 2, start: localIso(date, "19:00", a.timezone) } });
    expect(made.status, made.text).toBe(201);
    expect((await call("POST", `${a.base}/reservations/${made.json.reservation.id}/confirm`, { token: host.token })).status).toBe(200);
    expect((await call("GET", `${a.base}/reservations?date=${date}`, { token: host.token })).status).toBe(200);
    expect((await call("GET", `${a.base}/tables`, { token: host.token })).status).toBe(200);
    expect((await call("GET", `${a.base}/booking-settings`, { token: host.token })).status).toBe(200);
  });

  it("a host gets 403 for tables and booking rules", async () => {
    expectError(await call("POST", `${a.base}/tables`, { token: host.token, body: { name: "X", minSeats: 1, maxSeats: 2 } }), 403, "forbidden");
    expectError(await call("PATCH", `${a.base}/tables/${a.tables[0]!.id}`, { token: host.token, body: { name: "Y" } }), 403, "forbidden");
    expectError(await call("DELETE", `${a.base}/tables/${a.tables[0]!.id}`, { token: host.token }), 403, "forbidden");
    expectError(await call("PATCH", `${a.base}/booking-settings`, { token: host.token, body: { slotIntervalMinutes: 30 } }), 403, "forbidden");
  });

  it("an admin can change tables and booking rules", async () => {
    const admin = await addMember(a, "admin");
    const res = await call("PATCH", `${a.base}/booking-settings`, { token: admin.token, body: { reminderHours: 3 } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.reminderHours).toBe(3);
    expect(res.json.slotIntervalMinutes).toBe(15);
  });
});
