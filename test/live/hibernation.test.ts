import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, isStatus, openGuest, openHost } from "./socket";

afterEach(closeAll);

/** Instances seen so far: a new instance after an eviction proves the object really went away. */
const seen = new WeakSet<object>();

describe("live sockets: hibernation and wake", () => {
  it("keeps host and guest sockets, the line, its order and version across an eviction", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const a = await addParty(o, o.locationId, { name: "Ames", partySize: 2 });
    const b = await addParty(o, o.locationId, { name: "Baker", partySize: 2 });
    const c = await addParty(o, o.locationId, { name: "Cruz", partySize: 2 });
    await call("POST", `${base}/waitlist/${c.party.id}/move`, { token: o.token, body: { position: 1 } });
    await call("POST", `${base}/waitlist/${a.party.id}/notify`, { token: o.token });
    const before = (await call("GET", `${base}/waitlist`, { token: o.token })).json;
    expect(before.parties.map((p: any) => p.name)).toEqual(["Cruz", "Ames", "Baker"]);

    const host1 = await openHost(o, o.locationId);
    const host2 = await openHost(o, o.locationId);
    const guest = await openGuest(b.guestToken);
    expect((await host1.next(isSnapshot)).version).toBe(5);
    await host2.next(isSnapshot);
    expect(await guest.next(isStatus)).toMatchObject({ status: "waiting", position: 3, partiesAhead: 2 });

    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId));
    await runInDurableObject(stub, (instance) => void seen.add(instance));
    expect(await runInDurableObject(stub, (instance) => seen.has(instance))).toBe(true);
    await evictDurableObject(stub);
    expect(await runInDurableObject(stub, (instance) => seen.has(instance))).toBe(false);

    // The new instance knows the line only from SQLite and its sockets only from their attachments.
    const seat = await call("POST", `${base}/waitlist/${c.party.id}/seat`, { token: o.token });
    expect(seat.status).toBe(200);
    for (const host of [host1, host2]) {
      expect(await host.next(isEvent)).toMatchObject({ version: 6, event: "party.status_changed", party: { name: "Cruz", status: "seated" } });
    }
    expect(await guest.next(isStatus)).toMatchObject({ version: 6, status: "waiting", position: 2, partiesAhead: 1 });

    const after = (await call("GET", `${base}/waitlist`, { token: o.token })).json;
    expect(after.version).toBe(6);
    expect(after.parties.map((p: any) => [p.name, p.status, p.position])).toEqual([
      ["Ames", "notified", 1],
      ["Baker", "waiting", 2],
    ]);
    for (const p of after.parties) {
      const old = before.parties.find((q: any) => q.id === p.id);
      expect({ ...p, position: null, partiesAhead: null, estimatedWaitMinutes: null }).toEqual({ ...old, position: null, partiesAhead: null, estimatedWaitMinutes: null });
    }
  });

  it("wakes for a socket message (resume) after an eviction and answers from SQLite", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const a = await addParty(o, o.locationId, { name: "Ames" });
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const guest = await openGuest(a.guestToken);
    await guest.next(isStatus);
    await call("PATCH", `${base}/waitlist/${a.party.id}`, { token: o.token, body: { notes: "booth" } });
    await host.next(isEvent);

    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId));
    await evictDurableObject(stub);
    host.send(JSON.stringify({ type: "resume", version: 0 }));
    const replay = [await host.next(), await host.next()];
    expect(replay.map((m) => [m.version, m.event])).toEqual([
      [1, "party.created"],
      [2, "party.updated"],
    ]);
    guest.send(JSON.stringify({ type: "resume", version: 0 }));
    expect(await guest.next()).toMatchObject({ type: "status", version: 2, status: "waiting", position: 1 });

    await evictDurableObject(stub);
    host.send("ping");
    expect(await host.next()).toBe("pong");
    await call("POST", `${base}/waitlist/${a.party.id}/cancel`, { token: o.token });
    expect(await host.next(isEvent)).toMatchObject({ version: 3, party: { status: "cancelled" } });
    expect(await guest.next(isStatus)).toMatchObject({ version: 3, status: "cancelled", position: null });
  });
});
