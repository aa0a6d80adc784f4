import { describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { addParty } from "./socket";

/** Every bearer route of the live waitlist, for a location and a party in it (valid bodies). */
function routes(locationId: string, partyId: string): [string, string, unknown?][] {
  const base = `/api/locations/${locationId}`;
  return [
    ["GET", `${base}/waitlist`],
    ["POST", `${base}/waitlist`, { name: "Intruder", partySize: 2 }],
    ["GET", `${base}/waitlist/${partyId}`],
    ["PATCH", `${base}/waitlist/${partyId}`, { name: "Renamed" }],
    ["POST", `${base}/waitlist/${partyId}/notify`],
    ["POST", `${base}/waitlist/${partyId}/seat`],
    ["POST", `${base}/waitlist/${partyId}/cancel`],
    ["POST", `${base}/waitlist/${partyId}/no_show`],
    ["POST", `${base}/waitlist/${partyId}/restore`],
    ["POST", `${base}/waitlist/${partyId}/move`, { position: 1 }],
    ["GET", `${base}/history`],
    ["GET", `${base}/waitlist-settings`],
    ["PATCH", `${base}/waitlist-settings`, { open: false }],
    ["POST", `${base}/live-ticket`],
  ];
}

const partyRoutes = (locationId: string, partyId: string) => routes(locationId, partyId).filter(([, path]) => path.includes(partyId));

async function state(o: SignedUp, locationId = o.locationId) {
  const list = await call("GET", `/api/locations/${locationId}/waitlist`, { token: o.token });
  expect(list.status).toBe(200);
  return list.json;
}

function expectNotFound(res: { status: number; json: any; text: string }, secret: string, what: string) {
  expect(res.status, `${what}: ${res.text}`).toBe(404);
  expect(res.json).toEqual({ error: { code: "not_found", message: expect.any(String), details: expect.any(Array) } });
  expect(res.text, what).not.toContain(secret);
}

describe("live waitlist routes: tenancy", () => {
  it("answers 404 on every route for another account's location, and changes nothing there", async () => {
    const a = await signUp();
    const b = await signUp();
    const theirs = await addParty(b, b.locationId, { name: "Their-Party-Name", partySize: 2 });
    const before = await state(b);
    for (const [method, path, body] of routes(b.locationId, theirs.party.id)) {
      expectNotFound(await call(method, path, { token: a.token, body }), "Their-Party-Name", `${method} ${path}`);
    }
    expect(await state(b)).toEqual(before);
    expect(before.settings.open).toBe(true);
  });

  it("answers 404 (not 403) to a host of another account, even where a host's role would be refused", async () => {
    const a = await signUp();
    const host = await addMember(a, "host");
    const b = await signUp();
    const theirs = await addParty(b, b.locationId, { name: "Their-Party-Name" });
    const before = await state(b);
    for (const [method, path, body] of routes(b.locationId, theirs.party.id)) {
      expectNotFound(await call(method, path, { token: host.token, body }), "Their-Party-Name", `${method} ${path}`);
    }
    expect(await state(b)).toEqual(before);
  });

  it("answers 404 for another account's party under the caller's own location", async () => {
    const a = await signUp();
    const b = await signUp();
    await addParty(a, a.locationId, { name: "Mine" });
    const theirs = await addParty(b, b.locationId, { name: "Their-Party-Name" });
    const mineBefore = await state(a);
    const theirsBefore = await state(b);
    for (const [method, path, body] of partyRoutes(a.locationId, theirs.party.id)) {
      expectNotFound(await call(method, path, { token: a.token, body }), "Their-Party-Name", `${method} ${path}`);
    }
    expect(await state(a)).toEqual(mineBefore);
    expect(await state(b)).toEqual(theirsBefore);
  });

  it("answers 404 for a party of another location of the same account", async () => {
    const o = await signUp();
    const uptown = await call("POST", "/api/locations", { token: o.token, body: { name: "Uptown", timezone: "America/New_York" } });
    expect(uptown.status).toBe(201);
    await addParty(o, o.locationId, { name: "Downtown party" });
    const there = await addParty(o, uptown.json.id, { name: "Uptown-Party-Name" });
    const here = await state(o);
    for (const [method, path, body] of partyRoutes(o.locationId, there.party.id)) {
      expectNotFound(await call(method, path, { token: o.token, body }), "Uptown-Party-Name", `${method} ${path}`);
    }
    expect(await state(o)).toEqual(here);
    expect((await state(o, uptown.json.id)).parties.map((p: any) => [p.name, p.status])).toEqual([["Uptown-Party-Name", "waiting"]]);
  });

  it("answers 404 for a location id that does not exist", async () => {
    const o = await signUp();
    for (const [method, path, body] of routes(crypto.randomUUID(), crypto.randomUUID())) {
      expectNotFound(await call(method, path, { token: o.token, body }), "Intruder", `${method} ${path}`);
    }
  });
});
