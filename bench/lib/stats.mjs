// Small statistics for latency samples (milliseconds).

/** Linear-interpolated percentile of an unsorted sample; NaN when empty. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

export function summary(values) {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p99: round(percentile(values, 99)),
    mean: round(values.reduce((a, b) => a + b, 0) / (values.length || 1)),
    max: round(values.length ? Math.max(...values) : Number.NaN),
  };
}

export const median = (values) => percentile(values, 50);

export function round(x, digits = 2) {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b, 2) : null);

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** ABAB order: rep i runs the systems in order, odd reps reversed, so neither always goes first. */
export function alternating(systems, reps) {
  const order = [];
  for (let i = 0; i < reps; i++) order.push(...(i % 2 === 0 ? systems : [...systems].reverse()).map((s) => [s, i]));
  return order;
}
