import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, openHost } from "./socket";

afterEach(closeAll);

describe("host socket: events carry only what changed", () => {
  it("sends an edit as the one party, the same size with 2 or 40 parties in line", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const target = await addParty(o, o.locationId, { name: "Target", partySize: 2 });
    await addParty(o, o.locationId, { name: "Other-1", partySize: 2 });
    await host.next(isEvent);
    await host.next(isEvent);

    const edit = async (notes: string) => {
      const res = await call("PATCH", `${base}/waitlist/${target.party.id}`, { token: o.token, body: { notes } });
      expect(res.status).toBe(200);
      const event = await host.next(isEvent);
      expect(event).toMatchObject({ event: "party.updated", party: { id: target.party.id, notes } });
      return host.frames[host.messages.indexOf(event)]!;
    };
    const withTwo = await edit("window seat");

    for (let i = 2; i <= 39; i++) await addParty(o, o.locationId, { name: `Other-${i}`, partySize: 2 });
    for (let i = 2; i <= 39; i++) await host.next(isEvent);
    const withForty = await edit("window seat");

    // Only the version numbers (two of them) may have gained a digit or two.
    expect(Math.abs(withForty.length - withTwo.length)).toBeLessThanOrEqual(4);
    expect(withForty).not.toContain("Other-");
    expect(Object.keys(JSON.parse(withForty)).sort()).toEqual(["event", "party", "type", "version"]);
    // The snapshot, by contrast, grows with the line: the event is not a snapshot in disguise.
    const fresh = await openHost(o, o.locationId);
    await fresh.next(isSnapshot);
    expect(fresh.frames[0]!.length).toBeGreaterThan(20 * withForty.length);
  });
});
