// 9. Large venue (issue 14, item 6): one location with 2,000 parties waiting, a guest socket open for
// every one of them and 10 host screens — a theme park, a clinic, a DMV. The same fan-out as scenario
// 1 (seat the head, then restore it: every guest's place changes), against a bare DO room with the
// same 2,010 sockets. Target: p99 ≤ 2× the bare DO; every guest exactly one frame per action.
import { BareRoom, SeatlineRoom } from "../lib/rooms.mjs";
import { closeAll } from "../lib/sockets.mjs";
import { fanout } from "./fanout.mjs";

/**
 * @param {{sl: import("../lib/seatline.mjs").Seatline, bareBase: string, parties: number, hosts: number, reps: number, log: (s: string) => void}} o
 */
export async function largeVenue({ sl, bareBase, parties: n, hosts, reps, log }) {
  const t0 = Date.now();
  const loc = await sl.createLocation("Large venue");
  // Set-up, not measured: 8 adds in flight (the DO still runs them one at a time).
  const parties = await sl.addParties(loc, n, 8, "Visitor");
  log(`  large venue: ${n} parties added in ${((Date.now() - t0) / 1000).toFixed(0)} s; connecting ${n} guest + ${hosts} host sockets to each system…`);
  const rooms = {
    seatline: new SeatlineRoom(sl, loc, parties),
    "bare-do": new BareRoom("bare-do", bareBase, "venue", n),
  };
  try {
    for (const room of Object.values(rooms)) await room.connect(hosts);
    log(`  large venue: ${reps} alternating host actions per system…`);
    const result = await fanout({ rooms, reps, log });
    return { parties: n, setupSeconds: Math.round((Date.now() - t0) / 1000), ...result };
  } finally {
    for (const room of Object.values(rooms)) await closeAll(room.all);
  }
}
