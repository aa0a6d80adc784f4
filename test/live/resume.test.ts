import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, openHost } from "./socket";

afterEach(closeAll);

/** A location with three changes seen by a host that then disconnects, and two it missed. */
async function missedTwo() {
  const o = await signUp();
  const base = `/api/locations/${o.locationId}`;
  const a = await addParty(o, o.locationId, { name: "Ames" });
  const b = await addParty(o, o.locationId, { name: "Baker" });
  await call("POST", `${base}/waitlist/${a.party.id}/notify`, { token: o.token });
  const seen = await openHost(o, o.locationId);
  expect((await seen.next(isSnapshot)).version).toBe(3);
  await seen.close();
  await call("POST", `${base}/waitlist/${b.party.id}/move`, { token: o.token, body: { position: 1 } });
  await call("POST", `${base}/waitlist/${a.party.id}/seat`, { token: o.token });
  return o;
}

describe("host socket: resume after a gap", () => {
  it("with ?since=<version> sends exactly the missed events, in order, and no snapshot", async () => {
    const o = await missedTwo();
    const host = await openHost(o, o.locationId, { since: 3 });
    const first = await host.next();
    const second = await host.next();
    expect([first, second].map((m) => [m.type, m.version, m.event, m.party.name, m.party.status])).toEqual([
      ["event", 4, "party.moved", "Baker", "waiting"],
      ["event", 5, "party.status_changed", "Ames", "seated"],
    ]);
    // Proof that nothing else was sent: the pong comes after anything queued before it.
    host.send("ping");
    await host.next((m) => m === "pong");
    expect(host.messages.filter(isSnapshot)).toEqual([]);
    expect(host.messages).toHaveLength(3);
  });

  it("with a resume message sends exactly the missed events after the snapshot", async () => {
    const o = await missedTwo();
    const host = await openHost(o, o.locationId);
    expect((await host.next(isSnapshot)).version).toBe(5);
    host.send(JSON.stringify({ type: "resume", version: 3 }));
    const replayed = [await host.next(), await host.next()];
    expect(replayed.map((m) => [m.type, m.version, m.event])).toEqual([
      ["event", 4, "party.moved"],
      ["event", 5, "party.status_changed"],
    ]);
    host.send("ping");
    await host.next((m) => m === "pong");
    expect(host.messages).toHaveLength(4);
  });

  it("with since equal to the current version sends nothing, then follows new changes", async () => {
    const o = await missedTwo();
    const host = await openHost(o, o.locationId, { since: 5 });
    host.send("ping");
    expect(await host.next()).toBe("pong");
    host.send(JSON.stringify({ type: "resume", version: 5 }));
    host.send("ping");
    expect(await host.next()).toBe("pong");
    await addParty(o, o.locationId, { name: "Cruz" });
    expect(await host.next(isEvent)).toMatchObject({ version: 6, event: "party.created", party: { name: "Cruz" } });
    expect(host.messages).toHaveLength(3);
  });

  it("with since ahead of the location's version sends a fresh snapshot", async () => {
    const o = await missedTwo();
    const host = await openHost(o, o.locationId, { since: 99 });
    const snap = await host.next();
    expect(snap).toMatchObject({ type: "snapshot", version: 5 });
    expect(snap.parties.map((p: any) => p.name)).toEqual(["Baker"]);
  });

  it("with since=0 replays the location's whole history of events", async () => {
    const o = await missedTwo();
    const host = await openHost(o, o.locationId, { since: 0 });
    const all = [];
    for (let i = 0; i < 5; i++) all.push(await host.next());
    expect(all.map((m) => m.version)).toEqual([1, 2, 3, 4, 5]);
    expect(all.every(isEvent)).toBe(true);
  });

  it("refuses a since that is not a version (400)", async () => {
    const o = await signUp();
    const t = await call("POST", `/api/locations/${o.locationId}/live-ticket`, { token: o.token });
    for (const since of ["-1", "abc", "1.5", "9".repeat(16)]) {
      const res = await call("GET", `${t.json.url}&since=${encodeURIComponent(since)}`, { headers: { Upgrade: "websocket" } });
      expect(res.status, since).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
    }
  });
});
