// The waitlist's pure rules: states and transitions, order, positions, wait estimates.
// The Durable Object stores and broadcasts; every decision about the line is made here. What a party
// is (its fields) is declared once, in party.ts.
import { isActive, type ActiveState, type ClosedBy, type ClosedState, type PartyState } from "./states";
import type { Party } from "./party";

export { ACTIVE_STATES, CLOSED_BY, CLOSED_STATES, PARTY_SOURCES, PARTY_STATES, isActive } from "./states";
export type { ActiveState, ClosedBy, ClosedState, PartySource, PartyState } from "./states";
export type { Party } from "./party";

export const ACTIONS = ["notify", "seat", "cancel", "no_show", "leave", "restore"] as const;
export type PartyAction = (typeof ACTIONS)[number];

/** A closed party can be brought back this long after it closed. */
export const RESTORE_WINDOW_MS = 15 * 60_000;
/** A guest link keeps working this long after its party closes (to show the end state). */
export const GUEST_TOKEN_GRACE_MS = 24 * 3600_000;

export class TransitionError extends Error {
  constructor(
    message: string,
    readonly from: PartyState,
    readonly action: PartyAction,
  ) {
    super(message);
  }
}

const CLOSING: Partial<Record<PartyAction, ClosedState>> = {
  seat: "seated",
  cancel: "cancelled",
  no_show: "no_show",
  leave: "left",
};

/**
 * The party after `action` at `at`, or a TransitionError (answered 409).
 * Rank is left alone: a restored party returns to its old place in line.
 */
export function transition(p: Party, action: PartyAction, at: number, by: ClosedBy = action === "leave" ? "guest" : "staff"): Party {
  if (action === "restore") {
    if (isActive(p.status)) throw new TransitionError("This party is still in line; there is nothing to restore.", p.status, action);
    if (p.closedAt === null || at - p.closedAt > RESTORE_WINDOW_MS) {
      throw new TransitionError("This party closed more than 15 minutes ago and can no longer be restored.", p.status, action);
    }
    return { ...p, status: p.restoreState ?? "waiting", restoreState: null, closedAt: null, seatedAt: null, closedBy: null, updatedAt: at };
  }
  if (!isActive(p.status)) {
    throw new TransitionError(`This party is already ${p.status.replace("_", "-")}; restore it first.`, p.status, action);
  }
  if (action === "notify") {
    return { ...p, status: "notified", notifiedAt: at, notifyCount: p.notifyCount + 1, updatedAt: at };
  }
  const closed = CLOSING[action]!;
  return {
    ...p,
    status: closed,
    restoreState: p.status,
    closedAt: at,
    seatedAt: closed === "seated" ? at : p.seatedAt,
    closedBy: by,
    ...(by === "automatic" && { autoNoShowAt: at }),
    updatedAt: at,
  };
}

// ---- order -----------------------------------------------------------------------------------

