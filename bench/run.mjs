#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --profile] [-- --only=fanout,throughput,join,venue,bytes,storage,scale,signin,bundle,insights,estimates,webhooks]
//   [-- --profile=path.json …] [-- --seed=201-210 …]` (the estimate simulator's restaurant profiles
//   and the seeds to run them on instead of the dev and held-out seeds; see bench/estimates)
// Builds Seatline as `wrangler deploy --dry-run` does and runs it under `wrangler dev` with its own
// persisted state in bench/.state, next to the bare DO baseline (bench/baseline-do) and the bare ws
// baseline (bench/baseline-ws), all on free 127.0.0.1 ports; runs the scenarios of issue 8 with
// alternating repetitions; prints a table and writes bench/results.json. Everything it starts, it
// stops. --quick is a smoke run (small sizes, few repetitions); its figures are not for the README.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { SeatlineRoom, BareRoom } from "./lib/rooms.mjs";
import { PASSWORD, Seatline, signUp } from "./lib/seatline.mjs";
import { buildWorker, bundleFile, ROOT, STATE, startBareWs, startWranglerDev, stopAll, wranglerAsync } from "./lib/servers.mjs";
import { cpuProfile } from "./lib/inspector.mjs";
import { closeAll } from "./lib/sockets.mjs";
import { printTable } from "./lib/table.mjs";
import { bundleSize, lineToPackageMap, startupProfiles, widgetScriptSize } from "./scenarios/bundle.mjs";
import { bytesAndSerializations } from "./scenarios/bytes.mjs";
import { fanout } from "./scenarios/fanout.mjs";
import { largeVenue } from "./scenarios/large-venue.mjs";
import { joinStorm } from "./scenarios/join-storm.mjs";
import { scaleOfState } from "./scenarios/scale.mjs";
import { storageGrowth } from "./scenarios/storage.mjs";
import { signIn } from "./scenarios/signin.mjs";
import { throughput } from "./scenarios/throughput.mjs";
import { estimates } from "./scenarios/estimates.mjs";
import { insightsAtScale } from "./scenarios/insights.mjs";
import { webhookLatency } from "./scenarios/webhooks.mjs";

const quick = process.argv.includes("--quick");
// --profile: after the measured scenarios, CPU-profile Seatline's isolate during extra fan-out
// actions and a join storm (bench/.state/profiles/*.cpuprofile; top functions in results.json).
const profile = process.argv.includes("--profile");
// --profile=path.json (repeatable): the estimate simulator runs these restaurant profiles instead of its own.
const estimateProfiles = process.argv.filter((a) => a.startsWith("--profile=")).map((a) => a.slice(10));
// --seed=7 | 7,9 | 201-210 (repeatable): the estimate simulator runs these seeds instead of its dev and held-out ones.
const estimateSeeds = process.argv.filter((a) => a.startsWith("--seed=")).map((a) => a.slice(7));
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const want = (name) => !only || only.includes(name);

const P = quick
  ? { guests: 60, hosts: 4, joinReps: 2, fanoutReps: 6, tpReps: 1, tpSeconds: 0.6, saturationActions: 40, rates: [5, 20, 80, 320], venueParties: 200, venueHosts: 10, venueReps: 4, storageParties: 200, storageBookings: 100, signinReps: 3, bytesSizes: [10, 40], scaleSizes: [50, 500], scaleReps: 1, scaleActions: 9, startup: false, insightsDays: 40, insightsPerDay: 400, insightsReps: 3, webhookReps: 4, webhookActions: 10 }
  : { guests: 300, hosts: 4, joinReps: 6, fanoutReps: 40, tpReps: 2, tpSeconds: 1.5, saturationActions: 200, rates: [5, 10, 20, 40, 80, 120, 180, 270, 400, 600, 900], venueParties: 2000, venueHosts: 10, venueReps: 20, storageParties: 1000, storageBookings: 500, signinReps: 12, bytesSizes: [20, 200], scaleSizes: [50, 500, 5000], scaleReps: 3, scaleActions: 30, startup: true, insightsDays: 365, insightsPerDay: 400, insightsReps: 7, webhookReps: 10, webhookActions: 20 };

