// The estimate simulator (issue 19), from bench/run.mjs: bundles bench/estimates/run.ts (TypeScript,
// importing the real estimator modules from durable-objects/ and domain/) with esbuild into
// bench/.state, then runs every profile (bench/estimates/profiles/*.json, or the --profile=path.json
// files given) on development and held-out seeds, or on the --seed= values given. No server is started.
import { build } from "esbuild";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function estimates({ root, state, profiles = [], seeds = [], quick = false, log }) {
  const outfile = join(state, "build/estimates.mjs");
  await build({ entryPoints: [join(root, "bench/estimates/run.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
  const sim = await import(pathToFileURL(outfile).href);
  const list = sim.loadProfiles(join(root, "bench/estimates/profiles"), profiles);
  const given = sim.parseSeeds(seeds);
  if (given.length > 0) log(`  seeds ${sim.seedLabel(given)}`);
  const figures = [];
  for (const p of list) {
    const t = Date.now();
    figures.push(sim.runProfile(p, { quick, seeds: given }));
    log(`  ${p.name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return {
    seeds: given.length > 0 ? { given, warmupDays: sim.WARMUP_DAYS, measuredDays: quick ? 1 : sim.MEASURED_DAYS } : { dev: sim.DEV_SEEDS, heldOut: sim.HELD_OUT_SEEDS, warmupDays: sim.WARMUP_DAYS, measuredDays: quick ? 1 : sim.MEASURED_DAYS },
    profiles: figures,
    table: sim.formatTable(figures),
    spread: sim.formatSpread(figures),
  };
}
