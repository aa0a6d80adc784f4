// Answers an insights question for one location or all of an account's locations: checks the
// range, brings the message rollups of recent days up to date, reads the fewest rollup rows that
// cover the range (month rows for whole months, day rows for the rest) and merges them.
import { and, eq } from "drizzle-orm";
import { localSlot } from "../../domain/insights/local-time";
import { emptyFloor, emptyMessages, mergeRollups, type FloorRollup, type MessageRollup } from "../../domain/insights/rollup";
import { readRange, rangeLength, type ReadParts } from "../../domain/insights/store";
import { entitlementsFor } from "../billing/entitlements";
import type { Db } from "../db/client";
import { locations } from "../db/schema";
import type { Env } from "../env";
import { ApiError, notFound } from "../lib/errors";
import { restaurant } from "../restaurant/client";
import { refreshMessageDays, staleMessageDays } from "./messages";

/** The longest range one report covers (a year and a bit, so "the last 12 months" always fits). */
export const MAX_RANGE_DAYS = 400;

export interface InsightsQuery {
  from: string;
  to: string;
  locationId?: string;
}

export interface Insights {
  from: string;
  to: string;
  locations: { id: string; name: string; timeZone: string }[];
  floor: FloorRollup;
  messages: MessageRollup;
  /** Texts a month the plan allows across these locations; null when unlimited. */
  allowanceTexts: number | null;
}

type LocationRow = typeof locations.$inferSelect;

export async function scopeLocations(d: Db, accountId: string, locationId?: string): Promise<LocationRow[]> {
  if (locationId) {
    const row = await d.query.locations.findFirst({ where: and(eq(locations.id, locationId), eq(locations.accountId, accountId)) });
    if (!row) throw notFound("Location");
    return [row];
  }
  return d.select().from(locations).where(eq(locations.accountId, accountId));
}

export function checkRange(from: string, to: string): void {
  if (from > to) throw new ApiError(400, "validation_failed", "The range ends before it starts.", [{ path: "to", message: "to must be on or after from." }]);
  if (rangeLength(from, to) > MAX_RANGE_DAYS) {
    throw new ApiError(400, "validation_failed", `A report covers at most ${MAX_RANGE_DAYS} days.`, [{ path: "to", message: `At most ${MAX_RANGE_DAYS} days after from.` }]);
  }
}

/** Refreshes the message rollups of `dates` a month at a time (one D1 read per month). */
export async function refreshMessages(env: Env, loc: Pick<LocationRow, "id" | "accountId" | "name" | "timezone">, dates: string[], at: number): Promise<void> {
  if (dates.length === 0) return;
  const { primaryProvider } = await restaurant(env, loc).getSmsSettings();
  const byMonth = new Map<string, string[]>();
  for (const d of dates) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
  for (const days of byMonth.values()) {
    await refreshMessageDays(env.DB, { accountId: loc.accountId, locationId: loc.id, timeZone: loc.timezone, primaryProvider }, days, at);
  }
}

/** Reads and merges the rollups of the range: the parts of the floor `parts` names, and the messages when asked. */
export async function loadInsights(env: Env, d: Db, accountId: string, q: InsightsQuery, at: number, parts: ReadParts): Promise<Insights> {
  checkRange(q.from, q.to);
  const locs = await scopeLocations(d, accountId, q.locationId);
  const ids = locs.map((l) => l.id);
  let rows = await readRange(env.DB, accountId, ids, q.from, q.to, parts);
  let refreshed = false;
  // Only the messages report needs the texts of the last days brought up to date.
  for (const loc of parts.messages ? locs : []) {
    const stale = staleMessageDays(rows, loc.id, q.from, q.to, localSlot(at, loc.timezone).date, loc.timezone, at);
    if (stale.length === 0) continue;
    await refreshMessages(env, loc, stale, at);
    refreshed = true;
  }
  if (refreshed) rows = await readRange(env.DB, accountId, ids, q.from, q.to, parts);
  const floor = mergeRollups(emptyFloor(), rows.flatMap((r) => (r.floor ? [JSON.parse(r.floor) as FloorRollup] : [])));
  const messages = mergeRollups(emptyMessages(), rows.flatMap((r) => (r.messages ? [JSON.parse(r.messages) as MessageRollup] : [])));
  let allowanceTexts: number | null = null;
  if (parts.messages) {
    const { plan } = await entitlementsFor(env, accountId, at);
    allowanceTexts = plan.smsPerLocationPerMonth >= 1_000_000_000 ? null : plan.smsPerLocationPerMonth * locs.length;
  }
  return { from: q.from, to: q.to, locations: locs.map((l) => ({ id: l.id, name: l.name, timeZone: l.timezone })), floor, messages, allowanceTexts };
}
