// The outbox's upserts are keyed by id and version: delivering the same changes again — an alarm
// that runs twice, or a flush repeated after a crash between the D1 write and the outbox delete —
// leaves D1 exactly as it was.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { act, added, drainOutbox, freshPlace, pendingOutbox, type Place } from "./support";

async function d1Snapshot(locationId: string) {
  return (await env.DB.prepare("SELECT * FROM parties WHERE location_id = ? ORDER BY id").bind(locationId).all()).results;
}

async function someHistory(p: Place) {
  const a = await added(p, "A", 2);
  const b = await added(p, "B", 4);
  await added(p, "C", 6);
  await act(p, a.id, "notify");
  await act(p, a.id, "seat");
  await act(p, b.id, "cancel");
  await act(p, b.id, "restore");
}

describe("outbox replay", () => {
  it("running the alarm again after a flush changes nothing in D1", async () => {
    const p = await freshPlace();
    await someHistory(p);
    await drainOutbox(p.stub);
    const before = await d1Snapshot(p.locationId);
    expect(before).toHaveLength(3);
    await runDurableObjectAlarm(p.stub);
    await runDurableObjectAlarm(p.stub);
    expect(await d1Snapshot(p.locationId)).toEqual(before);
  });

  it("re-delivering every row (a crash before the outbox was cleared) changes nothing in D1", async () => {
    const p = await freshPlace();
    await someHistory(p);
    await drainOutbox(p.stub);
    const before = await d1Snapshot(p.locationId);
    await runInDurableObject(p.stub, async (_instance, state) => {
      state.storage.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) SELECT id, version FROM parties");
      await state.storage.setAlarm(Date.now());
    });
    expect(await pendingOutbox(p.stub)).toBe(3);
    await drainOutbox(p.stub);
    expect(await d1Snapshot(p.locationId)).toEqual(before);
  });

  it("a later change after a replay still reaches D1", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    await drainOutbox(p.stub);
    await runDurableObjectAlarm(p.stub);
    await act(p, a.id, "notify");
    await drainOutbox(p.stub);
    const row = (await d1Snapshot(p.locationId))[0]!;
    expect(row).toMatchObject({ state: "notified", notify_count: 1 });
  });
});
