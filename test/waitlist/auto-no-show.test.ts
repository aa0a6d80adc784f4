// Issue 16: the waitlist's hold timer. With `autoNoShow` on, a notified party that is not seated within
// `holdMinutes` becomes a no-show by itself — from the DO's one alarm (domain/wake.ts), once, from
// stored times (so an evicted DO still does it), through the same commit path as a host's no-show
// (every screen, the D1 mirror, history, Restore), marked `closedBy: "automatic"`.
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import type { Restaurant } from "../../durable-objects/restaurant";
import { call, waitFor } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { closeAll, openHost } from "../live/socket";
import { act, added, d1Parties, drainOutbox, freshPlace, type Place } from "./support";

const MIN = 60_000;

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

function settings(p: Place, body: Record<string, unknown>) {
  return call("PATCH", `${p.base}/waitlist-settings`, { token: p.token, body });
}

/** A location with the hold timer on (or as given), and one party notified at `notifiedAt`. */
async function notifiedParty(opts: { autoNoShow?: boolean; holdMinutes?: number } = {}) {
  const p = await freshPlace();
  const s = await settings(p, { autoNoShow: opts.autoNoShow ?? true, holdMinutes: opts.holdMinutes ?? 10 });
  expect(s.status, s.text).toBe(200);
  const a = await added(p, "Avery", 2);
  await added(p, "Blake", 4);
  const res = await act(p, a.id, "notify");
  expect(res.status, res.text).toBe(200);
  return { p, id: a.id, notifiedAt: Date.parse(res.json.notifiedAt) };
}

/** The party as the DO stores it (read in the DO, whatever the clock says). */
function stored(p: Place, id: string): Promise<{ status: string; version: number; closed_by: string | null; closed_at: number | null }> {
  return runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT state AS status, version, closed_by, closed_at FROM parties WHERE id = ?", id).one() as never);
}

function alarmAt(p: Place): Promise<number | null> {
  return runInDurableObject(p.stub, (_i, state) => state.storage.getAlarm());
}

/** The alarm handler run directly, as a repeated delivery would run it. */
function fireAlarm(p: Place) {
  return runInDurableObject(p.stub, (instance: Restaurant) => instance.alarm());
}

/** Runs the alarm while it is armed at or before `by` (the flushes after a change come first). */
async function alarmsUntil(p: Place, by: number, maxRuns = 10) {
  for (let i = 0; i < maxRuns; i++) {
    const at = await alarmAt(p);
    if (at === null || at > by) return;
    await runDurableObjectAlarm(p.stub);
  }
}

