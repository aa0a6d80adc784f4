// A change the DO takes while a flush's D1 batch is in flight has a higher version: the flush must
// not clear it from the outbox, so it still reaches D1.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Restaurant } from "../../durable-objects/restaurant";
import { flushOutbox } from "../../durable-objects/waitlist/outbox";
import type { LocationRef } from "../../domain/waitlist/protocol";
import { added, d1Parties, freshPlace, list, pendingOutbox } from "./support";

describe("outbox with a change during a flush", () => {
  it("keeps the newer change queued and carries it to D1", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    const batches: string[][] = [];
    await runInDurableObject(p.stub, async (instance: Restaurant, state) => {
      // This flush alone: no alarm may run one alongside, and the add is queued whether or not an
      // alarm already delivered it.
      await state.storage.deleteAlarm();
      state.storage.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) SELECT id, version FROM parties");
      const loc = JSON.parse(state.storage.sql.exec("SELECT value FROM meta WHERE key = 'location'").one().value as string) as LocationRef;
      // The real D1, with the host's notify landing while the first batch is on the wire.
      const d1 = {
        prepare: (query: string) => env.DB.prepare(query),
        batch: async (statements: D1PreparedStatement[]) => {
          const result = await env.DB.batch(statements);
          const states = await d1Parties(p.locationId);
          batches.push(states.map((r) => r.state));
          if (batches.length === 1) expect((await instance.at(loc).act(a.id, "notify")).ok).toBe(true);
          return result;
        },
      } as unknown as D1Database;
      expect(await flushOutbox(state.storage.sql, d1, loc)).toBe(0);
    });
    // First batch: the add; the notify, newer, stayed queued and went in a second batch.
    expect(batches).toEqual([["waiting"], ["notified"]]);
    expect(await pendingOutbox(p.stub)).toBe(0);
    const listed = (await list(p)).parties[0];
    expect(await d1Parties(p.locationId)).toEqual([expect.objectContaining({ id: a.id, state: "notified", notify_count: 1, version: listed.version })]);
  });
});