/** Active parties in line order. */
export function lineOrder<T extends { rank: number; createdAt: number; id: string; status: PartyState }>(parties: T[]): T[] {
  return parties
    .filter((p) => isActive(p.status))
    .sort((a, b) => a.rank - b.rank || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A rank that puts a party at `position` (1-based) among `others` (in line order, the moving party
 * excluded). Returns null when the neighbours' ranks are too close to split: renumber, then retry.
 */
export function rankForPosition(others: { rank: number }[], position: number): number | null {
  const index = Math.max(0, Math.min(others.length, position - 1));
  const before = others[index - 1]?.rank;
  const after = others[index]?.rank;
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  const mid = (before + after) / 2;
  return mid > before && mid < after ? mid : null;
}

// ---- estimates --------------------------------------------------------------------------------

export const SIZE_BANDS = ["1-2", "3-4", "5-6", "7+"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export function bandOf(size: number): SizeBand {
  if (size <= 2) return "1-2";
  if (size <= 4) return "3-4";
  if (size <= 6) return "5-6";
  return "7+";
}

export type BandMinutes = Record<SizeBand, number>;

export const DEFAULT_QUOTES: BandMinutes = { "1-2": 15, "3-4": 20, "5-6": 30, "7+": 45 };
export const DEFAULT_INTERVALS: BandMinutes = { "1-2": 8, "3-4": 10, "5-6": 15, "7+": 20 };

export interface Seating {
  at: number;
  band: SizeBand;
  /** Weekday (0 = Sunday) and hour in the location's time zone. */
  weekday: number;
  hour: number;
}

/** Enough intervals to trust an average. */
export const MIN_INTERVALS = 4;
/** Gaps longer than this are a quiet spell or a closed restaurant, not a turn interval. */
export const MAX_INTERVAL_MS = 90 * 60_000;
/** "Recent": the history the estimate looks at. */
export const HISTORY_WINDOW_MS = 28 * 24 * 3600_000;

function averageInterval(times: number[]): number | null {
  const sorted = [...times].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > 0 && gap <= MAX_INTERVAL_MS) gaps.push(gap);
  }
  if (gaps.length < MIN_INTERVALS) return null;
  return gaps.reduce((s, g) => s + g, 0) / gaps.length;
}

export type EstimateSource = "weekday_hour" | "recent" | "default";

/**
 * Minutes between seatings for each band: from seatings on the same weekday and hour where there
 * are enough, else from all recent seatings, else the configured default.
 */
export function bandIntervals(
  seatings: Seating[],
  now: { at: number; weekday: number; hour: number },
  defaults: BandMinutes,
): Record<SizeBand, { minutes: number; source: EstimateSource }> {
  const recent = seatings.filter((s) => s.at <= now.at && now.at - s.at <= HISTORY_WINDOW_MS);
  const out = {} as Record<SizeBand, { minutes: number; source: EstimateSource }>;
  for (const band of SIZE_BANDS) {
    const inBand = recent.filter((s) => s.band === band);
    const sameSlot = averageInterval(inBand.filter((s) => s.weekday === now.weekday && s.hour === now.hour).map((s) => s.at));
    const all = sameSlot === null ? averageInterval(inBand.map((s) => s.at)) : null;
    if (sameSlot !== null) out[band] = { minutes: Math.round(sameSlot / 60_000), source: "weekday_hour" };
    else if (all !== null) out[band] = { minutes: Math.round(all / 60_000), source: "recent" };
    else out[band] = { minutes: defaults[band], source: "default" };
  }
  return out;
}

/** Estimated minutes for a party: its band's interval × (parties of its band ahead + 1). */
export function estimateMinutes(intervalMinutes: number, sameBandAhead: number): number {
  return Math.max(0, Math.round(intervalMinutes * (sameBandAhead + 1)));
}

export interface PartyPosition {
  position: number;
  partiesAhead: number;
  sameBandAhead: number;
}

/** Position (1-based), parties ahead, and parties of the same band ahead, for each active party. */
export function positions<T extends { id: string; partySize: number; rank: number; createdAt: number; status: PartyState }>(
  parties: T[],
): Map<string, PartyPosition> {
  const out = new Map<string, PartyPosition>();
  const perBand: Record<SizeBand, number> = { "1-2": 0, "3-4": 0, "5-6": 0, "7+": 0 };
  lineOrder(parties).forEach((p, i) => {
    const band = bandOf(p.partySize);
    out.set(p.id, { position: i + 1, partiesAhead: i, sameBandAhead: perBand[band] });
    perBand[band]++;
  });
  return out;
}

/** For someone deciding whether to join: the wait per party size, given who is in line now. */
export function joinEstimates<T extends { partySize: number; status: PartyState }>(
  parties: T[],
  intervals: Record<SizeBand, { minutes: number }>,
  maxPartySize: number,
): { partySize: number; estimatedWaitMinutes: number }[] {
  const perBand: Record<SizeBand, number> = { "1-2": 0, "3-4": 0, "5-6": 0, "7+": 0 };
  for (const p of parties) if (isActive(p.status)) perBand[bandOf(p.partySize)]++;
  const out: { partySize: number; estimatedWaitMinutes: number }[] = [];
  for (let partySize = 1; partySize <= maxPartySize; partySize++) {
    const band = bandOf(partySize);
    out.push({ partySize, estimatedWaitMinutes: estimateMinutes(intervals[band].minutes, perBand[band]) });
  }
  return out;
}

/** The weekday (0 = Sunday) and hour of `at` in `timeZone`. */
const weekdayHourFormats = new Map<string, Intl.DateTimeFormat>();

export function localWeekdayHour(at: number, timeZone: string): { weekday: number; hour: number } {
  // One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it.
  let format = weekdayHourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" });
    weekdayHourFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.find((p) => p.type === "weekday")?.value ?? "Sun");
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0) % 24;
  return { weekday: Math.max(0, weekday), hour };
}
