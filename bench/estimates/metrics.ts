// How good the quotes were: for every estimator, over the seated walk-ins of the measured days,
// the error of the quote at join (mean absolute error, share within ±5 and ±10 minutes, bias =
// mean of quote − actual, positive when quotes run long), the same error over every later update
// (quote of the time still to wait against the time still waited), and for estimators that give a
// range, the share of actual waits inside it and its width.
import type { DayResult } from "./sim";

export interface EstimatorMetrics {
  estimator: string;
  parties: number;
  maeMinutes: number;
  within5: number;
  within10: number;
  biasMinutes: number;
  updates: number;
  updateMaeMinutes: number;
  range: { coverage: number; meanWidthMinutes: number; medianWidthMinutes: number } | null;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function metrics(days: DayResult[], names: string[]): EstimatorMetrics[] {
  return names.map((estimator, k) => {
    let n = 0, abs = 0, w5 = 0, w10 = 0, bias = 0, un = 0, uabs = 0, rn = 0, covered = 0;
    const widths: number[] = [];
    for (const d of days) {
      for (const p of d.parties) {
        if (p.outcome !== "seated" || p.wait === null) continue;
        const q = p.atJoin[k];
        if (q) {
          const e = q.minutes - p.wait;
          n++;
          abs += Math.abs(e);
          bias += e;
          if (Math.abs(e) <= 5) w5++;
          if (Math.abs(e) <= 10) w10++;
          if (q.low !== undefined && q.high !== undefined) {
            rn++;
            if (q.low <= p.wait && p.wait <= q.high) covered++;
            widths.push(q.high - q.low);
          }
        }
        for (const u of p.updates) {
          const uq = u.quotes[k];
          if (!uq) continue;
          un++;
          uabs += Math.abs(uq.minutes - (p.joinedAt + p.wait - u.at));
        }
      }
    }
    widths.sort((a, b) => a - b);
    return {
      estimator,
      parties: n,
      maeMinutes: r1(abs / Math.max(1, n)),
      within5: r3(w5 / Math.max(1, n)),
      within10: r3(w10 / Math.max(1, n)),
      biasMinutes: r1(bias / Math.max(1, n)),
      updates: un,
      updateMaeMinutes: r1(uabs / Math.max(1, un)),
      range: rn > 0 ? { coverage: r3(covered / rn), meanWidthMinutes: r1(widths.reduce((a, b) => a + b, 0) / rn), medianWidthMinutes: widths[Math.floor(widths.length / 2)]! } : null,
    };
  });
}

/** What the days were like: parties, share seated, mean and 90th-percentile actual wait. */
export function dayStats(days: DayResult[]) {
  const all = days.flatMap((d) => d.parties);
  const waits = all.filter((p) => p.wait !== null).map((p) => p.wait!).sort((a, b) => a - b);
  return {
    days: days.length,
    parties: all.length,
    seatedShare: r3(waits.length / Math.max(1, all.length)),
    balked: days.reduce((s, d) => s + d.balked, 0),
    bookings: days.reduce((s, d) => s + d.bookings.total, 0),
    meanWaitMinutes: r1(waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length)),
    p90WaitMinutes: r1(waits[Math.floor(waits.length * 0.9)] ?? 0),
  };
}
