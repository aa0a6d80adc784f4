// Reservations reach D1 through the DO's outbox: one row per reservation with account_id, upserts
// guarded by version so a replayed flush changes nothing.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Restaurant } from "../../durable-objects/restaurant";
import { flushReservationOutbox } from "../../durable-objects/reservations/outbox";
import { booked, bookPlace, dayFromNow, localIso, reservationAct } from "./support";

async function d1Row(id: string) {
  return env.DB.prepare("SELECT * FROM reservations WHERE id = ?").bind(id).first<Record<string, any>>();
}

function pending(stub: DurableObjectStub) {
  return runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM reservation_outbox").one().n as number);
}

describe("the D1 mirror", () => {
  it("carries a new reservation to D1 with its account and location", async () => {
    const p = await bookPlace();
    const r = await booked(p, { name: "Mirror", partySize: 3, start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone), tags: ["vip"] });
    await runDurableObjectAlarm(p.stub);
    expect(await pending(p.stub)).toBe(0);
    const row = await d1Row(r.id);
    expect(row).toMatchObject({ account_id: p.accountId, location_id: p.locationId, name: "Mirror", party_size: 3, status: "booked", source: "host", version: r.version });
    expect(JSON.parse(row!.tags)).toEqual(["vip"]);
    expect(JSON.parse(row!.table_ids)).toEqual(r.tableIds);
    expect(row!.start_at).toBe(Date.parse(r.start));
  });

  it("carries status changes, and a replayed older version changes nothing", async () => {
    const p = await bookPlace();
    const r = await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    await runDurableObjectAlarm(p.stub);
    const cancelled = (await reservationAct(p, r.id, "cancel")).json.reservation;
    await runDurableObjectAlarm(p.stub);
    expect(await d1Row(r.id)).toMatchObject({ status: "cancelled", version: cancelled.version });
    // Replay the first version's row as a retried flush would: D1 keeps the newer one.
    await runInDurableObject(p.stub, async (instance: Restaurant, state) => {
      state.storage.sql.exec("UPDATE reservations SET status = 'booked', version = ? WHERE id = ?", r.version, r.id);
      state.storage.sql.exec("INSERT OR REPLACE INTO reservation_outbox (reservation_id, version) VALUES (?, ?)", r.id, r.version);
      await flushReservationOutbox(state.storage.sql, env.DB, { id: p.locationId, accountId: p.accountId, name: "x", timezone: p.timezone });
      void instance;
    });
    expect(await d1Row(r.id)).toMatchObject({ status: "cancelled", version: cancelled.version });
  });
});
