// If D1 is unavailable when the alarm flushes, the outbox keeps every row, the DO keeps answering,
// the alarm is re-armed, and a later alarm delivers everything: nothing is lost.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "../helpers/api";
import { act, added, d1Parties, drainOutbox, freshPlace, list, pendingOutbox } from "./support";

async function takeD1Offline() {
  await env.DB.prepare("ALTER TABLE parties RENAME TO parties_offline").run();
}
async function bringD1Back() {
  const offline = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'parties_offline'").first();
  if (offline) await env.DB.prepare("ALTER TABLE parties_offline RENAME TO parties").run();
}

describe("outbox while D1 is unavailable", () => {
  afterEach(async () => {
    vi.useRealTimers();
    await bringD1Back();
  });

  it("keeps the rows through failed flushes and delivers them all once D1 is back", async () => {
    const p = await freshPlace();
    // Offline first, so no flush (the alarm fires on its own a second after a change) gets there before.
    await takeD1Offline();
    const a = await added(p, "A", 2);
    const b = await added(p, "B", 5);

    expect(await runDurableObjectAlarm(p.stub)).toBe(true);
    expect(await pendingOutbox(p.stub)).toBe(2);
    // A failed flush re-arms the alarm, so a retry is coming without any new change.
    const retryAt = await runInDurableObject(p.stub, (_i, state) => state.storage.getAlarm());
    expect(retryAt).not.toBeNull();

    // The DO keeps taking changes while D1 is away.
    expect((await act(p, a.id, "seat")).status).toBe(200);
    const c = await added(p, "C", 3);
    expect((await list(p)).parties.map((x) => x.name)).toEqual(["B", "C"]);
    expect(await runDurableObjectAlarm(p.stub)).toBe(true);
    expect(await pendingOutbox(p.stub)).toBe(3);

    await bringD1Back();
    await drainOutbox(p.stub);
    const rows = await d1Parties(p.locationId);
    expect(rows.map((r) => [r.id, r.name, r.state]).sort()).toEqual(
      [
        [a.id, "A", "seated"],
        [b.id, "B", "waiting"],
        [c.id, "C", "waiting"],
      ].sort(),
    );
    const history = await call("GET", `${p.base}/history`, { token: p.token });
    expect(history.json.parties.map((x: { name: string }) => x.name)).toEqual(["A"]);
  });

  it("a flush that failed does not reorder versions: D1 ends at each party's last version", async () => {
    const p = await freshPlace();
    await takeD1Offline();
    const a = await added(p, "A");
    await runDurableObjectAlarm(p.stub);
    await act(p, a.id, "notify");
    await act(p, a.id, "notify");
    await bringD1Back();
    await drainOutbox(p.stub);
    const listed = (await list(p)).parties[0];
    expect(await d1Parties(p.locationId)).toEqual([expect.objectContaining({ id: a.id, state: "notified", notify_count: 2, version: listed.version })]);
  });

  it("a closed party stays in the DO past its purge time until D1 has it", async () => {
    const p = await freshPlace();
    await takeD1Offline();
    const a = await added(p, "A");
    await act(p, a.id, "seat");
    // Two days on, the alarm would purge a closed party whose guest link has lapsed — unless it is
    // still waiting for D1.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 48 * 3600_000);
    await runDurableObjectAlarm(p.stub);
    const kept = await runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT state FROM parties WHERE id = ?", a.id).toArray());
    expect(kept).toEqual([{ state: "seated" }]);
    await bringD1Back();
    await drainOutbox(p.stub);
    expect(await d1Parties(p.locationId)).toEqual([expect.objectContaining({ id: a.id, state: "seated" })]);
    // Delivered, it is purged like any other.
    const left = await runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT id FROM parties WHERE id = ?", a.id).toArray());
    expect(left).toEqual([]);
  });
});
