// Seeded randomness for the simulator: one stream per purpose, so that what one part draws never
// shifts what another draws (the same seed gives the same day whatever the estimators do).

/** mulberry32 over a 32-bit state; uniform in [0, 1). */
export function stream(seed: number, purpose: string): () => number {
  let h = seed >>> 0;
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 0x9e3779b1) >>> 0;
  let a = (h ^ 0x6d2b79f5) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(u: () => number): number {
  const a = Math.max(u(), 1e-12);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

export function logNormal(u: () => number, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(u));
}

export function uniform(u: () => number, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * u();
}

export function exponential(u: () => number, mean: number): number {
  return -mean * Math.log(Math.max(1 - u(), 1e-12));
}

/** A key of `weights` drawn in proportion to its weight. */
export function pick<K extends string>(u: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = u() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries.at(-1)![0];
}

export function shuffle<T>(u: () => number, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
