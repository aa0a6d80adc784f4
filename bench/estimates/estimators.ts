// The estimators the simulator compares, each seeing only what a location knows (a Snapshot):
// - tablesready: TablesReady's published formula, the average minutes between seatings of the
//   party's size at this weekday and hour × (parties of that size ahead + 1);
// - seatline-current: Seatline's estimator before issue 19, called through the very functions the
//   DO called (bandIntervals, heldTableFactor, estimateMinutes, positions), composed as the DO did;
// - seatline-floor: the floor-aware estimator (domain/estimates) with table occupancy known;
// - seatline-floor-derived: the same, given only what the DO records today (who was seated when).
import { bandIntervals, bandOf, DEFAULT_INTERVALS, HISTORY_WINDOW_MS, localWeekdayHour, MAX_INTERVAL_MS, positions, type Seating } from "../../domain/waitlist/model";
import { heldTableFactor } from "../../domain/reservations/estimates";
import { durationFor, type Table } from "../../domain/reservations/model";
import { estimateMinutes } from "../../domain/waitlist/model";
import { estimateLine } from "../../domain/estimates/line";
import { learnModel } from "../../domain/estimates/learn";
import type { FloorState } from "../../domain/estimates/types";
import type { Estimator, Quote, Snapshot } from "./sim";

const HOUR = 3_600_000;

/** Seatings keyed by the simulated run, with the DO's own hourly cache (cleared on every seating). */
function cachedBy<T>(compute: (s: Snapshot) => T): (s: Snapshot) => T {
  let key = "";
  let value: T;
  return (s) => {
    const k = `${Math.floor(s.now / HOUR)}:${s.seatings.length}`;
    if (k !== key) {
      key = k;
      value = compute(s);
    }
    return value;
  };
}

export function tablesReady(): Estimator {
  // Minutes between consecutive walk-in seatings of one size in one weekday-and-hour slot over the
  // last 28 days; gaps over 90 minutes are quiet spells. Falls back to the size's gaps at any hour,
  // then to Seatline's default interval for the size's band.
  const intervals = cachedBy((s) => {
    const local = localWeekdayHour(s.now, "UTC");
    const bySlot = new Map<number, number[]>();
    const bySize = new Map<number, number[]>();
    for (const x of s.seatings) {
      if (x.booking || x.at > s.now || s.now - x.at > HISTORY_WINDOW_MS) continue;
      (bySize.get(x.size) ?? bySize.set(x.size, []).get(x.size)!).push(x.at);
      if (x.weekday === local.weekday && x.hour === local.hour) (bySlot.get(x.size) ?? bySlot.set(x.size, []).get(x.size)!).push(x.at);
    }
    const mean = (times: number[] | undefined) => {
      if (!times) return null;
      const gaps: number[] = [];
      for (let i = 1; i < times.length; i++) {
        const g = times[i]! - times[i - 1]!;
        if (g > 0 && g <= MAX_INTERVAL_MS) gaps.push(g);
      }
      return gaps.length >= 2 ? gaps.reduce((a, b) => a + b, 0) / gaps.length / 60_000 : null;
    };
    const out = new Map<number, number>();
    for (let size = 1; size <= 20; size++) out.set(size, mean(bySlot.get(size)) ?? mean(bySize.get(size)) ?? DEFAULT_INTERVALS[bandOf(size)]);
    return out;
  });
  return {
    name: "tablesready",
    estimate(s) {
      const minutes = intervals(s);
      const ahead = new Map<number, number>();
      const out = new Map<string, Quote>();
      for (const p of s.line) {
        const n = ahead.get(p.size) ?? 0;
        out.set(p.id, { minutes: Math.round(minutes.get(p.size)! * (n + 1)) });
        ahead.set(p.size, n + 1);
      }
      return out;
    },
  };
}

export function seatlineCurrent(): Estimator {
  const base = cachedBy((s) => {
    const seatings: Seating[] = s.seatings
      .filter((x) => x.at >= s.now - HISTORY_WINDOW_MS)
      .map((x) => ({ at: x.at, band: bandOf(x.size), weekday: x.weekday, hour: x.hour }));
    return bandIntervals(seatings, { at: s.now, ...localWeekdayHour(s.now, "UTC") }, DEFAULT_INTERVALS);
  });
  return {
    name: "seatline-current",
    estimate(s) {
      // As Restaurant.intervals(at) composed it: base intervals, stretched per band by the tables
      // held for bookings that start within the longest dining duration.
      const intervals = { ...base(s) };
      const durations = s.profile.configuredDurations;
      const tables: Table[] = s.tables.map((t) => ({ ...t, name: t.id, area: "" }));
      const horizon = Math.max(...durations.map((d) => d.minutes), 0) * 60_000;
      const held = s.bookings.filter((b) => (b.status === "booked" || b.status === "arrived" || b.status === "seated") && b.start < s.now + horizon && b.end > s.now);
      if (held.length > 0) {
        for (const band of Object.keys(intervals) as (keyof typeof intervals)[]) {
          const factor = heldTableFactor(tables, held, band, s.now, (size) => durationFor({ durations }, size) * 60_000);
          if (factor !== 1) intervals[band] = { ...intervals[band], minutes: Math.round(intervals[band].minutes * factor) };
        }
      }
      const pos = positions(s.line.map((p) => ({ id: p.id, partySize: p.size, rank: p.rank, createdAt: p.joinedAt, status: p.state })));
      const out = new Map<string, Quote>();
      for (const p of s.line) out.set(p.id, { minutes: estimateMinutes(intervals[bandOf(p.size)].minutes, pos.get(p.id)!.sameBandAhead) });
      return out;
    },
  };
}

/** The floor-aware estimator on what the location knows; `derived`: without table occupancy. */
export function seatlineFloor(derived = false): Estimator {
  let key = "";
  let model: ReturnType<typeof learnModel>;
  const learned = (s: Snapshot) => {
    const k = `${s.closed.length}:${Math.floor(s.now / HOUR)}`;
    if (k !== key) {
      key = k;
      const durations = s.profile.configuredDurations;
      model = learnModel({
        durationMinutes: (size) => durationFor({ durations }, size),
        closed: s.closed.filter((c) => s.now - c.joinedAt <= HISTORY_WINDOW_MS),
        occupancyKnown: !derived,
      });
    }
    return model;
  };
  return {
    name: derived ? "seatline-floor-derived" : "seatline-floor",
    estimate(s) {
      const model = learned(s);
      const seated = derived ? s.seatedToday.map((p) => ({ size: p.size, seatedAt: p.seatedAt, tableIds: p.booking ? p.tableIds : undefined })) : s.atTables;
      const state: FloorState = {
        tables: s.tables,
        combinations: s.combinations,
        seated,
        bookings: s.bookings.filter((b) => b.status === "booked" || b.status === "arrived"),
        line: s.line,
      };
      const r = estimateLine(state, model, s.now);
      return r.byParty;
    },
  };
}

export const ALL_ESTIMATORS = () => [tablesReady(), seatlineCurrent(), seatlineFloor(false), seatlineFloor(true)];
