import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isStatus, openGuest, upgrade } from "../live/socket";

afterEach(closeAll);

describe("guest socket (GET /api/public/parties/:token/live)", () => {
  it("sends this party's status first", async () => {
    const o = await signUp();
    await addParty(o, o.locationId, { name: "First", partySize: 2 });
    const me = await addParty(o, o.locationId, { name: "Mine", partySize: 2, quotedWaitMinutes: 20 });
    const guest = await openGuest(me.guestToken);
    expect(await guest.next()).toEqual({ type: "status", version: 2, status: "waiting", position: 2, partiesAhead: 1, estimatedWaitMinutes: 16, quotedWaitMinutes: 20 });
  });

  it("sends nothing for a change behind the party, and a status for the next change that affects it", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const first = await addParty(o, o.locationId, { name: "First", partySize: 2 });
    const me = await addParty(o, o.locationId, { name: "Mine", partySize: 2 });
    const guest = await openGuest(me.guestToken);
    expect(await guest.next(isStatus)).toMatchObject({ version: 2, position: 2 });

    // Behind the party: an add at the end, an edit, a notify and a move among those behind.
    const later = await addParty(o, o.locationId, { name: "Later", partySize: 2 });
    const last = await addParty(o, o.locationId, { name: "Last", partySize: 6 });
    await call("PATCH", `${base}/waitlist/${later.party.id}`, { token: o.token, body: { notes: "booth" } });
    await call("POST", `${base}/waitlist/${later.party.id}/notify`, { token: o.token });
    await call("POST", `${base}/waitlist/${last.party.id}/move`, { token: o.token, body: { position: 3 } });
    // Ahead, but not a change to this party's position, state or estimate: an edit of the first party's notes.
    await call("PATCH", `${base}/waitlist/${first.party.id}`, { token: o.token, body: { notes: "high chair" } });
    // Affects it: the party ahead is seated (version 9).
    await call("POST", `${base}/waitlist/${first.party.id}/seat`, { token: o.token });

    // Quoted its estimate at joining (one party of 1–2 ahead: 8 × 2 = 16), not the band's fixed 15 (issue 16).
    expect(await guest.next(isStatus)).toEqual({ type: "status", version: 9, status: "waiting", position: 1, partiesAhead: 0, estimatedWaitMinutes: 8, quotedWaitMinutes: 16 });
    // Nothing arrived in between.
    expect(guest.messages).toHaveLength(2);
  });

  it("sends a status when this party itself changes: notified, moved, seated", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    await addParty(o, o.locationId, { name: "First", partySize: 2 });
    const me = await addParty(o, o.locationId, { name: "Mine", partySize: 2 });
    const guest = await openGuest(me.guestToken);
    await guest.next(isStatus);
    await call("POST", `${base}/waitlist/${me.party.id}/notify`, { token: o.token });
    expect(await guest.next()).toMatchObject({ version: 3, status: "notified", position: 2 });
    await call("POST", `${base}/waitlist/${me.party.id}/move`, { token: o.token, body: { position: 1 } });
    expect(await guest.next()).toMatchObject({ version: 4, status: "notified", position: 1, partiesAhead: 0 });
    // A size change moves the party to another band: a new estimate.
    await call("PATCH", `${base}/waitlist/${me.party.id}`, { token: o.token, body: { partySize: 8 } });
    expect(await guest.next()).toMatchObject({ version: 5, position: 1, estimatedWaitMinutes: 20 });
    await call("POST", `${base}/waitlist/${me.party.id}/seat`, { token: o.token });
    expect(await guest.next()).toMatchObject({ version: 6, status: "seated", position: null, partiesAhead: null, estimatedWaitMinutes: null });
    expect(guest.messages).toHaveLength(5);
  });

  it("sends a status when the estimate changes because the location's intervals changed", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Mine", partySize: 2 });
    const guest = await openGuest(me.guestToken);
    expect(await guest.next(isStatus)).toMatchObject({ estimatedWaitMinutes: 8 });
    const res = await call("PATCH", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token, body: { intervalMinutes: { "1-2": 12 } } });
    expect(res.status).toBe(200);
    expect(await guest.next(isStatus)).toMatchObject({ status: "waiting", position: 1, estimatedWaitMinutes: 12 });
    // A settings change that leaves this estimate alone sends nothing more.
    await call("PATCH", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token, body: { intervalMinutes: { "7+": 30 } } });
    guest.send("ping");
    await guest.next((m) => m === "pong");
    expect(guest.messages.filter(isStatus)).toHaveLength(2);
  });

  it("keeps every frame at or under 200 bytes", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const names = Array.from({ length: 30 }, (_, i) => `${"N".repeat(70)}${i}`);
    const ids = [];
    for (const name of names) ids.push((await addParty(o, o.locationId, { name, partySize: 12, notes: "x".repeat(500), quotedWaitMinutes: 600 })).party.id);
    const me = await addParty(o, o.locationId, { name: "M".repeat(80), partySize: 12, notes: "y".repeat(500), tags: Array(10).fill("t".repeat(32)), quotedWaitMinutes: 600 });
    const guest = await openGuest(me.guestToken);
    await guest.next(isStatus);
    await call("POST", `${base}/waitlist/${me.party.id}/notify`, { token: o.token });
    await guest.next(isStatus);
    await call("POST", `${base}/waitlist/${ids[0]}/seat`, { token: o.token });
    await guest.next(isStatus);
    await call("POST", `${base}/waitlist/${me.party.id}/no_show`, { token: o.token });
    await guest.next(isStatus);
    expect(guest.frames).toHaveLength(4);
    for (const frame of guest.frames) expect(new TextEncoder().encode(frame).length, frame).toBeLessThanOrEqual(200);
    for (const frame of guest.frames) expect(frame).not.toContain("NNN");
  });

  it("refuses a foreign Origin (403) and needs an upgrade (426)", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId);
    const foreign = await upgrade(`/api/public/parties/${me.guestToken}/live`, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const plain = await call("GET", `/api/public/parties/${me.guestToken}/live`);
    expect(plain.status).toBe(426);
    expect(plain.json.error.code).toBe("upgrade_required");
  });
});