function jumpTo(at: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

describe("automatic no-show after the hold", () => {
  it("is off by default: the settings say autoNoShow false with a 10-minute hold", async () => {
    const p = await freshPlace();
    expect((await call("GET", `${p.base}/waitlist-settings`, { token: p.token })).json).toMatchObject({ autoNoShow: false, holdMinutes: 10 });
  });

  it("arms the one alarm for the end of the hold once the change has been flushed", async () => {
    const { p, notifiedAt } = await notifiedParty();
    await drainOutbox(p.stub);
    expect(await alarmAt(p)).toBe(notifiedAt + 10 * MIN);
  });

  it("marks a notified party not seated within the hold a no-show, closed by \"automatic\", from the alarm", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    await drainOutbox(p.stub);
    jumpTo(notifiedAt + 10 * MIN + 1_000);
    await runDurableObjectAlarm(p.stub);
    expect(await stored(p, id)).toMatchObject({ status: "no_show", closed_by: "automatic", closed_at: notifiedAt + 10 * MIN + 1_000 });
    const got = await call("GET", `${p.base}/waitlist/${id}`, { token: p.token });
    expect(got.json).toMatchObject({ status: "no_show", closedBy: "automatic", position: null });
    // The other party moved up.
    const line = await call("GET", `${p.base}/waitlist`, { token: p.token });
    expect(line.json.parties.map((x: any) => [x.name, x.position])).toEqual([["Blake", 1]]);
  });

  it("waits for the whole hold: a minute before its end the party is still notified", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    await drainOutbox(p.stub);
    jumpTo(notifiedAt + 9 * MIN);
    await fireAlarm(p);
    expect((await stored(p, id)).status).toBe("notified");
  });

  it("fires once, however often the alarm runs", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    await drainOutbox(p.stub);
    jumpTo(notifiedAt + 11 * MIN);
    await fireAlarm(p);
    const first = await stored(p, id);
    expect(first.status).toBe("no_show");
    await fireAlarm(p);
    await fireAlarm(p);
    expect(await stored(p, id)).toEqual(first);
  });

  it("does nothing with the setting off (the party stays notified, and no alarm is armed for it)", async () => {
    const { p, id, notifiedAt } = await notifiedParty({ autoNoShow: false });
    await drainOutbox(p.stub);
    const armed = await alarmAt(p);
    expect(armed === null || armed !== notifiedAt + 10 * MIN).toBe(true);
    jumpTo(notifiedAt + 30 * MIN);
    await fireAlarm(p);
    expect((await stored(p, id)).status).toBe("notified");
  });

  it("leaves a party seated before the end of its hold alone", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    expect((await act(p, id, "seat")).status).toBe(200);
    await drainOutbox(p.stub);
    jumpTo(notifiedAt + 30 * MIN);
    await fireAlarm(p);
    expect(await stored(p, id)).toMatchObject({ status: "seated", closed_by: "staff" });
  });

  it("still happens after the DO was evicted before the end of the hold (the deadline comes from stored times)", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    await drainOutbox(p.stub);
    await evictDurableObject(p.stub);
    expect(await alarmAt(p)).toBe(notifiedAt + 10 * MIN);
    jumpTo(notifiedAt + 10 * MIN + 5_000);
    await runDurableObjectAlarm(p.stub);
    expect(await stored(p, id)).toMatchObject({ status: "no_show", closed_by: "automatic" });
  });

  it("follows a settings change: a shorter hold moves the alarm earlier, turning it off takes the wake away", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    await drainOutbox(p.stub);
    expect(await alarmAt(p)).toBe(notifiedAt + 10 * MIN);
    expect((await settings(p, { holdMinutes: 3 })).status).toBe(200);
    await alarmsUntil(p, notifiedAt + 2 * MIN);
    expect(await alarmAt(p)).toBe(notifiedAt + 3 * MIN);
    expect((await settings(p, { autoNoShow: false })).status).toBe(200);
    await alarmsUntil(p, notifiedAt + 2 * MIN);
    expect(await alarmAt(p)).not.toBe(notifiedAt + 3 * MIN);
    jumpTo(notifiedAt + 4 * MIN);
    await fireAlarm(p);
    expect((await stored(p, id)).status).toBe("notified");
  });

  it("turned on after the notify, holds the party from its notify time", async () => {
    const { p, id, notifiedAt } = await notifiedParty({ autoNoShow: false, holdMinutes: 5 });
    expect((await settings(p, { autoNoShow: true })).status).toBe(200);
    await alarmsUntil(p, notifiedAt + 4 * MIN);
    expect(await alarmAt(p)).toBe(notifiedAt + 5 * MIN);
    jumpTo(notifiedAt + 5 * MIN);
    await runDurableObjectAlarm(p.stub);
    expect((await stored(p, id)).status).toBe("no_show");
  });

  it("restarts the hold when the guest says they are on their way after the notify", async () => {
    const p = await freshPlace();
    await settings(p, { autoNoShow: true, holdMinutes: 10 });
    const joined = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Casey", partySize: 2 } });
    const id = joined.json.id as string;
    const token = new URL(joined.json.guestUrl).pathname.split("/").pop()!;
    const notifiedAt = Date.parse((await act(p, id, "notify")).json.notifiedAt);
    jumpTo(notifiedAt + 6 * MIN);
    const omw = await call("POST", `/api/public/parties/${token}/on_my_way`);
    expect(omw.status, omw.text).toBe(200);
    await alarmsUntil(p, notifiedAt + 7 * MIN);
    expect(await alarmAt(p)).toBe(notifiedAt + 16 * MIN);
    jumpTo(notifiedAt + 11 * MIN);
    await fireAlarm(p);
    expect((await stored(p, id)).status).toBe("notified");
    jumpTo(notifiedAt + 16 * MIN);
    await fireAlarm(p);
    expect((await stored(p, id)).status).toBe("no_show");
  });

  it("reaches open host screens as a state change, like a host's no-show", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    const host = await openHost(p, p.locationId);
    await host.next((m) => m.type === "snapshot");
    await drainOutbox(p.stub);
    jumpTo(notifiedAt + 10 * MIN);
    await runDurableObjectAlarm(p.stub);
    const event = await host.next((m) => m.type === "event" && m.event === "party.status_changed" && m.party.id === id);
    expect(event.party).toMatchObject({ status: "no_show", closedBy: "automatic" });
  });

  it("is mirrored to D1 and history like a manual no-show, with closedBy automatic; a host's no-show says staff", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    const other = (await call("GET", `${p.base}/waitlist`, { token: p.token })).json.parties.find((x: any) => x.name === "Blake");
    expect((await act(p, other.id, "no_show")).status).toBe(200);
    jumpTo(notifiedAt + 10 * MIN);
    await runDurableObjectAlarm(p.stub);
    await drainOutbox(p.stub);
    const rows = await env_d1(p, id);
    expect(rows).toMatchObject({ state: "no_show", closed_by: "automatic" });
    const history = await call("GET", `${p.base}/history?status=no_show`, { token: p.token });
    expect(history.status, history.text).toBe(200);
    expect(history.json.parties.map((x: any) => [x.name, x.status, x.closedBy]).sort()).toEqual([
      ["Avery", "no_show", "automatic"],
      ["Blake", "no_show", "staff"],
    ]);
  });

  it("tells webhook subscribers like a host's no-show: party.status_changed, with closedBy automatic", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    const receiver = `hold-${crypto.randomUUID().slice(0, 8)}`;
    const ep = await call("POST", "/api/webhook-endpoints", { token: p.token, body: { url: `${inject("fakesUrl")}/receiver/${receiver}`, eventTypes: ["party.status_changed"] } });
    expect(ep.status, ep.text).toBe(201);
    jumpTo(notifiedAt + 10 * MIN);
    await runDurableObjectAlarm(p.stub);
    expect((await stored(p, id)).status).toBe("no_show");
    // Back to real time for the delivery (its signature's timestamp is checked against the clock).
    vi.useRealTimers();
    const event = await waitFor(async () => {
      await runDurableObjectAlarm(p.stub);
      const got = (await (await fetch(`${inject("fakesUrl")}/__control/receiver/${receiver}`)).json()) as { body: string }[];
      return got.map((g) => JSON.parse(g.body)).find((e) => e.type === "party.status_changed" && e.data.party.id === id && e.data.party.status === "no_show");
    }, 20_000, "the webhook for the automatic no-show");
    expect(event.data.party).toMatchObject({ status: "no_show", closedBy: "automatic" });
  });

  it("can be undone with Restore, which puts the party back notified in its place and does not fire again for the same notify", async () => {
    const { p, id, notifiedAt } = await notifiedParty();
    jumpTo(notifiedAt + 10 * MIN);
    await runDurableObjectAlarm(p.stub);
    expect((await stored(p, id)).status).toBe("no_show");
    jumpTo(notifiedAt + 12 * MIN);
    const back = await act(p, id, "restore");
    expect(back.status, back.text).toBe(200);
    expect(back.json).toMatchObject({ status: "notified", position: 1, closedBy: null });
    await fireAlarm(p);
    await fireAlarm(p);
    expect((await stored(p, id)).status).toBe("notified");
    // Notified again: a new hold, which runs out in its turn.
    const again = await act(p, id, "notify");
    const second = Date.parse(again.json.notifiedAt);
    jumpTo(second + 10 * MIN);
    await fireAlarm(p);
    expect(await stored(p, id)).toMatchObject({ status: "no_show", closed_by: "automatic" });
  });

  it("refuses a bad autoNoShow with the one 400 error shape and changes nothing", async () => {
    const p = await freshPlace();
    const before = (await call("GET", `${p.base}/waitlist-settings`, { token: p.token })).json;
    for (const [what, body] of [
      ["a string", { autoNoShow: "yes" }],
      ["a number", { autoNoShow: 1 }],
      ["null", { autoNoShow: null }],
      ["with a bad hold", { autoNoShow: true, holdMinutes: 0 }],
    ] as const) {
      expectError(await settings(p, body), 400, "validation_failed", what);
    }
    expect((await call("GET", `${p.base}/waitlist-settings`, { token: p.token })).json).toEqual(before);
  });
});

async function env_d1(p: Place, id: string) {
  return (await d1Parties(p.locationId)).find((r) => r.id === id) as unknown as { state: string; closed_by: string | null };
}
