// Starting and stopping what the benchmark measures: `wrangler dev` instances (Seatline, the bare
// DO, an instrumented Seatline) and the bare ws server, each on a free 127.0.0.1 port, each in its
// own process group so that stopping it also stops the workerd it started.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";

export const ROOT = new URL("../..", import.meta.url).pathname;
export const STATE = join(ROOT, "bench/.state");
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");

/** Offline: no metrics, no fetch of the Request.cf sample. */
export const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" };

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();

// BENCH_PORTS="8882,8883,…": take ports from this list, in order, instead of any free one (for a
// machine where each user has its own port range).
const fixedPorts = (process.env.BENCH_PORTS ?? "").split(",").map((p) => Number(p.trim())).filter((p) => p > 0);

export function freePort() {
  if (fixedPorts.length) return Promise.resolve(fixedPorts.shift());
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Runs wrangler in the background; resolves with its output. */
export function wranglerAsync(args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(WRANGLER, args, { cwd: opts.cwd ?? ROOT, env: wranglerEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    children.add(child);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => killGroup(child), 180_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`wrangler ${args.join(" ")} failed (exit ${code}):\n${out.slice(-2000)}`));
    });
  });
}

function killGroup(child, signal = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // gone
    }
  }
}

async function waitUntil(url, child, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (code ${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
}

/**
 * Builds a Worker the way `wrangler deploy` would (`--dry-run --outdir`): the benchmark runs this
 * bundle, so what it measures is the deployable artifact, and edits made to the sources while it
 * runs cannot restart the server under it.
 * @returns {Promise<string>} wrangler's output (it reports the upload and gzip sizes)
 */
export function buildWorker({ config, script, outdir, metafile }) {
  return wranglerAsync(["deploy", ...(script ? [script] : []), "--config", config, "--dry-run", "--outdir", outdir, ...(metafile ? ["--metafile", metafile] : [])]);
}

/** The bundled module in a `--outdir` (named after the entry). */
export function bundleFile(outdir) {
  const js = readdirSync(outdir).filter((f) => f.endsWith(".js"));
  if (js.length !== 1) throw new Error(`expected one bundled .js in ${outdir}, found ${js.join(", ") || "none"}`);
  return join(outdir, js[0]);
}

/**
 * `wrangler dev --no-bundle` of a built bundle, on a free port with its own persistence directory.
 * wrangler dev puts a proxy (a second workerd) in front of the runtime; the benchmark talks to the
 * runtime's own entry socket instead (found among the listening sockets of the runtime's workerd),
 * so the figures are the runtime's, not the dev proxy's. The proxy URL stays the fallback.
 * @param {{name: string, config: string, bundle: string, persistTo: string, vars?: (base: string) => Record<string,string>, healthPath: string}} o
 */
export async function startWranglerDev(o) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const logFile = join(STATE, `${o.name}.log`);
  const args = ["dev", o.bundle, "--no-bundle", "--config", o.config, "--ip", "127.0.0.1", "--port", String(port),
    "--inspector-port", String(inspectorPort), "--persist-to", o.persistTo, "--log-level", "warn", "--show-interactive-dev-session=false"];
  for (const [k, v] of Object.entries(o.vars?.(`http://127.0.0.1:${port}`) ?? {})) args.push("--var", `${k}:${v}`);
  const child = spawn(WRANGLER, args, { cwd: ROOT, env: wranglerEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on("exit", () => children.delete(child));
  const proxyBase = `http://127.0.0.1:${port}`;
  await waitUntil(proxyBase + o.healthPath, child, 120_000, logFile);
  const direct = await runtimeEntry(child.pid, [port, inspectorPort], o.healthPath);
  const base = direct ?? proxyBase;
  return { name: o.name, base, proxyBase, direct: direct !== null, port, inspectorPort, persistTo: o.persistTo, child, pid: child.pid, stop: () => stopChild(child) };
}

/** Listening TCP ports of a process, from /proc (no `ss` needed). */
function listeningPorts(pid) {
  const inodes = new Set();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return [];
  }
  const ports = [];
  for (const table of ["tcp", "tcp6"]) {
    let text = "";
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[3] === "0A" && inodes.has(f[9])) ports.push(Number.parseInt(f[1].split(":")[1], 16));
    }
  }
  return ports;
}

async function runtimeEntry(rootPid, exclude, healthPath) {
  for (const pid of descendants(rootPid)) {
    if (commOf(pid) !== "workerd") continue;
    for (const p of listeningPorts(pid)) {
      if (exclude.includes(p)) continue;
      try {
        const res = await fetch(`http://127.0.0.1:${p}${healthPath}`, { signal: AbortSignal.timeout(3_000) });
        await res.arrayBuffer();
        if (res.ok) return `http://127.0.0.1:${p}`;
      } catch {
        // not an HTTP entry
      }
    }
  }
  return null;
}

/** The bare ws baseline in its own Node process. */
export async function startBareWs() {
  const port = await freePort();
  const logFile = join(STATE, "bare-ws.log");
  const child = spawn(process.execPath, [join(ROOT, "bench/baseline-ws/server.mjs"), String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on("exit", () => children.delete(child));
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(base + "/health", child, 20_000, logFile);
  return { name: "bare-ws", base, port, child, pid: child.pid, stop: () => stopChild(child) };
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  killGroup(child, "SIGTERM");
  const timeout = new Promise((r) => setTimeout(r, 5_000, "timeout"));
  if ((await Promise.race([exited, timeout])) === "timeout") killGroup(child, "SIGKILL");
}

/** Stops everything this process started (on exit, errors and Ctrl-C). */
export function stopAll() {
  for (const child of children) killGroup(child, "SIGKILL");
  children.clear();
}

// ---- process inspection ---------------------------------------------------------------------------

function childrenOf(pid) {
  const out = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

function commOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

function descendants(rootPid) {
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    out.push(pid);
    queue.push(...childrenOf(pid));
  }
  return out;
}

/** The workerd that runs the Worker under a wrangler dev process tree (the one serving `base`), or null. */
export function workerdPid(rootPid, base) {
  const port = base ? Number(new URL(base).port) : null;
  const all = descendants(rootPid).filter((pid) => commOf(pid) === "workerd");
  return all.find((pid) => port !== null && listeningPorts(pid).includes(port)) ?? all[0] ?? null;
}

/** Resident memory of a process in bytes (VmRSS), or null. */
export function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Bytes of each Durable Object SQLite database under a persist dir: {db, wal} by file. */
export function doSqliteFiles(persistTo) {
  const out = new Map();
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.sqlite(-wal)?$/.test(e.name) && p.includes("/do/")) {
        const key = p.replace(/-wal$/, "");
        const entry = out.get(key) ?? { db: 0, wal: 0 };
        entry[p.endsWith("-wal") ? "wal" : "db"] = statSync(p).size;
        out.set(key, entry);
      }
    }
  };
  walk(persistTo);
  return out;
}
