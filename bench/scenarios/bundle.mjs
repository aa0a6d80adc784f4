// 6. Bundle: the Worker's size as `wrangler deploy --dry-run` reports it, what each large dependency
// adds (from esbuild's metafile and the module markers in the unminified output), and the startup
// CPU profile `wrangler check startup` takes locally — for Seatline and for the bare DO Worker.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleFile, ROOT, STATE, wranglerAsync } from "../lib/servers.mjs";
import { round } from "../lib/stats.mjs";

const KiB = 1024;

/** The embeddable widget's budget, as web/widget-weight.ts holds the build to it (bytes, gzip -9). */
export const WIDGET_BUDGET_GZIP = 5 * KiB;

/**
 * The embeddable widget's script (issue 22), built as `npm run build:web` builds it (web/widget.vite.config.ts)
 * into the bench's own directory: what a restaurant's site downloads, raw and gzip -9.
 */
export async function widgetScriptSize() {
  const outDir = join(STATE, "build/widget");
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "web/widget.vite.config.ts"), logLevel: "silent", build: { outDir, emptyOutDir: true } });
  const code = readFileSync(join(outDir, "widget.js"));
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, budgetGzipBytes: WIDGET_BUDGET_GZIP };
}

function parseUpload(out) {
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(out);
  return m ? { uploadKiB: Number(m[1]), gzipKiB: Number(m[2]) } : null;
}

function packageOf(path) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (m) return m[1];
  return path.split("/").slice(0, path.startsWith("src/") ? 2 : 1).join("/");
}

/** Bytes of the bundle per package: raw (metafile) and gzipped on its own (its slices of the output). */
function perPackage(outJs, meta) {
  const [, output] = Object.entries(meta.outputs).find(([k]) => k.endsWith(".js"));
  const inputs = new Set(Object.keys(output.inputs));
  const raw = {};
  for (const [path, info] of Object.entries(output.inputs)) raw[packageOf(path)] = (raw[packageOf(path)] ?? 0) + info.bytesInOutput;
  const text = {};
  let current = "(wrangler/esbuild glue)";
  for (const line of outJs.split("\n")) {
    const marker = line.startsWith("// ") ? line.slice(3) : null;
    if (marker && inputs.has(marker)) current = packageOf(marker);
    (text[current] ??= []).push(line);
  }
  return Object.entries(raw)
    .map(([pkg, bytes]) => ({ package: pkg, rawKiB: round(bytes / KiB, 1), gzipKiBAlone: text[pkg] ? round(gzipSync(text[pkg].join("\n")).length / KiB, 1) : null }))
    .sort((a, b) => b.rawKiB - a.rawKiB);
}

/** Sizes of the Seatline build that the benchmark runs (made by run.mjs with lib/servers.mjs buildWorker). */
export function bundleSize(buildOutput, dir) {
  const upload = parseUpload(buildOutput);
  const js = readFileSync(bundleFile(dir), "utf8");
  const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
  const packages = perPackage(js, meta);
  return {
    ...upload,
    targetGzipKiB: 1024,
    packages: packages.filter((p) => p.rawKiB >= 10),
    smallerPackagesKiB: round(packages.filter((p) => p.rawKiB < 10).reduce((a, p) => a + p.rawKiB, 0), 1),
  };
}

function parseStartup(out) {
  const num = (re) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : null;
  };
  return { activeMs: num(/Active: ([\d.]+) ms/), windowMs: num(/Profile window: ([\d.]+) ms/), gcMs: num(/including ([\d.]+) ms garbage collection/), bundle: parseUpload(out.replace("Bundle:", "Total Upload:")) };
}

/**
 * Startup CPU by package: each profile sample goes to the innermost frame that is in the bundle,
 * whose line the module markers map to a package. `check startup` builds the same bundle as
 * `deploy --dry-run`; when too few frames line up with our build, no attribution is given.
 */
/** For each line of a build's bundle (0-based), the package its code comes from. */
export function lineToPackageMap(buildDir) {
  const js = readFileSync(bundleFile(buildDir), "utf8").split("\n");
  const meta = JSON.parse(readFileSync(join(buildDir, "meta.json"), "utf8"));
  const [, output] = Object.entries(meta.outputs).find(([k]) => k.endsWith(".js"));
  const inputs = new Set(Object.keys(output.inputs));
  const lineToPackage = [];
  let current = "(wrangler/esbuild glue)";
  for (const line of js) {
    const marker = line.startsWith("// ") ? line.slice(3) : null;
    if (marker && inputs.has(marker)) current = packageOf(marker);
    lineToPackage.push(current);
  }
  return { js, lineToPackage };
}

function startupByPackage(profile, buildDir) {
  const { js, lineToPackage } = lineToPackageMap(buildDir);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inBundle = (n) => n.callFrame.url.endsWith(".js") && !n.callFrame.url.startsWith("node") && n.callFrame.lineNumber >= 0;
  let checked = 0;
  let matched = 0;
  for (const n of profile.nodes) {
    if (!inBundle(n) || !n.callFrame.functionName || n.callFrame.functionName.length < 3) continue;
    checked += 1;
    // V8 infers names (class constructors, object-literal paths) that are not always written on
    // the line itself; a build that does not line up matches next to nothing.
    const line = js[n.callFrame.lineNumber] ?? "";
    const name = n.callFrame.functionName.split(".").at(-1);
    if (line.includes(name) || line.includes("constructor") || line.includes("=>")) matched += 1;
  }
  if (checked === 0 || matched / checked < 0.6) return null;
  const ms = {};
  profile.samples.forEach((id, i) => {
    let n = nodes.get(id);
    const leaf = n.callFrame.functionName;
    let key = null;
    if (leaf === "(idle)") return;
    if (leaf === "(garbage collector)" || leaf === "(program)") key = leaf;
    let bundleTopLevel = false;
    while (!key && n) {
      if (inBundle(n)) key = lineToPackage[n.callFrame.lineNumber] ?? "(unknown)";
      else if (n.callFrame.url.endsWith(".js") && !n.callFrame.url.startsWith("node")) bundleTopLevel = true;
      n = nodes.get(parent.get(n.id));
    }
    key ??= bundleTopLevel ? "(bundle compile / top level)" : "(runtime built-ins)";
    ms[key] = (ms[key] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return Object.entries(ms)
    .map(([pkg, v]) => ({ package: pkg, ms: round(v, 1) }))
    .sort((a, b) => b.ms - a.ms);
}

/** `wrangler check startup` for Seatline and the bare DO Worker, one after the other (it is CPU-bound). */
export async function startupProfiles(seatlineBuildDir) {
  const dir = join(STATE, "bundle");
  mkdirSync(dir, { recursive: true });
  const seatlineProfile = join(dir, "seatline-startup.cpuprofile");
  const seatline = parseStartup(await wranglerAsync(["check", "startup", "--outfile", seatlineProfile]));
  try {
    seatline.byPackage = startupByPackage(JSON.parse(readFileSync(seatlineProfile, "utf8")), seatlineBuildDir);
  } catch {
    seatline.byPackage = null;
  }
  const bareDo = parseStartup(
    await wranglerAsync(["check", "startup", "--outfile", join(dir, "bare-do-startup.cpuprofile")], { cwd: join(ROOT, "bench/baseline-do") }),
  );
  return { seatline, "bare-do": bareDo };
}
