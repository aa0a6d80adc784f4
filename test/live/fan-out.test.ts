import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, openHost } from "./socket";

afterEach(closeAll);

describe("host socket: every screen sees the same thing", () => {
  it("sends two host sockets the same frames in the same order", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const one = await openHost(o, o.locationId);
    const two = await openHost(o, o.locationId);
    await one.next(isSnapshot);
    await two.next(isSnapshot);

    const a = await addParty(o, o.locationId, { name: "Ames" });
    const b = await addParty(o, o.locationId, { name: "Baker", partySize: 5 });
    // Concurrent changes: the DO orders them; both screens must agree on that order.
    await Promise.all([
      call("POST", `${base}/waitlist/${a.party.id}/notify`, { token: o.token }),
      call("POST", `${base}/waitlist/${b.party.id}/move`, { token: o.token, body: { position: 1 } }),
      call("PATCH", `${base}/waitlist/${b.party.id}`, { token: o.token, body: { notes: "stroller" } }),
      addParty(o, o.locationId, { name: "Cruz" }),
    ]);
    for (let i = 0; i < 6; i++) {
      await one.next(isEvent);
      await two.next(isEvent);
    }
    expect(one.frames.slice(1)).toHaveLength(6);
    expect(two.frames.slice(1)).toEqual(one.frames.slice(1));
    expect(one.messages.slice(1).map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
