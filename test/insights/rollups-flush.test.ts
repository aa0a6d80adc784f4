// Rollups follow the D1 mirror: every outbox flush recomputes the local days it touched, so the
// reports see the floor within one flush, and a replayed batch changes no figure.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { localSlot } from "../../domain/insights/local-time";
import { act, added, drainOutbox, pendingOutbox } from "../waitlist/support";
import { floorRows, placeIn, report } from "./support";

describe("rollups from the outbox flush", () => {
  it("a party added, seated and one cancelled through the API appear in the day's reports after the flush", async () => {
    const p = await placeIn("Europe/Paris");
    const a = await added(p, "Ana", 2);
    const b = await added(p, "Ben", 4);
    await added(p, "Cy", 3);
    expect((await act(p, a.id, "seat")).status).toBe(200);
    expect((await act(p, b.id, "cancel")).status).toBe(200);
    await drainOutbox(p.stub);
    const today = localSlot(Date.now(), "Europe/Paris").date;
    const covers = await report(p, "covers", today, today);
    expect(covers.totals).toMatchObject({ walkInParties: 1, walkInGuests: 2, parties: 1, guests: 2 });
    expect(covers.locations).toEqual([{ id: p.locationId, name: expect.any(String), timeZone: "Europe/Paris" }]);
    const waits = await report(p, "waits", today, today);
    expect(waits.overall).toMatchObject({ parties: 1, medianWaitMinutes: 0 });
    expect(waits.demand.reduce((s: number, d: any) => s + d.parties, 0)).toBe(3);
    const drop = await report(p, "drop_off", today, today);
    expect(drop.waitlist).toMatchObject({ parties: 2, seated: 1, cancelled: 1, cancelledShare: 0.5 });
    // The first in line was shown an estimate when it joined; it is mirrored and measured.
    const row = await env.DB.prepare("SELECT join_estimate_minutes AS e FROM parties WHERE id = ?").bind(a.id).first<{ e: number | null }>();
    expect(row?.e).not.toBeNull();
    const acc = await report(p, "quote_accuracy", today, today);
    expect(acc.overall.find((r: any) => r.against === "estimated").parties).toBe(1);
  });

  it("re-delivering every row of the outbox (a replayed batch) leaves every rollup as it was", async () => {
    const p = await placeIn();
    const a = await added(p, "A", 2);
    const b = await added(p, "B", 5);
    await act(p, a.id, "seat");
    await act(p, b.id, "no_show");
    await drainOutbox(p.stub);
    const before = await floorRows(p.locationId);
    expect(before.length).toBeGreaterThanOrEqual(2); // the day and its month
    await runInDurableObject(p.stub, async (_i, state) => {
      state.storage.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) SELECT id, version FROM parties");
    });
    expect(await pendingOutbox(p.stub)).toBe(2);
    await drainOutbox(p.stub);
    expect(await floorRows(p.locationId)).toEqual(before);
    // And a second replay on top of that.
    await runInDurableObject(p.stub, async (_i, state) => {
      state.storage.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) SELECT id, version FROM parties");
    });
    await drainOutbox(p.stub);
    expect(await floorRows(p.locationId)).toEqual(before);
  });
});
