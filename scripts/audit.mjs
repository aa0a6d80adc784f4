#!/usr/bin/env node
// The dependency scan our security page promises: `npm audit` of the production dependencies,
// failing on any high or critical advisory. Where the registry's advisory endpoint cannot be reached
// (this workplace's registry mirror answers it 405), the scan is reported as not run — loudly, and
// without pretending it passed — rather than failing every build for a reason no change can fix.
import { spawnSync } from "node:child_process";

const r = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  console.error("✗ npm audit printed no JSON report.");
  process.exit(1);
}
if (report.statusCode && !report.metadata) {
  console.warn(`⚠ npm audit could not reach the advisory endpoint (HTTP ${report.statusCode}); dependency scan NOT run here.`);
  process.exit(0);
}
const v = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit (production dependencies): ${JSON.stringify(v)}`);
if ((v.high ?? 0) + (v.critical ?? 0) > 0) {
  console.error("✗ High or critical advisories in production dependencies: run `npm audit --omit=dev` and upgrade.");
  process.exit(1);
}
console.log("✓ No high or critical advisories.");
