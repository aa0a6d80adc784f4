// D1 rows are only ever replaced by a newer version: an outbox row older than what D1 holds (a late
// or re-ordered delivery) never overwrites it.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { act, added, d1Parties, drainOutbox, freshPlace } from "./support";

describe("outbox version guard", () => {
  it("an older version never overwrites a newer row in D1", async () => {
    const p = await freshPlace();
    const a = await added(p, "Garcia", 2);
    await act(p, a.id, "notify");
    // D1 holds this party at a far newer version than the DO's (whether or not a flush already ran).
    await env.DB.prepare(
      `INSERT INTO parties (id, account_id, location_id, name, phone, size, notes, tags, quoted_wait, source, sms_consent,
         state, created_at, notified_at, notify_count, seated_at, closed_at, updated_at, version)
       VALUES (?1, ?2, ?3, 'From the future', NULL, 9, '', '[]', 0, 'host', 0, 'seated', 1, NULL, 7, 2, 2, 2, 999)
       ON CONFLICT (id) DO UPDATE SET name = 'From the future', size = 9, state = 'seated', notify_count = 7, version = 999`,
    )
      .bind(a.id, p.accountId, p.locationId)
      .run();
    // Every row the DO holds for it goes out again, older than D1's.
    await runInDurableObject(p.stub, async (_i, state) => {
      state.storage.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) SELECT id, version FROM parties");
      await state.storage.setAlarm(Date.now());
    });
    await drainOutbox(p.stub);
    expect(await d1Parties(p.locationId)).toEqual([
      expect.objectContaining({ id: a.id, name: "From the future", size: 9, state: "seated", notify_count: 7, version: 999 }),
    ]);
  });

  it("a newer version does replace an older row", async () => {
    const p = await freshPlace();
    const a = await added(p, "Garcia", 2);
    await drainOutbox(p.stub);
    await env.DB.prepare("UPDATE parties SET name = 'Stale', version = 0 WHERE id = ?").bind(a.id).run();
    await act(p, a.id, "seat");
    await drainOutbox(p.stub);
    const [row] = await d1Parties(p.locationId);
    expect(row).toMatchObject({ id: a.id, name: "Garcia", state: "seated" });
    expect(row!.version).toBeGreaterThan(a.version);
  });

  it("an equal version is not re-applied", async () => {
    const p = await freshPlace();
    const a = await added(p, "Garcia", 2);
    await drainOutbox(p.stub);
    const [row] = await d1Parties(p.locationId);
    await env.DB.prepare("UPDATE parties SET name = 'Edited in D1' WHERE id = ?").bind(a.id).run();
    await runInDurableObject(p.stub, async (_i, state) => {
      state.storage.sql.exec("INSERT INTO outbox (party_id, version) VALUES (?, ?)", a.id, row!.version);
      await state.storage.setAlarm(Date.now());
    });
    await drainOutbox(p.stub);
    expect((await d1Parties(p.locationId))[0]).toMatchObject({ name: "Edited in D1", version: row!.version });
  });
});
