// The insight_rollups table (src/db/schema/insights.ts): day rows written whole from a recompute, month rows
// the merge of their days. The floor and messages columns have one writer each (the location's DO
// for the floor, the Worker for messages), so the two refreshes never overwrite each other's figures.
// Runtime-free apart from the D1Database type: both the DO and the Worker use it.
import { addDays, daysBetween } from "./local-time";
import { emptyFloor, emptyMessages, mergeRollups, type FloorRollup, type MessageRollup } from "./rollup";

export type RollupColumn = "floor" | "messages";

export interface RollupScope {
  accountId: string;
  locationId: string;
}

const COLUMN_SQL: Record<RollupColumn, { value: string; at: string }> = {
  floor: { value: "floor", at: "floor_computed_at" },
  messages: { value: "messages", at: "messages_computed_at" },
};

function upsert(d1: D1Database, column: RollupColumn, scope: RollupScope, period: "day" | "month", key: string, json: string, at: number): D1PreparedStatement {
  const c = COLUMN_SQL[column];
  return d1
    .prepare(
      `INSERT INTO insight_rollups (account_id, location_id, period, key, ${c.value}, ${c.at}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (location_id, period, key) DO UPDATE SET ${c.value} = excluded.${c.value}, ${c.at} = excluded.${c.at}`,
    )
    .bind(scope.accountId, scope.locationId, period, key, json, at);
}

const lastOfMonth = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** Writes recomputed day rollups, then recomputes the months they fall in from all their days. */
export async function writeDays(d1: D1Database, scope: RollupScope, column: RollupColumn, days: Map<string, FloorRollup | MessageRollup>, at: number): Promise<void> {
  if (days.size === 0) return;
  // Statement by statement, not d1.batch: the mirror's own batches stay the flush's only batches.
  // Each row is recomputed whole, so a crash between two writes is mended by the next recompute.
  for (const [date, r] of days) await upsert(d1, column, scope, "day", date, JSON.stringify(r), at).run();
  const months = new Set([...days.keys()].map((d) => d.slice(0, 7)));
  const c = COLUMN_SQL[column].value;
  for (const month of months) {
    const rows = await d1
      .prepare(`SELECT ${c} AS v FROM insight_rollups WHERE location_id = ?1 AND period = 'day' AND key >= ?2 AND key <= ?3 AND ${c} IS NOT NULL`)
      .bind(scope.locationId, `${month}-01`, lastOfMonth(month))
      .all<{ v: string }>();
    const parts = rows.results.map((r) => JSON.parse(r.v) as FloorRollup & MessageRollup);
    const sum = column === "floor" ? mergeRollups(emptyFloor(), parts) : mergeRollups(emptyMessages(), parts);
    await upsert(d1, column, scope, "month", month, JSON.stringify(sum), at).run();
  }
}

export interface RangePlan {
  /** Months wholly inside the range: read as month rows. */
  months: string[];
  /** The range's other days (its partial months at either end): read as day rows. */
  days: string[];
}

/** Which rollup rows cover [from, to] (local dates, inclusive) with the fewest rows. */
export function planRange(from: string, to: string): RangePlan {
  const months: string[] = [];
  const days: string[] = [];
  let d = from;
  while (d <= to) {
    const month = d.slice(0, 7);
    const last = lastOfMonth(month);
    if (d === `${month}-01` && last <= to) {
      months.push(month);
      d = addDays(last, 1);
    } else {
      days.push(d);
      d = addDays(d, 1);
    }
  }
  return { months, days };
}

export interface StoredRow {
  locationId: string;
  period: "day" | "month";
  key: string;
  /** The asked parts of the floor rollup, as one JSON object (null when the row has none). */
  floor: string | null;
  /** The message rollup (null when not asked for, or not computed). */
  messages: string | null;
  messagesComputedAt: number | null;
}

/** What a report reads: parts of the floor rollup, and/or the messages. */
export interface ReadParts {
  floor: (keyof FloorRollup)[];
  messages: boolean;
}

const FLOOR_KEYS: readonly (keyof FloorRollup)[] = Object.keys(emptyFloor()) as (keyof FloorRollup)[];

/**
 * The columns for `parts`: SQLite picks the asked parts out of the floor JSON (json_extract, in C),
 * so a report parses and merges only what it shows.
 */
function columns(parts: ReadParts): string {
  const keys = parts.floor.filter((k) => FLOOR_KEYS.includes(k));
  const floor = keys.length
    ? `CASE WHEN floor IS NULL THEN NULL ELSE json_object(${keys.map((k) => `'${k}', json_extract(floor, '$.${k}')`).join(", ")}) END`
    : "NULL";
  return `location_id AS locationId, period, key, ${floor} AS floor, ${parts.messages ? "messages" : "NULL"} AS messages, messages_computed_at AS messagesComputedAt`;
}

/** The rows covering [from, to] for these locations of the account (another account's rows never match). */
export async function readRange(d1: D1Database, accountId: string, locationIds: string[], from: string, to: string, parts: ReadParts): Promise<StoredRow[]> {
  const plan = planRange(from, to);
  const out: StoredRow[] = [];
  const cols = columns(parts);
  for (let i = 0; i < locationIds.length; i += 20) {
    const ids = locationIds.slice(i, i + 20);
    const idList = ids.map(() => "?").join(", ");
    const monthList = plan.months.map(() => "?").join(", ");
    const rows = await d1
      .prepare(
        `SELECT ${cols} FROM insight_rollups
         WHERE account_id = ? AND location_id IN (${idList}) AND (
           (period = 'day' AND key >= ? AND key <= ? AND substr(key, 1, 7) NOT IN (${monthList || "''"}))
           ${plan.months.length ? `OR (period = 'month' AND key IN (${monthList}))` : ""})`,
      )
      .bind(accountId, ...ids, from, to, ...plan.months, ...plan.months)
      .all<StoredRow>();
    out.push(...rows.results);
    // A whole month with no month row (e.g. retention removed it while some of its days remain): its days.
    for (const id of ids) {
      for (const month of plan.months) {
        if (rows.results.some((r) => r.locationId === id && r.period === "month" && r.key === month)) continue;
        const days = await d1
          .prepare(`SELECT ${cols} FROM insight_rollups WHERE account_id = ? AND location_id = ? AND period = 'day' AND key >= ? AND key <= ?`)
          .bind(accountId, id, `${month}-01`, lastOfMonth(month))
          .all<StoredRow>();
        out.push(...days.results);
      }
    }
  }
  return out;
}

/** Days of [from, to] at most `days` long (the API's limit on a range). */
export function rangeLength(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

export { lastOfMonth };
