// No text goes to a party without its SMS consent.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { addParty, flush, freshPhone, rowsTo, sendText } from "./helpers";

let o: SignedUp;
let slug: string;
let ip = 0;
beforeAll(async () => {
  o = await signUp();
  slug = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.slug;
});

const checkIn = (body: Record<string, unknown>) => call("POST", `/api/public/locations/${slug}/waitlist`, { body: { name: "Walk-in", partySize: 2, ...body }, ip: `192.0.2.${++ip}` });

describe("SMS consent", () => {
  it("self check-in with consent is texted (the control for the tests below)", async () => {
    const phone = freshPhone();
    expect((await checkIn({ phone, smsConsent: true })).status).toBe(201);
    await flush(o.locationId);
    expect((await rowsTo(phone)).map((r) => r.kind)).toEqual(["joined"]);
  });

  it("self check-in without consent gets no text at all", async () => {
    const phone = freshPhone();
    expect((await checkIn({ phone, smsConsent: false })).status).toBe(201);
    await flush(o.locationId);
    expect(await rowsTo(phone)).toEqual([]);
  });

  it("a host-added party without smsConsent gets no text, not even when notified or cancelled", async () => {
    const phone = freshPhone();
    const party = await addParty(o, { phone });
    await flush(o.locationId);
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token })).status).toBe(200);
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/cancel`, { token: o.token })).status).toBe(200);
    await flush(o.locationId);
    expect(await rowsTo(phone)).toEqual([]);
  });

  it("a host-added party with smsConsent false gets no text", async () => {
    const phone = freshPhone();
    const party = await addParty(o, { phone, smsConsent: false });
    await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token });
    await flush(o.locationId);
    expect(await rowsTo(phone)).toEqual([]);
  });

  it("a host cannot text a party without consent (409), and nothing is queued", async () => {
    const phone = freshPhone();
    const party = await addParty(o, { phone });
    const res = await sendText(o, party.id, { body: "Hello?" });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: { code: "conflict", message: expect.stringMatching(/agreed|consent/i), details: [] } });
    await flush(o.locationId);
    expect(await rowsTo(phone)).toEqual([]);
  });

  it("consent given later (PATCH) lets the next text through", async () => {
    const phone = freshPhone();
    const party = await addParty(o, { phone });
    expect((await call("PATCH", `/api/locations/${o.locationId}/waitlist/${party.id}`, { token: o.token, body: { smsConsent: true } })).status).toBe(200);
    await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token });
    await flush(o.locationId);
    expect((await rowsTo(phone)).map((r) => r.kind)).toEqual(["table_ready"]);
  });
});
