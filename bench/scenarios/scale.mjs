// 7. Scale of state: host actions per second, and memory, of one location with 50, 500 and 5,000
// closed parties in the day's history, plus 20 parties in line, each followed by a guest socket,
// and a host screen. History is seeded through the DO's own add/act and spread over the last 12
// hours (bench-only entry, see seatline-instrumented/entry.js); the measured actions go through REST.
import { request } from "../lib/http.mjs";
import { isolateHeap } from "../lib/inspector.mjs";
import { doSqliteFiles, rssBytes, workerdPid } from "../lib/servers.mjs";
import { closeAll, openAll } from "../lib/sockets.mjs";
import { alternating, percentile, round, sleep, summary } from "../lib/stats.mjs";

const ACTIVE = 20;

async function seed(sl, ref, count) {
  const chunkSize = 100;
  // The day so far: parties closed from 12 hours ago until 20 minutes ago (no longer restorable).
  const dayTo = Date.now() - 20 * 60_000;
  const dayFrom = dayTo - 12 * 3600_000 + 20 * 60_000;
  for (let from = 0; from < count; from += chunkSize) {
    const body = { location: ref, from, count: Math.min(chunkSize, count - from), total: count, dayFrom, dayTo };
    await request(sl.base, "POST", "/__bench/seed-history", { body });
  }
  // Wait until the DO's outbox has carried every party to D1, so that flush is not measured later.
  const deadline = Date.now() + 180_000;
  for (;;) {
    const { count: inD1 } = await request(sl.base, "GET", `/__bench/d1-parties?location=${ref.id}`);
    if (inD1 >= count) return;
    if (Date.now() > deadline) throw new Error(`outbox: only ${inD1} of ${count} parties reached D1 in 180 s`);
    await sleep(250);
  }
}

/**
 * One closed-loop chunk of host actions by REST: add a party, notify the head, seat the head, …
 * (the line stays at 20). Only the requests are timed; the new party's guest socket opens between.
 */
async function chunk(level, actions) {
  const { sl, loc } = level;
  const times = [];
  for (let i = 0; i < actions; i++) {
    const step = level.step++ % 3;
    const t0 = performance.now();
    if (step === 0) {
      const [p] = await sl.addParties(loc, 1, 1, "Walk-in");
      times.push(performance.now() - t0);
      level.line.push(p);
      const [guest] = await openAll(sl.guestClients([p]));
      level.guests.set(p.id, guest);
    } else {
      const head = level.line[0];
      await sl.act(loc, head.id, step === 1 ? "notify" : "seat");
      times.push(performance.now() - t0);
      if (step === 2) {
        level.line.shift();
        await level.guests.get(head.id)?.close();
        level.guests.delete(head.id);
      }
    }
  }
  return times;
}

async function memory(server, workerd) {
  const poke = () => fetch(server.base + "/__bench/json-stringify-calls").then((r) => r.text());
  const heap = await isolateHeap(server.inspectorPort, poke);
  return { workerdRssBytes: workerd ? rssBytes(workerd) : null, isolateHeapBytes: heap?.usedBytes ?? null, heapAfterGc: heap?.afterGc ?? null };
}

/** @param {{sl: import("../lib/seatline.mjs").Seatline, server: any, sizes: number[], reps: number, actions: number, log: (s: string) => void}} o */
export async function scaleOfState({ sl, server, sizes, reps, actions, log }) {
  const me = await sl.api("GET", "/api/me");
  const workerd = workerdPid(server.pid, server.base);
  const levels = {};
  const mem = [{ after: "start", ...(await memory(server, workerd)) }];
  // Levels are seeded smallest first; memory is read after each, so its growth is per level.
  for (const size of sizes) {
    const name = `Scale ${size}`;
    const loc = await sl.createLocation(name);
    const ref = { id: loc, accountId: me.account.id, name, timezone: "America/New_York" };
    const filesBefore = new Set(doSqliteFiles(server.persistTo).keys());
    const t0 = performance.now();
    await seed(sl, ref, size);
    const seedSeconds = round((performance.now() - t0) / 1000, 1);
    const line = await sl.addParties(loc, ACTIVE, 4, "Waiting");
    const host = await openAll(await sl.hostClients(loc, 1));
    const guests = new Map((await openAll(sl.guestClients(line))).map((g, i) => [line[i].id, g]));
    const files = [...doSqliteFiles(server.persistTo)].filter(([k]) => !filesBefore.has(k)).map(([, v]) => v);
    const sqlite = { db: files.reduce((a, f) => a + f.db, 0), wal: files.reduce((a, f) => a + f.wal, 0) };
    levels[size] = { sl, loc, line, guests, host, step: 0, seedSeconds, sqlite, samples: [] };
    await chunk(levels[size], 6); // warm-up
    mem.push({ after: `${size} closed`, ...(await memory(server, workerd)) });
    log(`  seeded ${size} closed parties in ${seedSeconds} s; DO SQLite ${(sqlite.db / 1024).toFixed(0)} KiB (+ WAL ${(sqlite.wal / 1024).toFixed(0)} KiB)`);
  }
  for (const [size] of alternating(sizes, reps)) levels[size].samples.push(await chunk(levels[size], actions));
  const out = { activeParties: ACTIVE, actionsPerChunk: actions, reps, memory: mem };
  for (const size of sizes) {
    const level = levels[size];
    const perChunk = level.samples.map((t) => (t.length / t.reduce((a, b) => a + b, 0)) * 1000);
    const all = level.samples.flat();
    out[size] = {
      closedParties: size,
      seedSeconds: level.seedSeconds,
      actionsPerSecond: round(percentile(perChunk, 50), 1),
      latency: summary(all),
      doSqliteBytes: level.sqlite.db,
      doSqliteWalBytes: level.sqlite.wal,
    };
    await closeAll([...level.host, ...level.guests.values()]);
  }
  return out;
}
