// 3. Join storm: 300 guests connect at once; the time until every one has its first state.
import { closeAll } from "../lib/sockets.mjs";
import { alternating, sleep, summary } from "../lib/stats.mjs";

async function storm(room) {
  const clients = room.newGuestClients();
  const t0 = performance.now();
  const results = await Promise.allSettled(clients.map((c) => c.open(30_000)));
  const failed = results.filter((r) => r.status === "rejected").length;
  const done = Math.max(...clients.map((c) => c.firstAt ?? Number.POSITIVE_INFINITY));
  await closeAll(clients);
  await sleep(300);
  return { ms: done - t0, failed, firstError: results.find((r) => r.status === "rejected")?.reason?.message };
}

/** @param {{rooms: Record<string, any>, reps: number, log: (s: string) => void}} o */
export async function joinStorm({ rooms, reps, log }) {
  const samples = Object.fromEntries(Object.keys(rooms).map((k) => [k, []]));
  let failed = 0;
  for (const [system, i] of alternating(Object.keys(rooms), reps)) {
    const r = await storm(rooms[system]);
    failed += r.failed;
    if (r.failed) log(`  join storm ${system} rep ${i + 1}: ${r.failed} sockets failed (${r.firstError})`);
    else samples[system].push(r.ms);
  }
  return { guests: rooms.seatline.parties.length, reps, failed, ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summary(v)])) };
}
