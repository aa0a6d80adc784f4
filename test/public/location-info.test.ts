import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty } from "../live/socket";
import { setSettings, slugOf } from "./support";

describe("public location page (GET /api/public/locations/:slug)", () => {
  it("shows name, open, full, maxPartySize, parties in line and an estimate per party size", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await setSettings(o, { maxPartySize: 8 });
    await addParty(o, o.locationId, { name: "Secret-Name-One", size: 2, phone: "+1 212 555 0101" });
    await addParty(o, o.locationId, { name: "Secret-Name-Two", size: 4 });
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
      // Default intervals (1-2: 8, 3-4: 10, 5-6: 15, 7+: 20) × (same band in line + 1).
      estimates: [
        { size: 1, estimateMinutes: 16 },
        { size: 2, estimateMinutes: 16 },
        { size: 3, estimateMinutes: 20 },
        { size: 4, estimateMinutes: 20 },
        { size: 5, estimateMinutes: 15 },
        { size: 6, estimateMinutes: 15 },
        { size: 7, estimateMinutes: 20 },
        { size: 8, estimateMinutes: 20 },
      ],
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
