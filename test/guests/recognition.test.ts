// A returning guest is recognised by phone across the account's locations, never across accounts.
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { booked, bookPlace, dayFromNow, localIso, reservationAct } from "../reservations/support";
import { flushed, guestOf, lookUp, mirroredVisit, newPhone, seatedVisit, stubOf } from "./support";
import { runDurableObjectAlarm } from "cloudflare:test";

describe("guest history", () => {
  it("counts seated parties and attended bookings at two locations of one account", async () => {
    const p = await bookPlace({ timezone: "America/New_York" });
    const second = await call("POST", "/api/locations", { token: p.token, body: { name: "Uptown", timezone: "Europe/Rome" } });
    expect(second.status, second.text).toBe(201);
    const phone = newPhone();
    const a = await seatedVisit(p, p.locationId, phone);
    // A party that left is no visit.
    const left = await call("POST", `/api/locations/${p.locationId}/waitlist`, { token: p.token, body: { name: "Garcia", partySize: 2, phone } });
    await call("POST", `/api/locations/${p.locationId}/waitlist/${left.json.id}/cancel`, { token: p.token });
    // A booking the guest attended counts; one that was cancelled does not.
    const r = await booked(p, { start: localIso(dayFromNow(1, p.timezone), "19:00", p.timezone), phone, name: "Garcia" });
    expect((await reservationAct(p, r.id, "arrive")).status).toBe(200);
    const r2 = await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone), phone, name: "Garcia" });
    expect((await reservationAct(p, r2.id, "cancel")).status).toBe(200);
    await flushed(p.locationId, [a, left.json.id]);
    const b = await seatedVisit(p, second.json.id, phone);
    await flushed(second.json.id, [b]);
    await runDurableObjectAlarm(stubOf(p.locationId));

    const g = await guestOf(p, phone);
    expect(g).toMatchObject({ phone, visitCount: 3, tags: [], notes: "" });
    // The last visit is the one at the second location, dated in its zone.
    expect(g.lastVisit.location).toEqual({ id: second.json.id, name: "Uptown", timeZone: "Europe/Rome" });
    const at = Date.parse(g.lastVisit.visitedAt);
    expect(g.lastVisit.date).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(at));
    // The look-up is stable: the same guest id every time, and the one GET answers.
    expect((await guestOf(p, phone)).id).toBe(g.id);
    const one = await call("GET", `/api/guests/${g.id}`, { token: p.token });
    expect(one.status).toBe(200);
    expect(one.json).toEqual(g);
  });

  it("a number typed with spaces, or with its + unencoded, finds the same guest; a first-timer is no guest", async () => {
    const o = await signUp();
    const phone = newPhone();
    await flushed(o.locationId, [await seatedVisit(o, o.locationId, phone)]);
    const spaced = `${phone.slice(0, 2)} ${phone.slice(2, 5)} ${phone.slice(5)}`;
    expect((await guestOf(o, spaced)).phone).toBe(phone);
    const raw = await call("GET", `/api/guests?phone=${phone}`, { token: o.token });
    expect(raw.status).toBe(200);
    expect(raw.json.items.map((x: any) => x.phone)).toEqual([phone]);
    const both = await lookUp(o, phone, newPhone());
    expect(both.json).toEqual({ items: [expect.objectContaining({ phone, visitCount: 1 })], nextCursor: null });
  });

  it("a full screen's look-up: 50 returning numbers at once, none asked before", async () => {
    const o = await signUp();
    const phones = Array.from({ length: 50 }, () => newPhone());
    for (const [i, phone] of phones.entries()) await mirroredVisit(o.accountId, o.locationId, phone, 1 + (i % 3));
    const res = await lookUp(o, ...phones);
    expect(res.status, res.text).toBe(200);
    expect(res.json.items.map((g: any) => [g.phone, g.visitCount])).toEqual(phones.map((p) => [p, 1]));
    expect(new Set(res.json.items.map((g: any) => g.id)).size).toBe(50);
    const again = await lookUp(o, ...phones);
    expect(again.json.items.map((g: any) => g.id)).toEqual(res.json.items.map((g: any) => g.id));
  });

  it("never reaches another account: its look-up sees nothing, its ids answer 404", async () => {
    const a = await signUp();
    const b = await signUp();
    const phone = newPhone();
    await flushed(a.locationId, [await seatedVisit(a, a.locationId, phone)]);
    const g = await guestOf(a, phone);
    expect(g.visitCount).toBe(1);
    expect((await lookUp(b, phone)).json.items).toEqual([]);
    expect((await call("GET", "/api/guests", { token: b.token })).json.items).toEqual([]);
    for (const [method, body] of [["GET", undefined], ["PATCH", { tags: ["VIP"] }], ["DELETE", undefined]] as const) {
      const res = await call(method, `/api/guests/${g.id}`, { token: b.token, body });
      expect(res.status, `${method} ${res.text}`).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    // Whatever the role: a host of the other account is told 404 too, not 403.
    const bHost = await addMember(b, "host");
    expect((await call("DELETE", `/api/guests/${g.id}`, { token: bHost.token })).status).toBe(404);
    expect((await guestOf(a, phone))).toMatchObject({ id: g.id, tags: [], visitCount: 1 });
  });

  it("staff tag and note a guest; a first-time guest can be started; the list pages", async () => {
    const o = await signUp();
    const phone = newPhone();
    await flushed(o.locationId, [await seatedVisit(o, o.locationId, phone)]);
    const g = await guestOf(o, phone);
    const patched = await call("PATCH", `/api/guests/${g.id}`, { token: o.token, body: { tags: ["VIP"], notes: "Prefers the window.\nNo nuts." } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({ id: g.id, tags: ["VIP"], notes: "Prefers the window.\nNo nuts.", visitCount: 1 });
    const fresh = newPhone();
    const created = await call("POST", "/api/guests", { token: o.token, body: { phone: fresh, tags: ["VIP"] } });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ phone: fresh, tags: ["VIP"], notes: "", visitCount: 0, lastVisit: null });
    const again = await call("POST", "/api/guests", { token: o.token, body: { phone: fresh } });
    expect(again.status).toBe(409);
    expect(again.json.error.details[0]).toMatchObject({ path: "phone", guestId: created.json.id });
    const list = await call("GET", "/api/guests?limit=1", { token: o.token });
    expect(list.json.items.map((x: any) => x.id)).toEqual([created.json.id]);
    const next = await call("GET", `/api/guests?limit=1&cursor=${list.json.nextCursor}`, { token: o.token });
    expect(next.json).toEqual({ items: [expect.objectContaining({ id: g.id, tags: ["VIP"] })], nextCursor: null });
  });
});
