// The guest's manage link: view the booking, change time or size, cancel — until the cut-off.
import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, dayFromNow, localIso, publicBook } from "./support";

async function bookedOnline(settings?: Record<string, unknown>) {
  const p = await bookPlace({ settings });
  const date = dayFromNow(3, p.timezone);
  const res = await publicBook(p, { name: "Ana", start: localIso(date, "19:00", p.timezone) });
  expect(res.status, res.text).toBe(201);
  return { p, date, token: res.json.token as string };
}

describe("the manage link", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the booking, the restaurant and until when it can be changed", async () => {
    const { p, date, token } = await bookedOnline({ cutoffMinutes: 120 });
    const res = await call("GET", `/api/public/reservations/${token}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.reservation).toMatchObject({ name: "Ana", partySize: 2, localDate: date, localTime: "19:00", status: "booked" });
    expect(res.json.restaurant).toEqual({ name: expect.any(String), slug: p.slug, timezone: p.timezone, timeZone: p.timezone, language: "en", country: "US", accentColor: null, logoUrl: null });
    expect(res.json.canChange).toBe(true);
    expect(res.json.changeCutoffAt).toBe(localIso(date, "17:00", p.timezone));
    // Nothing the host sees: no phone, no table, no id.
    expect(res.text).not.toMatch(/\+1415|tableIds|"id"/);
  });

  it("changes the time and the party size", async () => {
    const { p, date, token } = await bookedOnline();
    const res = await call("PATCH", `/api/public/reservations/${token}`, { body: { start: localIso(date, "20:00", p.timezone), partySize: 3 } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.reservation).toMatchObject({ localTime: "20:00", partySize: 3, end: localIso(date, "21:45", p.timezone) });
  });

  it("refuses a change to a taken time with 409 and the nearest free times", async () => {
    const p = await bookPlace({ tables: [["Only", 1, 4]] });
    const date = dayFromNow(3, p.timezone);
    const mine = await publicBook(p, { start: localIso(date, "13:00", p.timezone) });
    await publicBook(p, { start: localIso(date, "19:00", p.timezone) });
    const res = await call("PATCH", `/api/public/reservations/${mine.json.token}`, { body: { start: localIso(date, "19:00", p.timezone) } });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("slot_unavailable");
    expect(res.json.error.details.length).toBeGreaterThan(0);
  });

  it("cancels, and a second cancel answers the same", async () => {
    const { token } = await bookedOnline();
    const first = await call("POST", `/api/public/reservations/${token}/cancel`);
    expect(first.status, first.text).toBe(200);
    expect(first.json.reservation.status).toBe("cancelled");
    const again = await call("POST", `/api/public/reservations/${token}/cancel`);
    expect(again.status).toBe(200);
    expect(again.json.reservation.status).toBe("cancelled");
    expect((await call("GET", `/api/public/reservations/${token}`)).json.canChange).toBe(false);
  });

  it("refuses changes and cancelling after the cut-off (409), and says so", async () => {
    const { p, date, token } = await bookedOnline({ cutoffMinutes: 120 });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse(localIso(date, "17:30", p.timezone)));
    expect((await call("GET", `/api/public/reservations/${token}`)).json.canChange).toBe(false);
    const change = await call("PATCH", `/api/public/reservations/${token}`, { body: { partySize: 3 } });
    expect(change.status).toBe(409);
    expect(change.json.error.code).toBe("invalid_transition");
    expect((await call("POST", `/api/public/reservations/${token}/cancel`)).status).toBe(409);
  });

  it("answers 404 for a well-formed token that is not a booking, and for a waitlist guest token", async () => {
    const { token, p } = await bookedOnline();
    const forged = token.slice(0, 32) + "A".repeat(43);
    expect((await call("GET", `/api/public/reservations/${forged}`)).status).toBe(404);
    const party = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "W", partySize: 2 } });
    const guestToken = party.json.guestUrl.split("/w/")[1];
    expect((await call("GET", `/api/public/reservations/${guestToken}`)).status).toBe(404);
    // And the reverse: a booking's token is no waitlist link.
    expect((await call("GET", `/api/public/parties/${token}`)).status).toBe(404);
  });

  it("answers 404 for garbage tokens", async () => {
    for (const t of ["nope", "0".repeat(75), "%00"]) expect((await call("GET", `/api/public/reservations/${t}`)).status).toBe(404);
  });
});
