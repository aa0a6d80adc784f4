// Runs every profile on the development seeds and on held-out seeds (or on the seeds given with
// --seed=), for all the estimators on the same days, and returns the figures (bench/run.mjs prints
// them and writes bench/results.json): pooled per seed set, and per seed for the spread.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_ESTIMATORS } from "./estimators";
import { dayStats, metrics, type EstimatorMetrics } from "./metrics";
import { parseProfile, type Profile } from "./profile";
import { simulate, type DayResult } from "./sim";

/** Seeds the estimator was developed and its range constants set on. */
export const DEV_SEEDS = [1, 2, 3, 4, 5];
/** Seeds never looked at while developing: the figures that count. */
export const HELD_OUT_SEEDS = [101, 102, 103, 104, 105];
export const WARMUP_DAYS = 3;
export const MEASURED_DAYS = 4;

export function loadProfiles(dir: string, extra: string[] = []): Profile[] {
  const files = extra.length > 0 ? extra : readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f));
  return files.map((f) => parseProfile(JSON.parse(readFileSync(f, "utf8")), f));
}

/** `--seed=` values: "7", "7,9", "201-210", repeatable. */
export function parseSeeds(values: string[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    for (const part of v.split(",")) {
      const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
      if (!m) throw new Error(`--seed=${v}: give seeds as 7, 7,9 or 201-210`);
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (to < from || to - from > 1000) throw new Error(`--seed=${v}: a range runs low-high, at most 1000 seeds`);
      for (let s = from; s <= to; s++) if (!out.includes(s)) out.push(s);
    }
  }
  return out;
}

export type SeedSetFigures = ReturnType<typeof dayStats> & { seeds: number[]; estimators: EstimatorMetrics[] };

export interface ProfileFigures {
  profile: string;
  description?: string;
  /** Pooled over each seed set: dev and held-out, or the seeds given (`given`). */
  seeds: Record<string, SeedSetFigures>;
  /** Every seed on its own (for the spread). */
  perSeed: { seed: number; set: string; estimators: EstimatorMetrics[] }[];
}

export function runProfile(profile: Profile, opts: { quick?: boolean; seeds?: number[] } = {}): ProfileFigures {
  const names = ALL_ESTIMATORS().map((e) => e.name);
  const sets: Record<string, number[]> =
    opts.seeds && opts.seeds.length > 0 ? { given: opts.seeds } : { dev: opts.quick ? DEV_SEEDS.slice(0, 1) : DEV_SEEDS, heldOut: opts.quick ? HELD_OUT_SEEDS.slice(0, 1) : HELD_OUT_SEEDS };
  const seeds: ProfileFigures["seeds"] = {};
  const perSeed: ProfileFigures["perSeed"] = [];
  for (const [set, list] of Object.entries(sets)) {
    const all: DayResult[] = [];
    for (const seed of list) {
      const days = simulate(profile, { seed, warmupDays: WARMUP_DAYS, days: opts.quick ? 1 : MEASURED_DAYS, estimators: ALL_ESTIMATORS() });
      perSeed.push({ seed, set, estimators: metrics(days, names) });
      all.push(...days);
    }
    seeds[set] = { seeds: list, ...dayStats(all), estimators: metrics(all, names) };
  }
  return { profile: profile.name, description: profile.description, seeds, perSeed };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const LABEL: Record<string, string> = { dev: "dev", heldOut: "held-out", given: "given" };

/** "1–5", "101–105", "3, 7, 9". */
export function seedLabel(seeds: number[]): string {
  const contiguous = seeds.every((s, i) => i === 0 || s === seeds[i - 1]! + 1);
  return contiguous && seeds.length > 2 ? `${seeds[0]}–${seeds.at(-1)}` : seeds.join(", ");
}

export function formatTable(figures: ProfileFigures[]): string {
  const rows: string[][] = [["profile", "seeds", "estimator", "parties", "MAE min", "±5", "±10", "bias", "MAE upd", "range cover", "width med", "vs TR"]];
  for (const f of figures) {
    for (const [set, s] of Object.entries(f.seeds)) {
      const tr = s.estimators[0]!.maeMinutes;
      for (const e of s.estimators) {
        rows.push([
          f.profile,
          `${LABEL[set] ?? set} ${seedLabel(s.seeds)}`,
          e.estimator,
          String(e.parties),
          e.maeMinutes.toFixed(1),
          pct(e.within5),
          pct(e.within10),
          (e.biasMinutes > 0 ? "+" : "") + e.biasMinutes.toFixed(1),
          e.updateMaeMinutes.toFixed(1),
          e.range ? pct(e.range.coverage) : "–",
          e.range ? String(e.range.medianWidthMinutes) : "–",
          tr > 0 ? `${(e.maeMinutes / tr).toFixed(2)}×` : "–",
        ]);
      }
    }
  }
  return align(rows, 3);
}

/** Per seed, each estimator's MAE ÷ the TablesReady formula's on that seed's days: lowest, median, highest; and the range's coverage. */
export function formatSpread(figures: ProfileFigures[]): string {
  const rows: string[][] = [["profile", "estimator", "seeds", "vs TR min", "median", "max", "cover min", "cover max"]];
  for (const f of figures) {
    const names = f.perSeed[0]?.estimators.map((e) => e.estimator) ?? [];
    for (const [k, name] of names.entries()) {
      if (k === 0) continue;
      const ratios = f.perSeed.map((s) => s.estimators[k]!.maeMinutes / Math.max(1e-9, s.estimators[0]!.maeMinutes)).sort((a, b) => a - b);
      const cover = f.perSeed.map((s) => s.estimators[k]!.range?.coverage).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
      rows.push([
        f.profile,
        name,
        String(f.perSeed.length),
        `${ratios[0]!.toFixed(2)}×`,
        `${median(ratios).toFixed(2)}×`,
        `${ratios.at(-1)!.toFixed(2)}×`,
        cover.length > 0 ? pct(cover[0]!) : "–",
        cover.length > 0 ? pct(cover.at(-1)!) : "–",
      ]);
    }
  }
  return align(rows, 2);
}

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

function align(rows: string[][], leftColumns: number): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}
