// Log-normal dining durations: how much longer a party seated `elapsed` minutes ago is expected to
// stay. Closed forms, O(1).

/** Standard normal CDF (Abramowitz & Stegun 7.1.26; absolute error below 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** μ of a log-normal with this mean and shape σ. */
export function muForMean(mean: number, sigma: number): number {
  return Math.log(Math.max(mean, 1e-9)) - (sigma * sigma) / 2;
}

/**
 * Expected remaining minutes at the table after `elapsed` minutes, for a duration D with this mean
 * and shape. `given: "staying"` is E[D − e | D > e] (the party is known to be still there);
 * `given: "unknown"` is E[(D − e)⁺] (it may have left unseen). Also P(D > e).
 */
export function remaining(mean: number, sigma: number, elapsed: number, given: "staying" | "unknown"): { minutes: number; stayProbability: number } {
  if (elapsed <= 0) return { minutes: mean, stayProbability: 1 };
  if (sigma <= 0) {
    const left = Math.max(0, mean - elapsed);
    return { minutes: left, stayProbability: left > 0 ? 1 : 0 };
  }
  const mu = muForMean(mean, sigma);
  const le = Math.log(elapsed);
  const pStay = normalCdf((mu - le) / sigma);
  const partial = mean * normalCdf((mu + sigma * sigma - le) / sigma); // E[D · 1{D > e}]
  const unconditional = Math.max(0, partial - elapsed * pStay);
  if (given === "unknown") return { minutes: unconditional, stayProbability: pStay };
  // Deep in the tail the ratio is numerically fragile; the hazard of a log-normal falls slowly, so
  // a party still there long past its time stays a while yet: at least a fifth of the mean.
  const conditional = pStay > 1e-6 ? unconditional / pStay : mean / 5;
  return { minutes: Math.max(conditional, mean / 5), stayProbability: pStay };
}
