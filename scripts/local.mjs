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

/**
 * The development settings: wrangler.toml holds production ones only (secure by default), so every
 * local run (npm start, npm run dev, the backup scripts) gets these from .dev.vars and `--var`.
 */
export function localVars(base = "http://127.0.0.1:8787") {
  return { ENVIRONMENT: "development", EMAIL_PROVIDER: "dev-outbox", APP_URL: base };
}

/**
 * .dev.vars (never committed) with a random JWT_SECRET and the development settings, for `npm run dev`
 * (plain wrangler dev); keys already there are kept. Returns the keys it added.
 */
export function ensureDevVars(extra = {}) {
  const file = join(root, ".dev.vars");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const wanted = { JWT_SECRET: randomBytes(32).toString("hex"), ...localVars(), ...extra };
  const added = Object.keys(wanted).filter((k) => !new RegExp(`^${k}=`, "m").test(current));
  if (added.length === 0) return [];
  const lines = added.map((k) => `${k}=${wanted[k]}\n`).join("");
  writeFileSync(file, current + (current && !current.endsWith("\n") ? "\n" : "") + lines, { mode: 0o600 });
  return added;
}

/** `--persist-to <dir>` when a state directory other than .wrangler/state is asked for. */
export const persistArgs = (dir) => (dir ? ["--persist-to", dir] : []);

export function applyMigrations(opts = {}) {
  run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", ...persistArgs(opts.persistTo)], opts);
}

/** Starts `wrangler dev` on host:port and resolves once it answers. */
export async function startDev({ host = "127.0.0.1", port = 8787, logLevel = "warn", stdio = "inherit", persistTo, vars = {} } = {}) {
  // Development settings always (they are not in wrangler.toml), then the caller's.
  const all = { ...localVars(`http://${host}:${port}`), ...vars };
  const varArgs = Object.entries(all).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const args = ["wrangler", "dev", "--ip", host, "--port", String(port), "--log-level", logLevel, ...persistArgs(persistTo), ...varArgs];
  const child = spawn("npx", args, {
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
