// Issue 16: the quote, the estimate and the "joined" text say the same figure. Without a named quote
// a party is quoted its estimate at joining; a host's own quote is what the text says.
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, flush, freshPhone, rowsTo } from "./helpers";

let ip = 0;

describe("quotes that agree", () => {
  it("a self check-in is quoted its estimate at joining, and its joined text says that figure", async () => {
    const o = await signUp();
    const slug = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.slug;
    // Two parties of 1–2 ahead; the default interval for the band is 8 minutes: 8 × 3 = 24.
    await addParty(o, { name: "Ahead one" });
    await addParty(o, { name: "Ahead two" });
    const phone = freshPhone();
    const res = await call("POST", `/api/public/locations/${slug}/waitlist`, { body: { name: "Walk-in", partySize: 2, phone, smsConsent: true }, ip: `192.0.2.${++ip}` });
    expect(res.status).toBe(201);
    expect(res.json.status).toMatchObject({ position: 3, estimatedWaitMinutes: 24, quotedWaitMinutes: 24 });
    await flush(o.locationId);
    const [joined] = await rowsTo(phone);
    expect(joined?.kind).toBe("joined");
    expect(joined?.body).toContain("about 24 min");
  });

  it("a host's own quote is what the joined text says, even against a longer estimate", async () => {
    const o = await signUp();
    for (const name of ["A", "B", "C"]) await addParty(o, { name });
    const phone = freshPhone();
    const party = await addParty(o, { name: "Quoted", phone, smsConsent: true, quotedWaitMinutes: 15 });
    const got = await call("GET", `/api/locations/${o.locationId}/waitlist/${party.id}`, { token: o.token });
    expect(got.json).toMatchObject({ quotedWaitMinutes: 15, estimatedWaitMinutes: 32 });
    await flush(o.locationId);
    const [joined] = await rowsTo(phone);
    expect(joined?.body).toContain("about 15 min");
  });

  it("a host add without a quote is quoted the estimate for its band, not the band's fixed default", async () => {
    const o = await signUp();
    for (let i = 0; i < 5; i++) await addParty(o, { name: `P${i}`, partySize: 4 });
    const party = await addParty(o, { name: "Sixth", partySize: 3 });
    const got = await call("GET", `/api/locations/${o.locationId}/waitlist/${party.id}`, { token: o.token });
    // 3–4's default interval is 10 minutes; five of the band ahead: 60, where the fixed default was 20.
    expect(got.json).toMatchObject({ quotedWaitMinutes: 60, estimatedWaitMinutes: 60 });
  });
});
