// Which days' message rollups a report recomputes: those that can still change (delivery receipts
// arrive after the flush) and were not recomputed in the last minute; final and future days never.
import { describe, expect, it } from "vitest";
import { REFRESH_EVERY_MS, staleMessageDays } from "../../src/insights/messages";
import type { StoredRow } from "../../domain/insights/store";

const UTC = "UTC";
const DAY = 86_400_000;
const endOf = (date: string) => Date.parse(`${date}T00:00:00Z`) + DAY;
const day = (key: string, computedAt: number | null): StoredRow => ({ locationId: "L", period: "day", key, floor: null, messages: "{}", messagesComputedAt: computedAt });
const month = (key: string, computedAt: number | null): StoredRow => ({ locationId: "L", period: "month", key, floor: null, messages: "{}", messagesComputedAt: computedAt });

describe("message rollup freshness", () => {
  const now = Date.parse("2026-12-10T12:00:00Z");
  it("recomputes days within three days of their end, never computed days, but not final or future ones", () => {
    const rows = [day("2026-12-01", endOf("2026-12-01") + 3 * DAY), day("2026-12-08", now - 10 * 60_000), day("2026-12-09", now - 10 * 60_000)];
    // 12-01 final; 12-02…12-07 never computed; 12-08/09 settling; 12-10 today (none); 12-11 future.
    expect(staleMessageDays(rows, "L", "2026-12-01", "2026-12-11", "2026-12-10", UTC, now)).toEqual([
      "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10",
    ]);
  });
  it("a day recomputed within the last minute is left alone", () => {
    const rows = [day("2026-12-09", now - REFRESH_EVERY_MS + 1000), day("2026-12-10", now - REFRESH_EVERY_MS - 1)];
    expect(staleMessageDays(rows, "L", "2026-12-09", "2026-12-10", "2026-12-10", UTC, now)).toEqual(["2026-12-10"]);
  });
  it("a whole month is one final month row, or all its days when it is still settling", () => {
    expect(staleMessageDays([month("2026-10", endOf("2026-10-31") + 3 * DAY)], "L", "2026-10-01", "2026-10-31", "2026-12-10", UTC, now)).toEqual([]);
    const settling = staleMessageDays([month("2026-11", endOf("2026-11-30") + DAY)], "L", "2026-11-01", "2026-11-30", "2026-12-02", UTC, endOf("2026-11-30") + DAY + REFRESH_EVERY_MS);
    expect(settling).toHaveLength(30);
    expect(staleMessageDays([month("2026-11", now - 1000)], "L", "2026-11-01", "2026-11-30", "2026-12-02", UTC, now)).toEqual([]);
  });
  it("another location's rows do not count for this one", () => {
    const other = { ...day("2026-12-01", endOf("2026-12-01") + 3 * DAY), locationId: "M" };
    expect(staleMessageDays([other], "L", "2026-12-01", "2026-12-01", "2026-12-10", UTC, now)).toEqual(["2026-12-01"]);
  });
});
