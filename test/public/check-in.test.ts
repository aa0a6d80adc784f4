import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { closeAll, isEvent, isSnapshot, openGuest, openHost, tokenOf } from "../live/socket";
import { checkIn, freshPhone, slugOf } from "./support";

afterEach(closeAll);

describe("self check-in (POST /api/public/locations/:slug/waitlist)", () => {
  it("adds the guest: 201 with a token, the /w/<token> link and the status", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const loc = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json;
    const res = await checkIn(slug, { name: "Walk-in", phone: freshPhone(), size: 3, smsConsent: true });
    expect(res.status, res.text).toBe(201);
    expect(res.json.token).toMatch(/^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/);
    expect(res.json.statusUrl).toBe(`https://seatline.test/w/${res.json.token}`);
    expect(tokenOf(res.json.statusUrl)).toBe(res.json.token);
    expect(res.json.status).toEqual({
      restaurant: loc.name,
      partyName: "Walk-in",
      size: 3,
      state: "waiting",
      position: 1,
      ahead: 0,
      estimateMinutes: 10,
      // Quoted its estimate at joining, so the status page says what the join page said (issue 16).
      quotedWait: 10,
      onMyWayAt: null,
      boardLabel: null,
    });
    // The link works at once, on the page and the socket.
    expect((await call("GET", `/api/public/parties/${res.json.token}`)).json).toEqual({
      ...res.json.status,
      // The page's answer adds the place's locale and slug (to join again) and the "almost up" position.
      location: { name: loc.name, slug, language: "en", country: "US", timeZone: loc.timezone, accentColor: null, logoUrl: null },
      almostUpPosition: 3,
    });
    const guest = await openGuest(res.json.token);
    expect(await guest.next()).toMatchObject({ type: "status", position: 1 });
  });

  it("shows the new party on host screens with source self_check_in and the consent given", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const phone = freshPhone();
    const yes = await checkIn(slug, { name: "Consents", phone, size: 2, smsConsent: true, notes: "by the window" });
    const no = await checkIn(slug, { name: "Declines", phone: freshPhone(), size: 2, smsConsent: false });
    expect(yes.status).toBe(201);
    expect(no.status).toBe(201);
    // A consenting guest's "joined" text also shows up (message.updated, queued): look at the parties.
    const added = (m: any) => isEvent(m) && m.event === "party.added";
    const first = await host.next(added);
    const second = await host.next(added);
    expect(first).toMatchObject({
      event: "party.added",
      party: { name: "Consents", source: "self_check_in", smsConsent: true, phone: phone.replace(/ /g, ""), notes: "by the window", state: "waiting" },
    });
    expect(second).toMatchObject({ event: "party.added", party: { name: "Declines", source: "self_check_in", smsConsent: false } });
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.parties.map((p: any) => [p.name, p.source, p.smsConsent])).toEqual([
      ["Consents", "self_check_in", true],
      ["Declines", "self_check_in", false],
    ]);
  });
});
