// 4. Bytes and serializations per host action, with 20 and 200 parties in line, every party
// watched by one guest socket and the line by 2 host sockets. Serializations are counted from the
// frames (a host frame shared by every host is one; each guest frame is its party's own), and, on
// the instrumented entry, as the JSON.stringify calls the whole request made.
import { request } from "../lib/http.mjs";
import { closeAll, openAll } from "../lib/sockets.mjs";
import { round, sleep } from "../lib/stats.mjs";

const strip = (text) => text.replace(/"version":\d+,?/, "");

async function measure(sl, hosts, guests, label, run) {
  const base = sl.base;
  for (const c of [...hosts, ...guests]) c.keep = [];
  const calls0 = Number(await (await fetch(base + "/__bench/json-stringify-calls")).text());
  await run();
  // Settle: all frames of a local action arrive within milliseconds; wait until quiet.
  let count = -1;
  for (let i = 0; i < 50; i++) {
    await sleep(60);
    const now = [...hosts, ...guests].reduce((a, c) => a + c.keep.length, 0);
    if (now === count) break;
    count = now;
  }
  const calls1 = Number(await (await fetch(base + "/__bench/json-stringify-calls")).text());
  const hostFrames = hosts[0].keep;
  const distinctHostPayloads = new Set(hosts.flatMap((h) => h.keep)).size;
  const sameForAllHosts = hosts.every((h) => h.keep.length === hostFrames.length && h.keep.every((f, i) => f === hostFrames[i]));
  const guestFrames = guests.flatMap((g) => g.keep.map((f) => ({ g, f })));
  let redundant = 0;
  for (const g of guests) {
    for (const f of g.keep) {
      if (g.lastStatus !== undefined && strip(f) === g.lastStatus) redundant += 1;
      g.lastStatus = strip(f);
    }
  }
  const guestBytes = guestFrames.map(({ f }) => Buffer.byteLength(f));
  const r = {
    action: label,
    hostFramesPerHost: hostFrames.length,
    hostBytesPerHost: hostFrames.reduce((a, f) => a + Buffer.byteLength(f), 0),
    hostFrameBytes: hostFrames.map((f) => Buffer.byteLength(f)),
    hostSerializations: distinctHostPayloads,
    sameFramesForEveryHost: sameForAllHosts,
    guestsUpdated: guests.filter((g) => g.keep.length > 0).length,
    guestFrames: guestFrames.length,
    guestBytesMax: guestBytes.length ? Math.max(...guestBytes) : 0,
    guestBytesMean: guestBytes.length ? round(guestBytes.reduce((a, b) => a + b, 0) / guestBytes.length, 1) : 0,
    redundantGuestFrames: redundant,
    serializationsByFrames: distinctHostPayloads + guestFrames.length,
    jsonStringifyCalls: calls1 - calls0,
  };
  for (const c of [...hosts, ...guests]) c.keep = null;
  return r;
}

/** @param {{sl: import("../lib/seatline.mjs").Seatline, sizes: number[], log: (s: string) => void}} o */
export async function bytesAndSerializations({ sl, sizes, log }) {
  const out = {};
  for (const n of sizes) {
    const loc = await sl.createLocation(`Bytes ${n}`);
    const parties = await sl.addParties(loc, n, 6);
    const hosts = await openAll(await sl.hostClients(loc, 2));
    const guests = await openAll(sl.guestClients(parties));
    for (const g of guests) g.lastStatus = undefined;
    // Targets are looked up before each measurement so only the action itself is counted.
    const rows = [];
    rows.push(await measure(sl, hosts, guests, "add party (end of line)", () => sl.addParties(loc, 1, 1, "Walk-in")));
    let ids = await sl.line(loc);
    rows.push(await measure(sl, hosts, guests, "notify head", () => sl.act(loc, ids[0], "notify")));
    const middle = ids[Math.floor(ids.length / 2)];
    rows.push(
      await measure(sl, hosts, guests, "edit notes (middle)", () =>
        request(sl.base, "PATCH", `/api/locations/${loc}/waitlist/${middle}`, { body: { notes: "window seat" }, token: sl.token }),
      ),
    );
    rows.push(await measure(sl, hosts, guests, "move last → first", () => sl.act(loc, ids.at(-1), "move", { position: 1 })));
    ids = await sl.line(loc);
    rows.push(await measure(sl, hosts, guests, "seat head", () => sl.act(loc, ids[0], "seat")));
    rows.push(await measure(sl, hosts, guests, "restore", () => sl.act(loc, ids[0], "restore")));
    const lost = guests.reduce((a, g) => a + g.outOfOrder, 0) + hosts.reduce((a, h) => a + h.gaps + h.outOfOrder, 0);
    await closeAll([...hosts, ...guests]);
    out[n] = { parties: n, hostSockets: hosts.length, guestSockets: guests.length, lostOrOutOfOrder: lost, actions: rows };
    log(`  ${n} parties: ${rows.map((r) => `${r.action}: host ${r.hostBytesPerHost} B, guests ${r.guestFrames}×≤${r.guestBytesMax} B, stringify ${r.jsonStringifyCalls}`).join("; ")}`);
  }
  return out;
}
