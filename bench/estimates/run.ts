// Runs every profile on the development seeds and on held-out seeds, for all the estimators on the
// same days, and returns the figures (bench/run.mjs prints them and writes bench/results.json).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_ESTIMATORS } from "./estimators";
import { dayStats, metrics, type EstimatorMetrics } from "./metrics";
import { parseProfile, type Profile } from "./profile";
import { simulate } from "./sim";

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

export interface ProfileFigures {
  profile: string;
  description?: string;
  seeds: { dev: ReturnType<typeof dayStats> & { estimators: EstimatorMetrics[] }; heldOut: ReturnType<typeof dayStats> & { estimators: EstimatorMetrics[] } };
}

export function runProfile(profile: Profile, opts: { quick?: boolean } = {}): ProfileFigures {
  const names = ALL_ESTIMATORS().map((e) => e.name);
  const run = (seeds: number[]) => {
    const days = seeds.flatMap((seed) => simulate(profile, { seed, warmupDays: WARMUP_DAYS, days: opts.quick ? 1 : MEASURED_DAYS, estimators: ALL_ESTIMATORS() }));
    return { ...dayStats(days), estimators: metrics(days, names) };
  };
  return { profile: profile.name, description: profile.description, seeds: { dev: run(opts.quick ? DEV_SEEDS.slice(0, 1) : DEV_SEEDS), heldOut: run(opts.quick ? HELD_OUT_SEEDS.slice(0, 1) : HELD_OUT_SEEDS) } };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function formatTable(figures: ProfileFigures[]): string {
  const rows: string[][] = [["profile", "seeds", "estimator", "parties", "MAE min", "±5", "±10", "bias", "MAE upd", "range cover", "width med", "vs TR"]];
  for (const f of figures) {
    for (const [label, s] of [["dev", f.seeds.dev], ["held-out", f.seeds.heldOut]] as const) {
      const tr = s.estimators[0]!.maeMinutes;
      for (const e of s.estimators) {
        rows.push([
          f.profile,
          label,
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
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}
