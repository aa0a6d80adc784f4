// Retention for insights: a rollup never outlives the rows it summarizes. When the policy deletes
// customer data created before `before`, each location's rollups of the local days before the
// cutoff's day go with it, and the cutoff's own day (part deleted, part kept) and its month are
// recomputed from what remains — so no figure keeps counting a deleted party.
import { and, eq, sql } from "drizzle-orm";
import { localSlot } from "../../domain/insights/local-time";
import type { Db } from "../db/client";
import { insightRollups, locations } from "../db/schema";
import type { Env } from "../env";
import { restaurant } from "../restaurant/client";
import { refreshMessages } from "./service";

/** Deletes (and at the boundary recomputes) one account's rollups for data created before `before`; `all` deletes every one. */
export async function purgeRollups(env: Env, d: Db, accountId: string, before: number, all: boolean, at: number): Promise<number> {
  if (all) {
    const res = await d.delete(insightRollups).where(eq(insightRollups.accountId, accountId));
    return res.meta.changes ?? 0;
  }
  let deleted = 0;
  const locs = await d.select().from(locations).where(eq(locations.accountId, accountId));
  for (const loc of locs) {
    const cutoff = localSlot(before, loc.timezone).date;
    const res = await d.run(
      sql`DELETE FROM insight_rollups WHERE account_id = ${accountId} AND location_id = ${loc.id}
          AND ((period = 'day' AND key < ${cutoff}) OR (period = 'month' AND key < ${cutoff.slice(0, 7)}))`,
    );
    const here = res.meta.changes ?? 0;
    deleted += here;
    const boundary = await d
      .select({ key: insightRollups.key })
      .from(insightRollups)
      .where(and(eq(insightRollups.locationId, loc.id), eq(insightRollups.period, "day"), eq(insightRollups.key, cutoff)));
    if (boundary.length > 0 || here > 0) {
      await restaurant(env, loc).rebuildInsights([cutoff]);
      await refreshMessages(env, loc, [cutoff], at);
    }
  }
  return deleted;
}
