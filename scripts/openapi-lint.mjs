#!/usr/bin/env node
// `npm run lint:openapi [-- --port=8787] [-- --out=openapi.json]`: serves the Worker with wrangler dev
// (local state in a scratch directory), saves /api/openapi.json (to --out when given), stops the server,
// and runs `redocly lint` with its recommended rules and no ignore file. @redocly/cli is not a
// devDependency (its tree is large and only this check needs it): it runs through npx, pinned,
// from npm's cache once fetched. Exit code: redocly's (0 only with no errors and no warnings).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { localVars, root, wranglerEnv } from "./local.mjs";

export const REDOCLY = "@redocly/cli@2.77.0";

const port = Number(process.argv.find((a) => a.startsWith("--port="))?.slice(7) ?? 8787);
const state = mkdtempSync(join(tmpdir(), "seatline-openapi-"));
const out = process.argv.find((a) => a.startsWith("--out="))?.slice(6) ?? join(state, "openapi.json");
const base = `http://127.0.0.1:${port}`;
const vars = { ...localVars(base), JWT_SECRET: "openapi-lint-only-openapi-lint-only-0123456789" };
// Its own process group, so that stopping it stops workerd too (npx does not pass signals on).
const dev = spawn(join(root, "node_modules/.bin/wrangler"), ["dev", "--ip", "127.0.0.1", "--port", String(port), "--log-level", "warn", "--persist-to", state, ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`])], {
  cwd: root,
  stdio: "ignore",
  env: wranglerEnv,
  detached: true,
});
try {
  const doc = await served(`${base}/api/openapi.json`);
  // The servers entry names wherever it was served from; the checked-in copy names production's shape.
  doc.servers = [{ url: "/", description: "Your Seatline deployment" }];
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(doc, null, 2) + "\n");
} finally {
  try {
    process.kill(-dev.pid, "SIGTERM");
  } catch {
    // already gone
  }
}
// --max-problems high so every finding is listed; "recommended" is redocly's default ruleset, named here.
const lint = spawnSync("npx", ["-y", REDOCLY, "lint", "--extends=recommended", "--max-problems=1000", "--format=stylish", out], { cwd: root, stdio: "inherit", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
rmSync(state, { recursive: true, force: true });
process.exit(lint.status ?? 1);

async function served(url) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (dev.exitCode !== null) throw new Error(`wrangler dev exited with code ${dev.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return await res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("wrangler dev did not answer within 120 s");
}
