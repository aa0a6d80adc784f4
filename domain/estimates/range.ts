// From a wait's expected value and variance to what a guest is told: a whole-minute figure and a
// range. The constants were set on the simulator's development seeds (bench/estimates, seeds 1–5)
// and checked on held-out seeds (101–105) and fresh seeds (201–220) that played no part in
// choosing them; see README. Revised 2026-12-03 (dev seeds only) to the narrowest range that still
// covered at least 84% of the dev seeds' waits on every profile in both modes.
import type { WaitEstimate } from "./types";

export const RANGE = {
  /** Standard deviations below and above the figure the range spans. */
  zLow: 1.2,
  zHigh: 1.2,
  /** Minutes of spread no model removes: the host's pace, a guest's walk to the door. */
  floorMinutes: 3,
  /** Share of the wait added as spread: the longer the wait, the more can change. */
  relative: 0.3,
  /**
   * Weight of the model's own variance (the chain of uncertain turns ahead of the party): it adds
   * each turn's spread as if nothing evened out, and at full weight the ranges covered ~90% of waits
   * on busy floors at half an hour's width.
   */
  modelShare: 0.5,
};

export function toEstimate(expected: number, variance: number): WaitEstimate {
  const m = Math.max(0, expected);
  const sd = Math.sqrt(RANGE.modelShare * Math.max(0, variance) + RANGE.floorMinutes ** 2 + (RANGE.relative * m) ** 2);
  const minutes = Math.round(m);
  const low = Math.max(0, Math.min(minutes, Math.floor(m - RANGE.zLow * sd)));
  const high = Math.max(minutes, Math.ceil(m + RANGE.zHigh * sd));
  return { minutes, low, high };
}
