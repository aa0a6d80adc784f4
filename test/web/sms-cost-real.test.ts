// The cost shown in the app matches the texts the location's Durable Object really sends: the same
// renderer, the same link length, the same {time} shape.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { segmentInfo } from "../../domain/sms/segments";
import { DEFAULT_TEMPLATES, renderTemplate } from "../../domain/sms/templates";
import { call, signUp } from "../helpers/api";
import { addParty, flush, freshPhone, rowsTo } from "../sms/helpers";
import { SAMPLE_NAME, sampleLink, sampleTime, sampleValues, smsCost } from "../../web/src/host/settings/sms-cost";

describe("the SMS cost against a real text", () => {
  it("the joined text: the app's prediction with the real position and wait is the text sent, link length and all", async () => {
    const o = await signUp();
    const loc = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json;
    const phone = freshPhone();
    await addParty(o, { name: SAMPLE_NAME, phone, smsConsent: true });
    await flush(o.locationId);
    const row = (await rowsTo(phone))[0]!;
    expect(row.kind).toBe("joined");
    const ctx = { origin: env.APP_URL, restaurant: loc.name, locationId: loc.id, timeZone: loc.timezone };
    const link = /https?:\/\/\S+\/w\/\S+/.exec(row.body)![0];
    expect(link.length).toBe(sampleLink("joined", ctx).length);
    const { position, wait } = /#(?<position>\d+), about (?<wait>\d+) min/.exec(row.body)!.groups!;
    const predicted = renderTemplate(DEFAULT_TEMPLATES.joined.body, { ...sampleValues("joined", ctx), position, wait, link });
    expect(predicted).toBe(row.body);
    // The sample (position 12, 35 min) is at least as long as this real one, so never cheaper.
    expect(smsCost(DEFAULT_TEMPLATES.joined.body, "joined", ctx).sent.segments).toBeGreaterThanOrEqual(segmentInfo(row.body).segments);
  });

  it("the booking confirmation: the manage link has the sample's length and {time} the sample's shape", async () => {
    const o = await signUp();
    const loc = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json;
    expect((await call("POST", `/api/locations/${o.locationId}/tables`, { token: o.token, body: { name: "T1", minSeats: 1, maxSeats: 4 } })).status).toBe(201);
    // Every day open at 12:00–22:00, so a time a few days ahead is always bookable.
    const hours = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "12:00", end: "22:00" }]]));
    expect((await call("PATCH", `/api/locations/${o.locationId}/booking-settings`, { token: o.token, body: { hours } })).status).toBe(200);
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const slots = (await call("GET", `/api/public/locations/${loc.slug}/availability?date=${date}&partySize=2`)).json.slots;
    const phone = freshPhone();
    const made = await call("POST", `/api/locations/${o.locationId}/reservations`, { token: o.token, body: { name: SAMPLE_NAME, phone, smsConsent: true, partySize: 2, start: slots[0].start } });
    expect(made.status).toBe(201);
    await flush(o.locationId);
    const row = (await rowsTo(phone)).find((r) => r.kind === "reservation_confirmation")!;
    const ctx = { origin: env.APP_URL, restaurant: loc.name, locationId: loc.id, timeZone: loc.timezone };
    const link = /https?:\/\/\S+\/book\/\S+/.exec(row.body)![0];
    expect(link.length).toBe(sampleLink("reservation_confirmation", ctx).length);
    const time = /booked for (.+)\. Manage it/.exec(row.body)![1]!;
    const shape = /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2,3}, \d{2}:\d{2}$/;
    expect(time).toMatch(shape);
    expect(sampleTime(loc.timezone)).toMatch(shape);
    expect(renderTemplate(DEFAULT_TEMPLATES.reservation_confirmation.body, { ...sampleValues("reservation_confirmation", ctx), link, time })).toBe(row.body);
  });
});
