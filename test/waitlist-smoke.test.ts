import { env, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, signUp, waitFor } from "./helpers/api";

describe("waitlist smoke", () => {
  it("adds, lists, seats, flushes to D1, shows history", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const a = await call("POST", `${base}/waitlist`, { token: o.token, body: { name: "Garcia", partySize: 4, phone: "212 555 0100" } });
    expect(a.status).toBe(201);
    expect(a.json.phone).toBe("+12125550100");
    const b = await call("POST", `${base}/waitlist`, { token: o.token, body: { name: "Lee", partySize: 2 } });
    const list = await call("GET", `${base}/waitlist`, { token: o.token });
    expect(list.json.parties.map((p: any) => [p.name, p.position])).toEqual([["Garcia", 1], ["Lee", 2]]);
    const seat = await call("POST", `${base}/waitlist/${a.json.id}/seat`, { token: o.token });
    expect(seat.status).toBe(200);
    expect(seat.json.status).toBe("seated");
    const again = await call("POST", `${base}/waitlist/${a.json.id}/seat`, { token: o.token });
    expect(again.status).toBe(409);
    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId));
    // The flush alarm is due a second after the change; on a busy machine it may already have run on
    // its own, so run it if it has not and wait for the D1 copy either way.
    await runDurableObjectAlarm(stub);
    const hist = await waitFor(async () => {
      const h = await call("GET", `${base}/history`, { token: o.token });
      return h.json?.parties?.length > 0 && h;
    }, 10_000, "the seated party in D1 history");
    expect(hist.status).toBe(200);
    expect(hist.json.parties.map((p: any) => p.name)).toEqual(["Garcia"]);
    const guestToken = b.json.guestUrl.split("/w/")[1];
    const g = await call("GET", `/api/public/parties/${guestToken}`);
    expect(g.json).toMatchObject({ status: "waiting", position: 1, partiesAhead: 0 });
  });
});
