import { afterEach, describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { addParty, closeAll, isSnapshot, openHost } from "./socket";

afterEach(closeAll);

describe("host socket: snapshot on connect", () => {
  it("sends the whole line first: version, parties in order, settings, intervals", async () => {
    const o = await signUp();
    await addParty(o, o.locationId, { name: "Garcia", partySize: 4 });
    await addParty(o, o.locationId, { name: "Lee", partySize: 2 });
    const host = await openHost(o, o.locationId);
    const first = await host.next();
    expect(first).toMatchObject({ type: "snapshot", version: 2 });
    expect(first.parties.map((p: any) => [p.name, p.position, p.partiesAhead, p.status])).toEqual([
      ["Garcia", 1, 0, "waiting"],
      ["Lee", 2, 1, "waiting"],
    ]);
    expect(first.settings).toMatchObject({ open: true, maxLength: null, maxPartySize: 12 });
    expect(Object.keys(first.intervals).sort()).toEqual(["1-2", "3-4", "5-6", "7+"]);
    expect(first.intervals["1-2"]).toEqual({ minutes: expect.any(Number), source: "default" });
  });

  it("sends exactly one snapshot and nothing else while the line is quiet", async () => {
    const o = await signUp();
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    // A ping is answered after anything already queued, so by the pong every earlier frame is in.
    host.send("ping");
    await host.next((m) => m === "pong");
    expect(host.messages).toEqual([expect.objectContaining({ type: "snapshot", version: 0, parties: [] }), "pong"]);
  });
});
