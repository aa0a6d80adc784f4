#!/usr/bin/env node
// `npm test`: every stage in turn (typecheck, web build, vitest in Node and workerd, browser flows),
// stopping at the first that fails, then a timing summary per stage, so every run (CI included)
// shows where the time went.
import { spawnSync } from "node:child_process";

const stages = [
  ["typecheck", ["run", "typecheck"]],
  ["web build", ["run", "build:web"]],
  ["vitest (node + workerd)", ["exec", "--", "vitest", "run"]],
  ["browser flows", ["run", "test:browser"]],
];

const results = [];
let failed = null;
const started = Date.now();
for (const [name, args] of stages) {
  const t = Date.now();
  const r = spawnSync("npm", args, { stdio: "inherit", env: process.env });
  const seconds = (Date.now() - t) / 1000;
  results.push({ name, seconds, ok: r.status === 0 });
  if (r.status !== 0) {
    failed = name;
    break;
  }
}
const total = (Date.now() - started) / 1000;
const pad = (s, n) => String(s).padEnd(n);
console.log("\nnpm test — time per stage");
for (const r of results) console.log(`  ${r.ok ? "✓" : "✗"} ${pad(r.name, 26)} ${r.seconds.toFixed(1).padStart(7)} s`);
for (const [name] of stages.slice(results.length)) console.log(`  - ${pad(name, 26)}     not run`);
console.log(`    ${pad("total", 26)} ${total.toFixed(1).padStart(7)} s`);
if (failed) {
  console.log(`\n✗ ${failed} failed.`);
  process.exit(1);
}
