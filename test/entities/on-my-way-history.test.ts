// onMyWayAt reaches D1 with the rest of the party: history shows when the guest said they were on
// their way (it used to answer null, the field was never mirrored).
import { env, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, signUp, waitFor } from "../helpers/api";
import { addParty } from "../live/socket";
import { PartySchema } from "../../src/routes/waitlist";

describe("history and on my way", () => {
  it("shows onMyWayAt for a party whose guest said they were on their way", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const coming = await addParty(o, o.locationId, { name: "Coming" });
    await addParty(o, o.locationId, { name: "Silent" }).then((s) => call("POST", `${base}/waitlist/${s.party.id}/seat`, { token: o.token }));
    const said = await call("POST", `/api/public/parties/${coming.guestToken}/on_my_way`, { body: {} });
    expect(said.status, said.text).toBe(200);
    await call("POST", `${base}/waitlist/${coming.party.id}/seat`, { token: o.token });

    await runDurableObjectAlarm(env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId)));
    const history = await waitFor(async () => {
      const h = await call("GET", `${base}/history`, { token: o.token });
      return h.json?.parties?.length === 2 && h.json;
    }, 10_000, "both parties in D1 history");
    const byName = Object.fromEntries(history.parties.map((p: any) => [p.name, p]));
    expect(byName.Coming.onMyWayAt).toBe(said.json.onMyWayAt);
    expect(byName.Silent.onMyWayAt).toBeNull();
    // A history row is a REST party like any other: the declared keys, no more, no fewer.
    expect(Object.keys(byName.Coming).sort()).toEqual(Object.keys(PartySchema.shape).sort());
  });
});
