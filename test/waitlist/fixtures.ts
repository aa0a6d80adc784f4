// Plain values for the pure-module tests: a party with sensible defaults and a seating builder.
import type { Party, Seating, SizeBand } from "../../domain/waitlist/model";

export const T0 = Date.parse("2025-06-03T19:00:00Z");
export const MIN = 60_000;

let n = 0;
export function party(over: Partial<Party> = {}): Party {
  n += 1;
  return {
    id: `p${String(n).padStart(4, "0")}`,
    name: "Garcia",
    phone: null,
    partySize: 2,
    notes: "",
    tags: [],
    quotedWaitMinutes: 15,
    source: "host",
    smsConsent: false,
    status: "waiting",
    restoreState: null,
    rank: n,
    createdAt: T0,
    notifiedAt: null,
    notifyCount: 0,
    seatedAt: null,
    closedAt: null,
    updatedAt: T0,
    version: n,
    onMyWayAt: null,
    almostUpAt: null,
    tableIds: [],
    closedBy: null,
    autoNoShowAt: null,
    ...over,
  };
}

export function seating(at: number, band: SizeBand, weekday: number, hour: number): Seating {
  return { at, band, weekday, hour };
}

/** `count` seatings `gapMin` minutes apart, starting at `start`, all in one weekday/hour slot. */
export function run(start: number, count: number, gapMin: number, band: SizeBand, weekday: number, hour: number): Seating[] {
  return Array.from({ length: count }, (_, i) => seating(start + i * gapMin * MIN, band, weekday, hour));
}