const started = Date.now();
const log = (s) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);

process.on("exit", stopAll);
// A hard bound on the whole run: a hung server or socket must not keep it (or its servers) alive.
setTimeout(() => {
  console.error("\n✗ the benchmark ran for 20 minutes; stopping everything it started");
  process.exit(2);
}, 20 * 60_000).unref();
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));

async function main() {
  rmSync(STATE, { recursive: true, force: true });
  mkdirSync(STATE, { recursive: true });
  // Scratch state (persisted D1/DO data, builds, logs, profiles) never belongs in git.
  writeFileSync(join(STATE, ".gitignore"), "*\n");
  // The assets directory is not in git (it is empty until the web app is built); wrangler needs it.
  mkdirSync(join(ROOT, "web/dist"), { recursive: true });
  const jwtSecret = randomBytes(32).toString("hex");
  // Every feature and no plan limits (as `npm start` runs): the bench creates several locations.
  const vars = (base) => ({ JWT_SECRET: jwtSecret, APP_URL: base, ENVIRONMENT: "development", EMAIL_PROVIDER: "dev-outbox", BILLING_DEFAULT_PLAN: "unlimited" });
  const bcryptCost = 10; // BCRYPT_COST in wrangler.toml
  const bareHash = bcrypt.hashSync(PASSWORD, bcryptCost);

  log(`${quick ? "quick smoke run" : "full run"} on ${os.cpus().length} cores; state in bench/.state`);
  // The estimate simulator is pure (no server): it runs first, and alone when it is all that is asked.
  let estimateFigures = null;
  if (want("estimates")) {
    log(`estimate simulator: ${estimateProfiles.length > 0 ? estimateProfiles.join(", ") : "bench/estimates/profiles"}…`);
    estimateFigures = await estimates({ root: ROOT, state: STATE, profiles: estimateProfiles, seeds: estimateSeeds, quick, log });
  }
  if (only && only.every((o) => o === "estimates")) return finish({ estimates: estimateFigures });
  const persist = { seatline: join(STATE, "seatline"), instrumented: join(STATE, "seatline-instrumented"), bareDo: join(STATE, "bare-do") };
  const build = { seatline: join(STATE, "build/seatline"), instrumented: join(STATE, "build/seatline-instrumented"), bareDo: join(STATE, "build/bare-do") };
  const needInstrumented = want("bytes") || want("scale") || want("storage");
  const needLive = want("fanout") || want("throughput") || want("join") || want("venue") || want("signin");
  const needSeatline = needLive || want("insights") || want("webhooks");
  log("building the Workers (wrangler deploy --dry-run) and applying D1 migrations…");
  const config = join(ROOT, "wrangler.toml");
  const bareConfig = join(ROOT, "bench/baseline-do/wrangler.toml");
  const migrate = (dir) => wranglerAsync(["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir]);
  const [seatlineBuild] = await Promise.all([
    buildWorker({ config, outdir: build.seatline, metafile: join(build.seatline, "meta.json") }),
    needInstrumented ? buildWorker({ config, script: join(ROOT, "bench/seatline-instrumented/entry.js"), outdir: build.instrumented }) : null,
    needLive ? buildWorker({ config: bareConfig, outdir: build.bareDo }) : null,
    needSeatline ? migrate(persist.seatline) : null,
    needInstrumented ? migrate(persist.instrumented) : null,
  ]);
  log("starting wrangler dev (Seatline, bare DO) and the bare ws server…");
  const dev = (name, cfg, dir, persistTo, healthPath, v) => startWranglerDev({ name, config: cfg, bundle: bundleFile(dir), persistTo, healthPath, vars: v });
  const [seatline, instrumented, bareDo, bareWs] = await Promise.all([
    needSeatline ? dev("seatline", config, build.seatline, persist.seatline, "/api/openapi.json", vars) : null,
    needInstrumented ? dev("seatline-instrumented", config, build.instrumented, persist.instrumented, "/api/openapi.json", vars) : null,
    needLive ? dev("bare-do", bareConfig, build.bareDo, persist.bareDo, "/health", () => ({ BCRYPT_HASH: bareHash })) : null,
    needLive ? startBareWs() : null,
  ]);
  for (const s of [seatline, instrumented, bareDo]) {
    if (s && !s.direct) log(`  warning: ${s.name}: the runtime's own socket was not found; going through wrangler dev's proxy`);
  }
  log("servers up");

  const results = {
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    directRuntimeSockets: Object.fromEntries([seatline, instrumented, bareDo].filter(Boolean).map((s) => [s.name, s.direct])),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
    parameters: P,
    scenarios: {},
  };
  const S = results.scenarios;
  if (estimateFigures) S.estimates = estimateFigures;

  if (instrumented) {
    const sl = new Seatline(instrumented.base, await signUp(instrumented.base));
    if (want("bytes")) {
      log(`bytes and serializations at ${P.bytesSizes.join(" and ")} parties…`);
      S.bytes = await bytesAndSerializations({ sl, sizes: P.bytesSizes, log });
    }
    if (want("storage")) {
      log(`storage growth: ${P.storageParties} parties (without and with texts), ${P.storageBookings} bookings…`);
      S.storage = await storageGrowth({ sl, parties: P.storageParties, bookings: P.storageBookings, log });
    }
    if (want("scale")) {
      log(`scale of state: ${P.scaleSizes.join(" / ")} closed parties…`);
      S.scale = await scaleOfState({ sl, server: instrumented, sizes: P.scaleSizes, reps: P.scaleReps, actions: P.scaleActions, log });
    }
    await instrumented.stop();
  }

  if (seatline) {
    const session = await signUp(seatline.base);
    const sl = new Seatline(seatline.base, session);
    if (want("fanout") || want("throughput") || want("join")) {
      log(`creating a location with ${P.guests} parties through REST…`);
      const loc = await sl.createLocation("Fan-out");
      const parties = await sl.addParties(loc, P.guests, 6);
      const rooms = {
        seatline: new SeatlineRoom(sl, loc, parties),
        "bare-do": new BareRoom("bare-do", bareDo.base, "live", P.guests),
        "bare-ws": new BareRoom("bare-ws", bareWs.base, "live", P.guests),
      };
      if (want("join")) {
        log(`join storm: ${P.guests} guests at once, ${P.joinReps} alternating reps…`);
        const joinRooms = { seatline: rooms.seatline, "bare-do": new BareRoom("bare-do", bareDo.base, "join", P.guests), "bare-ws": new BareRoom("bare-ws", bareWs.base, "join", P.guests) };
        S.joinStorm = await joinStorm({ rooms: joinRooms, reps: P.joinReps, log });
      }
      if (want("fanout") || want("throughput")) {
        log(`connecting ${P.guests} guest + ${P.hosts} host sockets to each system…`);
        for (const room of Object.values(rooms)) await room.connect(P.hosts);
      }
      if (want("fanout")) {
        log(`fan-out: ${P.fanoutReps} alternating host actions per system…`);
        S.fanout = await fanout({ rooms, reps: P.fanoutReps, log });
      }
      if (want("throughput")) {
        log(`throughput: rates ${P.rates.join(", ")}/s until p99 > 100 ms…`);
        S.throughput = await throughput({ rooms: { seatline: rooms.seatline, "bare-do": rooms["bare-do"] }, reps: P.tpReps, seconds: P.tpSeconds, rates: P.rates, saturationActions: P.saturationActions, log });
      }
      if (profile) {
        log("profiling Seatline during 20 fan-out actions and one join storm…");
        mkdirSync(join(STATE, "profiles"), { recursive: true });
        const room = rooms.seatline;
        results.profiles = {
          fanout: await cpuProfile(seatline.inspectorPort, join(STATE, "profiles/fanout.cpuprofile"), async () => {
            for (let i = 0; i < 20; i++) await room.fanoutAction();
          }),
        };
        await closeAll(room.guests);
        results.profiles.joinStorm = await cpuProfile(seatline.inspectorPort, join(STATE, "profiles/join-storm.cpuprofile"), async () => {
          const clients = room.newGuestClients();
          await Promise.all(clients.map((c) => c.open()));
          await closeAll(clients);
        });
      }
      if (results.profiles) {
        // Name each profiled function's package (the bundle's module markers map lines to packages).
        const { lineToPackage } = lineToPackageMap(build.seatline);
        for (const prof of Object.values(results.profiles)) {
          for (const e of [...prof.self, ...prof.inclusive]) {
            const line = Number(/:(\d+)$/.exec(e.fn)?.[1]);
            if (line) e.package = lineToPackage[line - 1];
          }
        }
      }
      for (const room of Object.values(rooms)) await room.close();
    }
    if (want("venue")) {
      log(`large venue: ${P.venueParties} parties, ${P.venueParties} guest + ${P.venueHosts} host sockets…`);
      S.largeVenue = await largeVenue({ sl, bareBase: bareDo.base, parties: P.venueParties, hosts: P.venueHosts, reps: P.venueReps, log });
    }
    if (want("insights")) {
      log(`insights at scale: ${P.insightsPerDay} parties a day for ${P.insightsDays} days…`);
      S.insights = await insightsAtScale({ sl, persistTo: persist.seatline, days: P.insightsDays, perDay: P.insightsPerDay, reps: P.insightsReps, log });
    }
    if (want("webhooks")) {
      log(`webhooks: host actions with ${3} subscribed endpoints vs none, ${P.webhookReps} alternating blocks of ${P.webhookActions}…`);
      S.webhooks = await webhookLatency({ base: seatline.base, reps: P.webhookReps, actionsPerBlock: P.webhookActions, log });
    }
    if (want("signin")) {
      log(`sign-in vs bare bcrypt (cost ${bcryptCost}), ${P.signinReps} alternating reps…`);
      S.signIn = await signIn({ seatline: seatline.base, bareDo: bareDo.base, email: session.email, password: PASSWORD, hash: bareHash, reps: P.signinReps });
    }
  }
  await Promise.all([seatline?.stop(), bareDo?.stop(), bareWs?.stop()]);

  if (want("bundle")) {
    S.bundle = bundleSize(seatlineBuild, build.seatline);
    S.bundle.widget = await widgetScriptSize();
    if (P.startup) {
      log("startup profiles (wrangler check startup), Seatline then bare DO…");
      S.bundle.startup = await startupProfiles(build.seatline);
    }
  }

  results.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  printTable(results);
  if (S.estimates) printEstimates(S.estimates);
  log(`done in ${results.seconds} s; bench/results.json written`);
}

function printEstimates(e) {
  console.log(`\nWait estimates (issue 19): at join, seated walk-ins; vs TR = MAE ÷ the TablesReady formula's\n${e.table}`);
  console.log(`\nSpread over seeds: each seed's MAE ÷ the TablesReady formula's on the same days, and the range's coverage\n${e.spread}`);
}

/** An estimates-only run: no servers, the same results.json shape. */
function finish(scenarios) {
  const results = { date: new Date().toISOString(), mode: quick ? "quick" : "full", machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version }, scenarios, seconds: Math.round((Date.now() - started) / 1000) };
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  printEstimates(scenarios.estimates);
  log(`done in ${results.seconds} s; bench/results.json written`);
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(`\n✗ ${err.stack ?? err}`);
    process.exit(1);
  });
