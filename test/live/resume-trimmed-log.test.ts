import { env, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import type { Restaurant } from "../../durable-objects/restaurant";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isSnapshot, openHost } from "./socket";

afterEach(closeAll);

describe("host socket: resume beyond the kept event log", () => {
  it("sends a new snapshot when the missed events are no longer held (>1000 back), events when they are", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const a = await addParty(o, o.locationId, { name: "Ames" });
    const loc = (await call("GET", base, { token: o.token })).json;
    // 1100 real edits through the DO's own update (what PATCH calls), without 1100 HTTP round trips.
    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId));
    await runInDurableObject(stub, async (instance: Restaurant) => {
      const ref = { id: loc.id, accountId: o.accountId, name: loc.name, timezone: loc.timezone };
      for (let i = 0; i < 1100; i++) {
        const res = await instance.at(ref).update(a.party.id, { notes: `edit ${i}` });
        if (!res.ok) throw new Error(res.message);
      }
    });
    const list = await call("GET", `${base}/waitlist`, { token: o.token });
    expect(list.json.version).toBe(1101);
    expect(list.json.parties[0].notes).toBe("edit 1099");

    const stale = await openHost(o, o.locationId, { since: 5 });
    const snap = await stale.next();
    expect(snap).toMatchObject({ type: "snapshot", version: 1101 });
    expect(snap.parties).toEqual([expect.objectContaining({ id: a.party.id, notes: "edit 1099" })]);
    stale.send("ping");
    await stale.next((m) => m === "pong");
    expect(stale.messages).toHaveLength(2);

    const resumed = await openHost(o, o.locationId);
    await resumed.next(isSnapshot);
    resumed.send(JSON.stringify({ type: "resume", version: 1 }));
    expect(await resumed.next()).toMatchObject({ type: "snapshot", version: 1101 });

    const recent = await openHost(o, o.locationId, { since: 1091 });
    const replay = [];
    for (let i = 0; i < 10; i++) replay.push(await recent.next());
    expect(replay.map((m) => [m.type, m.event, m.version, m.party.notes])).toEqual(
      Array.from({ length: 10 }, (_, i) => ["event", "party.updated", 1092 + i, `edit ${1090 + i}`]),
    );
    recent.send("ping");
    await recent.next((m) => m === "pong");
    expect(recent.messages).toHaveLength(11);
  });
});
