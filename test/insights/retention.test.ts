// Retention deletes the insights rollups with the data they summarize: after a 30-day policy runs,
// no figure counts a party created before the cutoff, and newer figures are untouched.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addDays, localSlot } from "../../domain/insights/local-time";
import { call } from "../helpers/api";
import { DAY, runHourly } from "../lifecycle-data/helpers";
import { MIN, mirrorParty, NY, placeIn, rebuild, report } from "./support";

describe("insights retention", () => {
  it("rollups of days before the cutoff go, the cutoff's day and month are recomputed from what remains", async () => {
    const p = await placeIn();
    const now = Date.now();
    const old = now - 40 * DAY;
    const edgeOld = now - 30 * DAY - 60 * MIN; // deleted (an hour past the policy)
    const recent = now - 10 * DAY;
    for (const at of [old, edgeOld, recent]) await mirrorParty(p, { createdAt: at, seatedAt: at + 10 * MIN });
    const today = localSlot(now, NY).date;
    const from = addDays(today, -45);
    await rebuild(p, from, today);
    expect((await report(p, "waits", from, today)).overall.parties).toBe(3);

    expect((await call("PUT", "/api/settings/retention", { token: p.token, body: { policy: "days", days: 30 } })).status).toBe(200);
    await runHourly(now);

    const cutoff = localSlot(now - 30 * DAY, NY).date;
    const older = await env.DB.prepare("SELECT COUNT(*) AS n FROM insight_rollups WHERE location_id = ? AND period = 'day' AND key < ?").bind(p.locationId, cutoff).first<{ n: number }>();
    expect(older!.n).toBe(0);
    expect((await report(p, "waits", from, today)).overall.parties).toBe(1);
    expect((await report(p, "covers", from, addDays(cutoff, -1))).totals.parties).toBe(0);
    expect((await report(p, "covers", localSlot(recent, NY).date, localSlot(recent, NY).date)).totals.parties).toBe(1);
    // No floor rollup of a month before the cutoff's month is left (reading old ranges may write empty
    // message rollups for them, which summarize the texts still kept).
    const cutoffMonth = cutoff.slice(0, 7);
    const months = await env.DB.prepare("SELECT key FROM insight_rollups WHERE location_id = ? AND period = 'month' AND floor IS NOT NULL ORDER BY key").bind(p.locationId).all<{ key: string }>();
    expect(months.results.every((m) => m.key >= cutoffMonth)).toBe(true);
  });

  it("a policy that deletes all the data leaves no figure of it", async () => {
    const p = await placeIn();
    await mirrorParty(p, { createdAt: Date.now() - 2 * DAY, seatedAt: Date.now() - 2 * DAY + 5 * MIN });
    const today = localSlot(Date.now(), NY).date;
    await rebuild(p, addDays(today, -3), today);
    expect((await call("PUT", "/api/settings/retention", { token: p.token, body: { policy: "days", days: 1 } })).status).toBe(200);
    await runHourly(Date.now() + 400 * DAY);
    const rows = await env.DB.prepare("SELECT key FROM insight_rollups WHERE location_id = ? AND period = 'day' AND floor IS NOT NULL").bind(p.locationId).all<{ key: string }>();
    // Only the recomputed (empty) day at the cutoff, a year on, remains.
    expect(rows.results.map((r) => r.key)).toEqual([localSlot(Date.now() + 399 * DAY, NY).date]);
    const left = await env.DB.prepare("SELECT floor FROM insight_rollups WHERE location_id = ? AND floor IS NOT NULL").bind(p.locationId).all<{ floor: string }>();
    for (const r of left.results) expect(JSON.parse(r.floor).waits).toEqual({});
  });
});
