// A guest books from the public API: free times, the booking, its manage link.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, dayFromNow, localIso, publicBook } from "./support";

const TOKEN = /^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/;

describe("public booking", () => {
  it("lists the bookable times of a date in the location's zone", async () => {
    const p = await bookPlace();
    const date = dayFromNow(3, p.timezone);
    const res = await call("GET", `/api/public/locations/${p.slug}/availability?date=${date}&partySize=2`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ date, timezone: "America/New_York", partySize: 2, maxPartySize: 8 });
    expect(res.json.slots[0]).toEqual({ start: localIso(date, "12:00", p.timezone), localTime: "12:00" });
    expect(res.json.slots.at(-1).localTime).toBe("21:45");
    expect(res.json.slots).toHaveLength(40);
  });

  it("states the date's services (to group its times) and the booking window's last date", async () => {
    const p = await bookPlace();
    const date = dayFromNow(3, p.timezone);
    const res = await call("GET", `/api/public/locations/${p.slug}/availability?date=${date}&partySize=2`);
    expect(res.status, res.text).toBe(200);
    for (const s of res.json.slots) expect(res.json.services.some((v: { start: string; end: string }) => s.localTime >= v.start && s.localTime < v.end)).toBe(true);
    expect(res.json.services.length).toBeGreaterThan(0);
    expect(res.json.lastDate).toBe(dayFromNow(60, p.timezone));
  });

  it("books a free time and returns the manage link", async () => {
    const p = await bookPlace();
    const date = dayFromNow(3, p.timezone);
    const res = await publicBook(p, { name: "Ana", partySize: 2, start: localIso(date, "19:00", p.timezone) });
    expect(res.status, res.text).toBe(201);
    expect(res.json.token).toMatch(TOKEN);
    expect(res.json.manageUrl).toBe(`https://seatline.test/book/${res.json.token}`);
    expect(res.json.reservation).toEqual({
      name: "Ana",
      partySize: 2,
      start: localIso(date, "19:00", p.timezone),
      end: localIso(date, "20:30", p.timezone),
      localDate: date,
      localTime: "19:00",
      status: "booked",
      notes: "",
    });
  });

  it("shows the booking in the host's book for that date, with its table and consent", async () => {
    const p = await bookPlace();
    const date = dayFromNow(3, p.timezone);
    await publicBook(p, { name: "Bo", partySize: 3, start: localIso(date, "18:30", p.timezone), smsConsent: true });
    const res = await call("GET", `${p.base}/reservations?date=${date}`, { token: p.token });
    expect(res.status, res.text).toBe(200);
    expect(res.json.date).toBe(date);
    expect(res.json.reservations).toHaveLength(1);
    expect(res.json.reservations[0]).toMatchObject({ name: "Bo", partySize: 3, source: "online", smsConsent: true, tableIds: [p.tables[1]!.id], status: "booked" });
  });

  it("no longer offers a time once its only fitting table is booked", async () => {
    const p = await bookPlace();
    const date = dayFromNow(3, p.timezone);
    await publicBook(p, { partySize: 4, start: localIso(date, "19:00", p.timezone) });
    const res = await call("GET", `/api/public/locations/${p.slug}/availability?date=${date}&partySize=4`);
    const times = res.json.slots.map((s: any) => s.localTime);
    // Four dine 105 minutes: 17:15 ends 19:00 and 20:45 starts after 19:00 + 105 min; between, the table is held.
    expect(times).toContain("17:15");
    expect(times).not.toContain("17:30");
    expect(times).not.toContain("20:30");
    expect(times).toContain("20:45");
  });

  it("answers 409 slot_unavailable with the nearest free times when the table is taken", async () => {
    const p = await bookPlace({ tables: [["Solo", 1, 2]] });
    const date = dayFromNow(3, p.timezone);
    const start = localIso(date, "19:00", p.timezone);
    expect((await publicBook(p, { start })).status).toBe(201);
    const res = await publicBook(p, { start });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("slot_unavailable");
    const times = res.json.error.details.map((d: any) => d.localTime);
    expect(times).toEqual(["17:00", "17:15", "17:30", "20:30", "20:45"]);
    expect(res.json.error.details[0].start).toBe(localIso(date, "17:00", p.timezone));
  });
});
