// Bookings are a plan feature: on a plan without them new bookings answer 402 plan_limit (public and
// host alike), while the book already taken stays readable and workable so booked guests are seated.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { booked, bookPlace, dayFromNow, localIso, publicBook, reservationAct, type BookPlace } from "../reservations/support";
import { recurlyChanges, subscribe, subscriptionId, subscriptionWebhook } from "./helpers";

/** A bookable place whose Starter subscription then expired: the free plan's limits apply. */
async function lapsedPlace(): Promise<{ place: BookPlace; existing: { id: string }; date: string }> {
  const place = await bookPlace();
  await subscribe(place, "starter");
  const date = dayFromNow(3, place.timezone);
  const existing = await booked(place, { start: localIso(date, "19:00", place.timezone) });
  await recurlyChanges(await subscriptionId(place.accountId), { state: "expired" });
  await subscriptionWebhook(place.accountId, "expired");
  return { place, existing, date };
}

describe("bookings and the plan", () => {
  it("on Starter a guest can see times and book", async () => {
    const place = await bookPlace();
    await subscribe(place, "starter");
    const date = dayFromNow(3, place.timezone);
    const times = await call("GET", `/api/public/locations/${place.slug}/availability?date=${date}&partySize=2`);
    expect(times.status).toBe(200);
    expect(times.json.slots.length).toBeGreaterThan(0);
    expect((await publicBook(place, { start: times.json.slots[0].start })).status).toBe(201);
  });

  it("on the free plan availability and public booking answer 402 naming Starter, and nothing is booked", async () => {
    const { place, date } = await lapsedPlace();
    const times = await call("GET", `/api/public/locations/${place.slug}/availability?date=${date}&partySize=2`);
    expect(times.status).toBe(402);
    expect(times.json.error).toMatchObject({ code: "plan_limit", message: expect.stringContaining("needs the Starter plan") });
    expect(times.json.error.details[0]).toMatchObject({ feature: "bookings", planNeeded: "starter", currentPlan: "free" });
    const res = await publicBook(place, { start: localIso(date, "13:00", place.timezone) });
    expect(res.status).toBe(402);
    expect(res.json.error.code).toBe("plan_limit");
    const book = await call("GET", `${place.base}/reservations?date=${date}`, { token: place.token });
    expect(book.json.reservations).toHaveLength(1);
  });

  it("on the free plan a host's new booking answers 402, but the existing book can still be worked", async () => {
    const { place, existing, date } = await lapsedPlace();
    const res = await call("POST", `${place.base}/reservations`, { token: place.token, body: { name: "New", partySize: 2, start: localIso(date, "13:00", place.timezone) } });
    expect(res.status).toBe(402);
    expect(res.json.error.code).toBe("plan_limit");
    const confirmed = await reservationAct(place, existing.id, "confirm");
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.reservation.status).toBe("confirmed");
    const book = await call("GET", `${place.base}/reservations?date=${date}`, { token: place.token });
    expect(book.json.reservations.map((r: { id: string }) => r.id)).toEqual([existing.id]);
  });

  it("another account's location still answers 404, not 402", async () => {
    const { place } = await lapsedPlace();
    const other = await bookPlace();
    const res = await call("POST", `${place.base}/reservations`, { token: other.token, body: { name: "X", partySize: 2, start: new Date(Date.now() + 86400_000).toISOString() } });
    expect(res.status).toBe(404);
  });
});
