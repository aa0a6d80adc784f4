import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, openHost } from "../live/socket";
import { expectError, freshIp } from "./support";

afterEach(closeAll);

const onMyWay = (token: string, opts: { ip?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) =>
  call("POST", `/api/public/parties/${token}/on_my_way`, { ip: opts.ip ?? freshIp(), body: opts.body, raw: opts.raw, headers: opts.headers });

describe("guest says they are on their way (POST /api/public/parties/:token/on_my_way)", () => {
  it("marks the party on its way and tells host screens at once", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Coming" });
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);

    const res = await onMyWay(me.guestToken);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "waiting", position: 1, name: "Coming", onMyWayAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const event = await host.next(isEvent);
    expect(event).toMatchObject({ event: "party.updated", party: { id: me.party.id, onMyWayAt: Date.parse(res.json.onMyWayAt) } });
    const status = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(status.json.onMyWayAt).toBe(res.json.onMyWayAt);
  });

  it("is harmless to repeat: the first time stays and no second event is sent", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Twice" });
    const first = await onMyWay(me.guestToken);
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const again = await onMyWay(me.guestToken);
    expect(again.status).toBe(200);
    expect(again.json.onMyWayAt).toBe(first.json.onMyWayAt);
    host.send("ping");
    await host.next((m) => m === "pong");
    expect(host.messages.filter(isEvent)).toEqual([]);
  });

  it("works for a notified party", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Ready" });
    await call("POST", `/api/locations/${o.locationId}/waitlist/${me.party.id}/notify`, { token: o.token });
    const res = await onMyWay(me.guestToken);
    expect(res.status, res.text).toBe(200);
    expect(res.json.status).toBe("notified");
    expect(res.json.onMyWayAt).not.toBeNull();
  });

  it("answers 409 once the party is seated, and changes nothing", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Seated" });
    await call("POST", `/api/locations/${o.locationId}/waitlist/${me.party.id}/seat`, { token: o.token });
    expectError(await onMyWay(me.guestToken), 409, "invalid_transition");
    const status = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(status.json).toMatchObject({ status: "seated", onMyWayAt: null });
  });

  it("refuses a party not yet almost up (409, one error shape), changes nothing and tells no host", async () => {
    const o = await signUp();
    for (const name of ["A", "B", "C"]) await addParty(o, o.locationId, { name });
    const fourth = await addParty(o, o.locationId, { name: "Fourth" });
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const res = await onMyWay(fourth.guestToken);
    expectError(res, 409, "invalid_transition");
    expect(res.json.error.message).toMatch(/almost up/);
    const status = await call("GET", `/api/public/parties/${fourth.guestToken}`);
    expect(status.json).toMatchObject({ status: "waiting", position: 4, onMyWayAt: null });
    host.send("ping");
    await host.next((m) => m === "pong");
    expect(host.messages.filter(isEvent)).toEqual([]);
  });

  it("allows it once the parties ahead have moved it up to the almost-up position", async () => {
    const o = await signUp();
    const first = await addParty(o, o.locationId, { name: "First" });
    for (const name of ["B", "C"]) await addParty(o, o.locationId, { name });
    const fourth = await addParty(o, o.locationId, { name: "Fourth" });
    expectError(await onMyWay(fourth.guestToken), 409, "invalid_transition");
    await call("POST", `/api/locations/${o.locationId}/waitlist/${first.party.id}/seat`, { token: o.token });
    const res = await onMyWay(fourth.guestToken);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ position: 3, onMyWayAt: expect.any(String) });
  });

  it("allows a notified party wherever it is in line", async () => {
    const o = await signUp();
    for (const name of ["A", "B", "C", "D"]) await addParty(o, o.locationId, { name });
    const fifth = await addParty(o, o.locationId, { name: "Fifth" });
    await call("POST", `/api/locations/${o.locationId}/waitlist/${fifth.party.id}/notify`, { token: o.token });
    const res = await onMyWay(fifth.guestToken);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "notified", onMyWayAt: expect.any(String) });
  });

  it("follows the location's almost-up position", async () => {
    const o = await signUp();
    for (const name of ["A", "B", "C"]) await addParty(o, o.locationId, { name });
    const fourth = await addParty(o, o.locationId, { name: "Fourth" });
    const patch = await call("PATCH", `/api/locations/${o.locationId}/sms-settings`, { token: o.token, body: { almostUpPosition: 4 } });
    expect(patch.status, patch.text).toBe(200);
    expect((await onMyWay(fourth.guestToken)).status).toBe(200);
    const sixth = (await addParty(o, o.locationId, { name: "Fifth" }), await addParty(o, o.locationId, { name: "Sixth" }));
    expectError(await onMyWay(sixth.guestToken), 409, "invalid_transition");
  });

  it("answers 404 for a made-up, malformed or oversized token, without data", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Real" });
    const forged = me.guestToken.slice(0, 32) + "A".repeat(43);
    for (const token of [forged, "nope", "0".repeat(32) + "x".repeat(43)]) {
      const res = await onMyWay(token);
      expectError(res, 404, "not_found");
      expect(res.text).not.toContain("Real");
    }
    expectError(await onMyWay("a".repeat(200)), 400, "validation_failed");
  });

  it("ignores a body of any type or size it does not need, and other methods are 405", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Body" });
    expect((await onMyWay(me.guestToken, { body: { status: "seated", onMyWayAt: 1 } })).json.status).toBe("waiting");
    expectError(await onMyWay(me.guestToken, { raw: "x".repeat(70 * 1024), headers: { "Content-Type": "application/json" } }), 413, "payload_too_large");
    const get = await call("GET", `/api/public/parties/${me.guestToken}/on_my_way`);
    expectError(get, 405, "method_not_allowed");
  });

  it("cannot touch another account's party: a token is only ever its own party", async () => {
    const a = await signUp();
    const b = await signUp();
    const mine = await addParty(a, a.locationId, { name: "A-party" });
    await addParty(b, b.locationId, { name: "B-party" });
    // B's location id with A's HMAC part: not a valid token for anyone.
    const mixed = b.locationId.replace(/-/g, "") + mine.guestToken.slice(32);
    expectError(await onMyWay(mixed), 404, "not_found");
    const list = await call("GET", `/api/locations/${b.locationId}/waitlist`, { token: b.token });
    expect(list.json.parties[0].onMyWayAt).toBeNull();
  });

  it("is rate limited per client IP", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Spammy" });
    const ip = freshIp();
    for (let i = 0; i < 60; i++) expect((await onMyWay(me.guestToken, { ip })).status).toBe(200);
    const limited = await onMyWay(me.guestToken, { ip });
    expectError(limited, 429, "rate_limited");
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});
