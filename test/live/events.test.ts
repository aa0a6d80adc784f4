import { afterEach, describe, expect, it, vi } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, openHost } from "./socket";

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

describe("host socket: one event per change", () => {
  it("sends add, edit, notify, seat, cancel, no-show, restore, move and settings changes in order, versions +1 each", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const host = await openHost(o, o.locationId);
    const snap = await host.next(isSnapshot);
    expect(snap.version).toBe(0);

    const a = await addParty(o, o.locationId, { name: "Ames", partySize: 2 });
    const b = await addParty(o, o.locationId, { name: "Baker", partySize: 2 });
    const c = await addParty(o, o.locationId, { name: "Cruz", partySize: 2 });
    const d = await addParty(o, o.locationId, { name: "Diaz", partySize: 2 });
    const steps: [string, string, unknown?][] = [
      ["PATCH", `${base}/waitlist/${a.party.id}`, { notes: "booth" }],
      ["POST", `${base}/waitlist/${a.party.id}/notify`],
      ["POST", `${base}/waitlist/${a.party.id}/seat`],
      ["POST", `${base}/waitlist/${b.party.id}/cancel`],
      ["POST", `${base}/waitlist/${c.party.id}/no_show`],
      ["POST", `${base}/waitlist/${c.party.id}/restore`],
      ["POST", `${base}/waitlist/${d.party.id}/move`, { position: 1 }],
      ["PATCH", `${base}/waitlist-settings`, { maxLength: 30 }],
    ];
    for (const [method, path, body] of steps) {
      const res = await call(method, path, { token: o.token, body });
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(200);
    }

    const expected: [string, string | null, string | null][] = [
      ["party.created", "Ames", "waiting"],
      ["party.created", "Baker", "waiting"],
      ["party.created", "Cruz", "waiting"],
      ["party.created", "Diaz", "waiting"],
      ["party.updated", "Ames", "waiting"],
      ["party.status_changed", "Ames", "notified"],
      ["party.status_changed", "Ames", "seated"],
      ["party.status_changed", "Baker", "cancelled"],
      ["party.status_changed", "Cruz", "no_show"],
      ["party.status_changed", "Cruz", "waiting"],
      ["party.moved", "Diaz", "waiting"],
      ["settings.updated", null, null],
    ];
    const events = [];
    for (let i = 0; i < expected.length; i++) events.push(await host.next(isEvent));
    expect(events.map((e) => [e.event, e.party?.name ?? null, e.party?.status ?? null])).toEqual(expected);
    expect(events.map((e) => e.version)).toEqual(expected.map((_, i) => i + 1));
    expect(events.at(-1).settings.maxLength).toBe(30);
    expect(events[4].party.notes).toBe("booth");
    // Each party event carries the party at that version.
    for (const e of events.slice(0, -1)) expect(e.party.version).toBe(e.version);
    // Nothing beyond one frame per change.
    expect(host.untaken()).toEqual([]);
    const list = await call("GET", `${base}/waitlist`, { token: o.token });
    expect(list.json.version).toBe(expected.length);
    expect(list.json.parties.map((p: any) => p.name)).toEqual(["Diaz", "Cruz"]);
  });

  it("keeps versions strictly increasing by one when estimates change after seatings", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await addParty(o, o.locationId, { name: `P${i}`, partySize: 2 })).party.id);
    // Seatings five minutes apart: enough intervals for the estimate to come from history, which
    // emits estimates.updated with a version of its own.
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const [i, id] of ids.entries()) {
      vi.setSystemTime(t0 + (i + 1) * 5 * 60_000);
      const res = await call("POST", `${base}/waitlist/${id}/seat`, { token: o.token });
      expect(res.status).toBe(200);
    }
    const list = await call("GET", `${base}/waitlist`, { token: o.token });
    const last = list.json.version as number;
    const events = [];
    for (let v = 1; v <= last; v++) events.push(await host.next(isEvent));
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.event === "party.status_changed")).toHaveLength(7);
    const estimates = events.filter((e) => e.event === "estimates.updated");
    expect(estimates.length).toBeGreaterThanOrEqual(1);
    expect(estimates.at(-1).intervals["1-2"]).toMatchObject({ minutes: 5 });
    expect(host.untaken()).toEqual([]);
  });

  it("follows a change of default intervals with estimates.updated, on a version of its own", async () => {
    const o = await signUp();
    await addParty(o, o.locationId, { name: "Ames", partySize: 2 });
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const res = await call("PATCH", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token, body: { intervalMinutes: { "1-2": 12 } } });
    expect(res.status).toBe(200);
    expect(await host.next(isEvent)).toMatchObject({ version: 2, event: "settings.updated", settings: { intervalMinutes: { "1-2": 12 } } });
    expect(await host.next(isEvent)).toMatchObject({ version: 3, event: "estimates.updated", intervals: { "1-2": { minutes: 12, source: "default" } } });
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.version).toBe(3);
    expect(list.json.parties[0].estimatedWaitMinutes).toBe(12);
  });
});
