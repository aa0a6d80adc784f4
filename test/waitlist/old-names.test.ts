// The one vocabulary (docs/api-style.md, issue 15 item 1) was applied outright, with no aliases: a
// client still speaking the old names gets the one error shape (or 404 for an old path) and changes
// nothing. The new names work, so each refusal here is about the name alone.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { act, addParty, freshPlace, list } from "./support";

describe("old waitlist names are refused, not read", () => {
  it("an add with `size` instead of `partySize` is 400 validation_failed and adds nobody", async () => {
    const p = await freshPlace();
    const res = await addParty(p, { name: "Old Client", size: 4 });
    expectError(res, 400, "validation_failed");
    expect(JSON.stringify(res.json.error.details)).toMatch(/size/);
    expect((await list(p)).parties).toEqual([]);
  });

  it("an add with `quotedWait` is 400 and adds nobody; `quotedWaitMinutes` is taken", async () => {
    const p = await freshPlace();
    expectError(await addParty(p, { name: "Old Quote", partySize: 2, quotedWait: 30 }), 400, "validation_failed");
    expect((await list(p)).parties).toEqual([]);
    const ok = await addParty(p, { name: "New Quote", partySize: 2, quotedWaitMinutes: 30 });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json).toMatchObject({ name: "New Quote", partySize: 2, quotedWaitMinutes: 30, status: "waiting", source: "host", position: 1, partiesAhead: 0 });
    expect(ok.json).not.toHaveProperty("party");
    expect(ok.json).not.toHaveProperty("size");
    expect(ok.json).not.toHaveProperty("state");
    expect(ok.json.guestUrl).toMatch(/\/w\//);
  });

  it("an edit with `size` is 400 and leaves the party as it was", async () => {
    const p = await freshPlace();
    const a = (await addParty(p, { name: "Edit Me", partySize: 2 })).json;
    expectError(await call("PATCH", `${p.base}/waitlist/${a.id}`, { token: p.token, body: { size: 6 } }), 400, "validation_failed");
    const now = await call("GET", `${p.base}/waitlist/${a.id}`, { token: p.token });
    expect(now.json).toMatchObject({ partySize: 2, version: a.version });
  });

  it("the host's old action path …/no-show answers 404 and the party stays in line; …/no_show works", async () => {
    const p = await freshPlace();
    const a = (await addParty(p, { name: "Late", partySize: 2 })).json;
    const old = await act(p, a.id, "no-show");
    expect(old.status).toBe(404);
    expect((await list(p)).parties.map((x) => [x.name, x.status])).toEqual([["Late", "waiting"]]);
    const now = await act(p, a.id, "no_show");
    expect(now.status, now.text).toBe(200);
    expect(now.json.status).toBe("no_show");
  });

  it("a waitlist-settings change with `quoteMinutes` is 400 and changes nothing", async () => {
    const p = await freshPlace();
    const before = (await call("GET", `${p.base}/waitlist-settings`, { token: p.token })).json;
    expect(before).toHaveProperty("quotedWaitMinutes");
    expect(before).not.toHaveProperty("quoteMinutes");
    expectError(await call("PATCH", `${p.base}/waitlist-settings`, { token: p.token, body: { quoteMinutes: { "1-2": 5 } } }), 400, "validation_failed");
    expect((await call("GET", `${p.base}/waitlist-settings`, { token: p.token })).json).toEqual(before);
  });

  it("history filters by `?status=`; an unknown status is 400 naming `status`", async () => {
    const p = await freshPlace();
    const res = await call("GET", `${p.base}/history?status=seated,gone`, { token: p.token });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "status" })]);
    // The old filter name is refused, not ignored (ignored, it would answer every outcome).
    expectError(await call("GET", `${p.base}/history?state=seated`, { token: p.token }), 400, "validation_failed");
  });
});

describe("old guest names are refused, not read", () => {
  it("the guest's old paths /cancel and /on-my-way answer 404 and the party stays in line", async () => {
    const p = await freshPlace();
    const a = (await addParty(p, { name: "Guest", partySize: 2 })).json;
    const token = (a.guestUrl as string).split("/w/")[1]!;
    expect((await call("POST", `/api/public/parties/${token}/cancel`)).status).toBe(404);
    expect((await call("POST", `/api/public/parties/${token}/on-my-way`)).status).toBe(404);
    const status = await call("GET", `/api/public/parties/${token}`);
    expect(status.json).toMatchObject({ status: "waiting", position: 1, partiesAhead: 0, onMyWayAt: null, name: "Guest", partySize: 2, location: { name: expect.any(String) } });
    expect(status.json).not.toHaveProperty("state");
    expect(status.json).not.toHaveProperty("restaurant");
    expect(status.json).not.toHaveProperty("partyName");
    expect((await call("POST", `/api/public/parties/${token}/leave`)).json.status).toBe("left");
  });

  it("self check-in with `size` is 400 and nobody joins; with `partySize` the answer carries `guestUrl` and source is `guest`", async () => {
    const p = await freshPlace();
    const slug = (await call("GET", `/api/locations/${p.locationId}`, { token: p.token })).json.slug as string;
    const body = { name: "Walk In", phone: "+12125550100", smsConsent: true };
    expectError(await call("POST", `/api/public/locations/${slug}/waitlist`, { body: { ...body, size: 2 }, ip: "198.51.100.7" }), 400, "validation_failed");
    expect((await list(p)).parties).toEqual([]);
    const ok = await call("POST", `/api/public/locations/${slug}/waitlist`, { body: { ...body, partySize: 2 }, ip: "198.51.100.7" });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json).not.toHaveProperty("statusUrl");
    expect(ok.json.guestUrl).toMatch(/\/w\//);
    expect((await list(p)).parties.map((x) => [x.name, x.source])).toEqual([["Walk In", "guest"]]);
  });
});
