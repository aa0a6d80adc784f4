// Reservations are customer data: purged by the retention sweep like parties (DO and D1), in the
// daily backup, and in the owner's export.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BACKUP_TABLES } from "../../src/lifecycle/backup";
import { call, waitFor } from "../helpers/api";
import { DAY, MINUTE, runDaily, runHourly } from "../lifecycle-data/helpers";
import { booked, bookPlace, dayFromNow, localIso, publicBook } from "./support";

async function d1Count(accountId: string) {
  return (await env.DB.prepare("SELECT COUNT(*) AS n FROM reservations WHERE account_id = ?").bind(accountId).first<{ n: number }>())!.n;
}
function doCount(stub: DurableObjectStub) {
  return runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM reservations").one().n as number);
}

describe("reservations and the data lifecycle", () => {
  it("a 1-day retention policy deletes reservations from the DO and D1 a day after they were made", async () => {
    const p = await bookPlace();
    expect((await call("PUT", "/api/settings/retention", { token: p.token, body: { policy: "days", days: 1 } })).status).toBe(200);
    const made = Date.now();
    const res = await publicBook(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    // The text queued with the booking arms the alarm for now, so the runtime may already be running it.
    await runDurableObjectAlarm(p.stub);
    await waitFor(async () => (await d1Count(p.accountId)) === 1, 5000, "the reservation in D1");
    await runHourly(made + DAY - MINUTE);
    expect(await d1Count(p.accountId)).toBe(1);
    await runHourly(Date.now() + DAY + MINUTE);
    expect(await d1Count(p.accountId)).toBe(0);
    expect(await doCount(p.stub)).toBe(0);
    expect((await call("GET", `/api/public/reservations/${res.json.token}`)).status).toBe(404);
  });

  it("the daily backup includes the reservations table", async () => {
    const p = await bookPlace();
    await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    await runDurableObjectAlarm(p.stub);
    expect(BACKUP_TABLES).toContain("reservations");
    await runDaily(Date.UTC(2033, 4, 1, 3, 30));
    const m = (await (await env.BACKUPS.get("backups/2033-05-01/manifest.json"))!.json()) as { tables: { name: string; rows: number }[] };
    expect(m.tables.find((t) => t.name === "reservations")!.rows).toBeGreaterThanOrEqual(1);
  });

  it("the owner's JSON export lists the account's reservations", async () => {
    const p = await bookPlace();
    await booked(p, { name: "Exported", start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    await runDurableObjectAlarm(p.stub);
    const res = await call("GET", "/api/account/export?format=json", { token: p.token });
    expect(res.status).toBe(200);
    const data = JSON.parse(res.text);
    expect(data.reservations).toHaveLength(1);
    expect(data.reservations[0]).toMatchObject({ name: "Exported", locationId: p.locationId, status: "booked" });
  });
});
