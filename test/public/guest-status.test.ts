import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty } from "../live/socket";

describe("guest status page (GET /api/public/parties/:token)", () => {
  it("shows the restaurant, this party's state, position, parties ahead, estimate and quoted wait", async () => {
    const o = await signUp({ accountName: "Trattoria Verde" });
    await addParty(o, o.locationId, { name: "Ahead-One", size: 2, phone: "+1 212 555 0101", notes: "allergic to nuts" });
    await addParty(o, o.locationId, { name: "Ahead-Two", size: 5, tags: ["patio"] });
    const me = await addParty(o, o.locationId, { name: "Mine", size: 2, quotedWait: 25 });
    await addParty(o, o.locationId, { name: "Behind-One", size: 2, phone: "+1 212 555 0104" });
    const loc = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json;

    const res = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      restaurant: loc.name,
      partyName: "Mine",
      size: 2,
      state: "waiting",
      position: 3,
      ahead: 2,
      // One party of the same size band ahead: two intervals of the default 8 minutes.
      estimateMinutes: 16,
      quotedWait: 25,
      onMyWayAt: null,
      // The display board is off by default.
      boardLabel: null,
      location: { name: loc.name, slug: loc.slug, language: "en", country: "US", timeZone: loc.timezone, accentColor: null, logoUrl: null },
      almostUpPosition: 3,
    });
  });

  it("never shows another party's data", async () => {
    const o = await signUp();
    await addParty(o, o.locationId, { name: "Zelda Secret", size: 2, phone: "+1 212 555 0199", notes: "VIP-NOTE-XYZ", tags: ["booth-tag-q"] });
    const me = await addParty(o, o.locationId, { name: "Mine", size: 3 });
    const res = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(res.status).toBe(200);
    for (const secret of ["Zelda", "+12125550199", "5550199", "VIP-NOTE-XYZ", "booth-tag-q"]) expect(res.text).not.toContain(secret);
    // No ids, tokens or list of any kind.
    expect(Object.keys(res.json).sort()).toEqual(["ahead", "almostUpPosition", "boardLabel", "estimateMinutes", "location", "onMyWayAt", "partyName", "position", "quotedWait", "restaurant", "size", "state"]);
    expect(Object.keys(res.json.location).sort()).toEqual(["accentColor", "country", "language", "logoUrl", "name", "slug", "timeZone"]);
  });

  it("shows a closed party as closed, with no place in line", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Mine" });
    await call("POST", `/api/locations/${o.locationId}/waitlist/${me.party.id}/seat`, { token: o.token });
    const res = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(res.json).toMatchObject({ state: "seated", position: null, ahead: null, estimateMinutes: null });
  });
});
