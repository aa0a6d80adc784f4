import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty } from "../live/socket";
import { setSettings, slugOf } from "./support";

describe("public location page (GET /api/public/locations/:slug)", () => {
  it("shows name, open, full, maxPartySize, parties in line and an estimate per party size", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await setSettings(o, { maxPartySize: 8 });
    await addParty(o, o.locationId, { name: "Secret-Name-One", partySize: 2, phone: "+1 212 555 0101" });
    await addParty(o, o.locationId, { name: "Secret-Name-Two", partySize: 4 });
    const loc = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json;

    const res = await call("GET", `/api/public/locations/${slug}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      name: loc.name,
      slug,
      open: true,
      full: false,
      maxPartySize: 8,
      inLine: 2,
      // Default intervals (1-2: 8, 3-4: 10, 5-6: 15, 7+: 20) × (same band in line + 1); no floor, so no range.
      estimates: [
        { partySize: 1, estimatedWaitMinutes: 16, estimatedWaitRange: null },
        { partySize: 2, estimatedWaitMinutes: 16, estimatedWaitRange: null },
        { partySize: 3, estimatedWaitMinutes: 20, estimatedWaitRange: null },
        { partySize: 4, estimatedWaitMinutes: 20, estimatedWaitRange: null },
        { partySize: 5, estimatedWaitMinutes: 15, estimatedWaitRange: null },
        { partySize: 6, estimatedWaitMinutes: 15, estimatedWaitRange: null },
        { partySize: 7, estimatedWaitMinutes: 20, estimatedWaitRange: null },
        { partySize: 8, estimatedWaitMinutes: 20, estimatedWaitRange: null },
      ],
      // The place as guest pages show it (a new location: UTC, the default booking hours).
      language: "en",
      country: "US",
      timeZone: loc.timezone,
      accentColor: null,
      logoUrl: null,
      address: loc.address,
      phone: loc.phone,
      phoneDisplay: null,
      phoneExample: "(201) 555-0123",
      hoursToday: expect.any(Array),
      nextOpenAt: expect.any(String),
      booking: { online: true, maxPartySize: 8, lastDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(res.text).not.toContain("Secret-Name");
    expect(res.text).not.toContain("5550101");
  });

  it("shows closed and full", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await addParty(o, o.locationId);
    await setSettings(o, { open: false, maxLength: 1 });
    const res = await call("GET", `/api/public/locations/${slug}`);
    expect(res.json).toMatchObject({ open: false, full: true, inLine: 1 });
  });

  it("finds the slug whatever its case, and answers 404 for an unknown one", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    expect((await call("GET", `/api/public/locations/${slug.toUpperCase()}`)).status).toBe(200);
    const res = await call("GET", "/api/public/locations/no-such-place-here");
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "not_found", message: expect.any(String), details: [] } });
  });
});

describe("the place on guest pages: language, country, hours, booking limits", () => {
  it("follows the location's language and phone country, and states its address and phone as the country writes it", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const patched = await call("PATCH", `/api/locations/${o.locationId}`, { token: o.token, body: { timezone: "Europe/Rome", phone: "+39 06 1234 5678", address: "Via del Corso 1, Roma" } });
    expect(patched.status, patched.text).toBe(200);
    await setSettings(o, { language: "it", phoneCountryCode: "39" });
    const res = await call("GET", `/api/public/locations/${slug}`);
    expect(res.json).toMatchObject({
      language: "it",
      country: "IT",
      timeZone: "Europe/Rome",
      address: "Via del Corso 1, Roma",
      phone: "+390612345678",
      phoneDisplay: "06 1234 5678",
      phoneExample: "312 345 6789",
    });
  });

  it("names the next opening and today's hours from the booking hours, and the window's last date", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const rules = await call("PATCH", `/api/locations/${o.locationId}/booking-settings`, {
      token: o.token,
      body: { hours: Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "00:00", end: "23:45" }]])), bookingWindowDays: 10, maxOnlinePartySize: 6 },
    });
    expect(rules.status, rules.text).toBe(200);
    const res = await call("GET", `/api/public/locations/${slug}`);
    expect(res.json.hoursToday).toEqual([{ start: "00:00", end: "23:45" }]);
    // Every day opens at midnight (UTC here): the next opening is the coming midnight.
    const next = new Date(res.json.nextOpenAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.toISOString()).toMatch(/T00:00:00\.000Z$/);
    const last = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(res.json.booking).toEqual({ online: true, maxPartySize: 6, lastDate: last });
  });

  it("refuses a language it has no catalogue for, and changes nothing", async () => {
    const o = await signUp();
    for (const language of ["xx", "EN", "pt", "", 3, null]) {
      const res = await call("PATCH", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token, body: { language } });
      expect(res.status, JSON.stringify(language)).toBe(400);
      expect(res.json.error).toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ path: "language" })] });
    }
    const now = await call("GET", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token });
    expect(now.json.language).toBe("en");
  });
});

describe("the location's accent colour on guest pages", () => {
  it("is shown to guests once set, and cleared with null", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    expect((await setSettings(o, { accentColor: "#8b1e3f" })).accentColor).toBe("#8b1e3f");
    expect((await call("GET", `/api/public/locations/${slug}`)).json.accentColor).toBe("#8b1e3f");
    expect((await setSettings(o, { accentColor: null })).accentColor).toBeNull();
    expect((await call("GET", `/api/public/locations/${slug}`)).json.accentColor).toBeNull();
  });

  it("refuses a colour white text cannot be read on, or that is not #rrggbb, and changes nothing", async () => {
    const o = await signUp();
    await setSettings(o, { accentColor: "#1d4ed8" });
    for (const accentColor of ["#f5c518", "#ffffff", "#777777", "red", "#12345", "url(x)", 12]) {
      const res = await call("PATCH", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token, body: { accentColor } });
      expect(res.status, JSON.stringify(accentColor)).toBe(400);
      expect(res.json.error).toMatchObject({ code: "validation_failed", details: expect.arrayContaining([expect.objectContaining({ path: "accentColor" })]) });
    }
    const light = await call("PATCH", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token, body: { accentColor: "#f5c518" } });
    expect(light.json.error.details[0].message).toMatch(/contrast of at least 4\.5:1/);
    expect((await call("GET", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token })).json.accentColor).toBe("#1d4ed8");
  });
});
