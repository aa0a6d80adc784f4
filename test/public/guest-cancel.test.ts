import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, isStatus, openGuest, openHost } from "../live/socket";

afterEach(closeAll);

describe("guest leaves the line (POST /api/public/parties/:token/leave)", () => {
  it("marks the party left, tells host screens, and moves the next guest up", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Leaver" });
    const next = await addParty(o, o.locationId, { name: "Stayer" });
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const behind = await openGuest(next.guestToken);
    expect(await behind.next(isStatus)).toMatchObject({ position: 2 });

    const res = await call("POST", `/api/public/parties/${me.guestToken}/leave`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "left", position: null, partiesAhead: null, estimatedWaitMinutes: null, quotedWaitMinutes: me.party.quotedWaitMinutes });
    expect(await host.next(isEvent)).toMatchObject({ version: 3, event: "party.status_changed", party: { id: me.party.id, status: "left" } });
    expect(await behind.next(isStatus)).toMatchObject({ version: 3, position: 1, partiesAhead: 0 });
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.parties.map((p: any) => p.name)).toEqual(["Stayer"]);
  });

  it("is harmless to repeat: a second cancel answers the same and sends nothing", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Leaver" });
    await call("POST", `/api/public/parties/${me.guestToken}/leave`);
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const again = await call("POST", `/api/public/parties/${me.guestToken}/leave`);
    expect(again.status).toBe(200);
    expect(again.json.status).toBe("left");
    host.send("ping");
    await host.next((m) => m === "pong");
    expect(host.messages.filter(isEvent)).toEqual([]);
  });

  it("answers 409 once the party has been seated, and changes nothing", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Seated" });
    await call("POST", `/api/locations/${o.locationId}/waitlist/${me.party.id}/seat`, { token: o.token });
    const res = await call("POST", `/api/public/parties/${me.guestToken}/leave`);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("invalid_transition");
    expect((await call("GET", `/api/public/parties/${me.guestToken}`)).json.status).toBe("seated");
  });
});
