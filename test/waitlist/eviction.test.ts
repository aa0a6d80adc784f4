// After the DO is evicted (its memory gone, rebuilt from its SQLite on the next call), the line, its
// order, states, version and the outbox are all still there.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { act, added, d1Parties, drainOutbox, freshPlace, list, pendingOutbox } from "./support";

describe("eviction", () => {
  it("keeps parties, their order, states and the version", async () => {
    const p = await freshPlace();
    const a = await added(p, "A", 2);
    await added(p, "B", 4);
    const c = await added(p, "C", 6);
    await act(p, c.id, "move", { position: 1 });
    await act(p, a.id, "notify");
    const before = await list(p);
    await evictDurableObject(p.stub);
    const after = await list(p);
    expect(after.version).toBe(before.version);
    expect(after.parties).toEqual(before.parties);
    expect(after.parties.map((x) => [x.name, x.status, x.position])).toEqual([
      ["C", "waiting", 1],
      ["A", "notified", 2],
      ["B", "waiting", 3],
    ]);
  });

  it("continues the version sequence rather than reusing a version", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    const before = (await list(p)).version;
    await evictDurableObject(p.stub);
    const res = await act(p, a.id, "notify");
    expect(res.json.version).toBeGreaterThan(before);
    expect((await list(p)).version).toBeGreaterThan(before);
  });

  it("remembers a closed party's state and place, so it can still be restored", async () => {
    const p = await freshPlace();
    await added(p, "A");
    const b = await added(p, "B");
    await added(p, "C");
    await act(p, b.id, "notify");
    await act(p, b.id, "seat");
    await evictDurableObject(p.stub);
    const res = await act(p, b.id, "restore");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "notified", position: 2 });
  });

  it("keeps refusing what was invalid before", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    await act(p, a.id, "cancel");
    await evictDurableObject(p.stub);
    expect((await act(p, a.id, "seat")).status).toBe(409);
  });

  it("keeps the outbox, so changes made before it still reach D1", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    await added(p, "B");
    await act(p, a.id, "seat");
    const pending = await pendingOutbox(p.stub);
    await evictDurableObject(p.stub);
    expect(await pendingOutbox(p.stub)).toBe(pending);
    await drainOutbox(p.stub);
    expect((await d1Parties(p.locationId)).map((r) => [r.name, r.state]).sort()).toEqual([
      ["A", "seated"],
      ["B", "waiting"],
    ]);
  });
});
