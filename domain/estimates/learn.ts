// The estimator's few parameters, from what a location already records: dining durations from its
// booking settings, and from the walk-ins that closed recently how many never took a table and how
// long called parties took to sit down. O(c) in the closed parties looked at.
import type { EstimateModel, LineParty } from "./types";

export interface ClosedWalkIn {
  source: LineParty["source"];
  seated: boolean;
  notifiedAt: number | null;
  seatedAt: number | null;
}

/** Until a location has this many closed walk-ins, its own figures are blended with the defaults. */
const PRIOR_WEIGHT = 20;
export const DEFAULTS = { sigma: 0.35, turnoverMinutes: 5, dropRate: 0.12, lookAhead: 6, seatDelayMinutes: { host: 3, guest: 6 } };

export function learnModel(input: { durationMinutes: (size: number) => number; closed: ClosedWalkIn[]; occupancyKnown: boolean }): EstimateModel {
  let dropped = 0;
  const delay = { host: { sum: 0, n: 0 }, guest: { sum: 0, n: 0 } };
  for (const c of input.closed) {
    if (!c.seated) dropped++;
    else if (c.notifiedAt != null && c.seatedAt != null && c.seatedAt >= c.notifiedAt) {
      const d = c.source === "guest" ? delay.guest : delay.host;
      d.sum += (c.seatedAt - c.notifiedAt) / 60_000;
      d.n++;
    }
  }
  const blend = (sum: number, n: number, prior: number) => (sum + prior * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT);
  const dropRate = blend(dropped, input.closed.length, DEFAULTS.dropRate);
  const hostDelay = blend(delay.host.sum, delay.host.n, DEFAULTS.seatDelayMinutes.host);
  const selfDelay = blend(delay.guest.sum, delay.guest.n, DEFAULTS.seatDelayMinutes.guest);
  return {
    durationMinutes: input.durationMinutes,
    sigma: DEFAULTS.sigma,
    turnoverMinutes: DEFAULTS.turnoverMinutes,
    seatDelayMinutes: (source) => (source === "guest" ? selfDelay : hostDelay),
    dropRate: Math.min(0.5, dropRate),
    lookAhead: DEFAULTS.lookAhead,
    occupancyKnown: input.occupancyKnown,
  };
}
