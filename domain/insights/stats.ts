// Figures from one-minute histograms: nearest-rank quantiles and error summaries, exact on the
// whole minutes the rollups hold.
import type { Hist } from "./rollup";

export function histCount(h: Hist | undefined): number {
  let n = 0;
  for (const c of Object.values(h ?? {})) n += c;
  return n;
}

/** Merges histograms into a new one. */
export function histSum(hs: Iterable<Hist | undefined>): Hist {
  const out: Hist = {};
  for (const h of hs) for (const [k, c] of Object.entries(h ?? {})) out[k] = (out[k] ?? 0) + c;
  return out;
}

/** The nearest-rank quantile (the smallest value with at least ⌈q·n⌉ values at or below it); null when empty. */
export function quantile(h: Hist, q: number): number | null {
  const entries = Object.entries(h)
    .map(([k, c]) => [Number(k), c] as const)
    .filter(([, c]) => c > 0)
    .sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const [v, c] of entries) {
    seen += c;
    if (seen >= rank) return v;
  }
  return entries.at(-1)![0];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A share rounded to 4 decimals, null when nothing was counted. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

export interface ErrorSummary {
  parties: number;
  meanAbsoluteErrorMinutes: number | null;
  within5MinutesShare: number | null;
  within10MinutesShare: number | null;
  /** Mean of (actual − promised): positive when guests waited longer than they were told. */
  biasMinutes: number | null;
  /** Share of parties that waited longer than promised (under-quoted). */
  longerShare: number | null;
  /** Share of parties seated sooner than promised (over-quoted). */
  shorterShare: number | null;
}

/** Summary of a histogram of (actual − promised) minutes. */
export function errorSummary(h: Hist): ErrorSummary {
  let n = 0, abs = 0, signed = 0, w5 = 0, w10 = 0, longer = 0, shorter = 0;
  for (const [k, c] of Object.entries(h)) {
    const e = Number(k);
    n += c;
    abs += Math.abs(e) * c;
    signed += e * c;
    if (Math.abs(e) <= 5) w5 += c;
    if (Math.abs(e) <= 10) w10 += c;
    if (e > 0) longer += c;
    if (e < 0) shorter += c;
  }
  return {
    parties: n,
    meanAbsoluteErrorMinutes: n ? round(abs / n, 1) : null,
    within5MinutesShare: share(w5, n),
    within10MinutesShare: share(w10, n),
    biasMinutes: n ? round(signed / n, 1) : null,
    longerShare: share(longer, n),
    shorterShare: share(shorter, n),
  };
}
