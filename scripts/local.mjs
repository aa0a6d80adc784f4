// Shared by npm start and the backup scripts: the local stack through wrangler, fully offline.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;
// No metrics, and no fetch of the `Request.cf` sample from Cloudflare.
export const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: opts.quiet ? "pipe" : "inherit", env: wranglerEnv });
  if (r.status !== 0) {
    if (opts.quiet) process.stderr.write(r.stdout?.toString() ?? "", r.stderr?.toString() ?? "");
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

/** .dev.vars with a random JWT_SECRET on first run (never committed). */
export function ensureDevVars() {
  const file = join(root, ".dev.vars");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^JWT_SECRET=/m.test(current)) return false;
  const line = `JWT_SECRET=${randomBytes(32).toString("hex")}\n`;
  writeFileSync(file, current + (current && !current.endsWith("\n") ? "\n" : "") + line, { mode: 0o600 });
  return true;
}

export function applyMigrations(opts = {}) {
  run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"], opts);
}

/** Starts `wrangler dev` on host:port and resolves once it answers. */
export async function startDev({ host = "127.0.0.1", port = 8787, logLevel = "warn", stdio = "inherit", vars = {} } = {}) {
  const varArgs = Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const child = spawn("npx", ["wrangler", "dev", "--ip", host, "--port", String(port), "--log-level", logLevel, ...varArgs], {
    cwd: root,
    stdio: ["ignore", stdio, stdio],
    env: wranglerEnv,
  });
  const base = `http://${host}:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/openapi.json`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill("SIGTERM");
  throw new Error("wrangler dev did not answer within 120 s");
}
