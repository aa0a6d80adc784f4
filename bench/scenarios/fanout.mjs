// 1. Fan-out: one host action by REST; the time until the last of 300 guest and 4 host sockets has
// its frame. Every socket must get every frame (guests: exactly one per action), in order.
import { alternating, sleep, summary } from "../lib/stats.mjs";

async function once(room) {
  const sockets = room.all;
  let remaining = sockets.length;
  let last = 0;
  let first = Number.POSITIVE_INFINITY;
  let resolve;
  const done = new Promise((r) => (resolve = r));
  for (const c of sockets) {
    c.got = false;
    c.onFrame = (client, _text, _v, t) => {
      if (client.got) return;
      client.got = true;
      if (t > last) last = t;
      if (t < first) first = t;
      if (--remaining === 0) resolve();
    };
  }
  const t0 = performance.now();
  let error = null;
  try {
    await room.fanoutAction();
  } catch (err) {
    error = err;
  }
  const ack = performance.now() - t0;
  await Promise.race([done, sleep(10_000)]);
  for (const c of sockets) c.onFrame = null;
  return { ms: remaining === 0 ? last - t0 : null, first: first - t0, ack, missing: remaining, error };
}

/** @param {{rooms: Record<string, any>, reps: number, log: (s: string) => void}} o */
export async function fanout({ rooms, reps, log }) {
  const systems = Object.keys(rooms);
  const before = new Map();
  for (const room of Object.values(rooms)) for (const c of room.all) before.set(c, { frames: c.frames, outOfOrder: c.outOfOrder, gaps: c.gaps });
  const samples = Object.fromEntries(systems.map((k) => [k, []]));
  const acks = Object.fromEntries(systems.map((k) => [k, []]));
  const firsts = Object.fromEntries(systems.map((k) => [k, []]));
  const actions = Object.fromEntries(systems.map((k) => [k, 0]));
  const errors = Object.fromEntries(systems.map((k) => [k, 0]));
  for (const [system] of alternating(systems, reps)) {
    const r = await once(rooms[system]);
    actions[system] += 1;
    if (r.error) {
      errors[system] += 1;
      log(`  fan-out ${system}: ${r.error.message}`);
    }
    if (r.ms !== null) samples[system].push(r.ms);
    acks[system].push(r.ack);
    if (Number.isFinite(r.first)) firsts[system].push(r.first);
    await sleep(50);
  }
  await sleep(500);
  // Every guest gets exactly one frame per action; hosts get every version, in order.
  const check = {};
  for (const system of systems) {
    const room = rooms[system];
    let lost = 0;
    let extra = 0;
    let outOfOrder = 0;
    for (const c of room.all) {
      const b = before.get(c);
      const got = c.frames - b.frames;
      outOfOrder += c.outOfOrder - b.outOfOrder;
      if (c.kind === "guest") {
        lost += Math.max(0, actions[system] - got);
        extra += Math.max(0, got - actions[system]);
      } else {
        lost += c.gaps - b.gaps + Math.max(0, actions[system] - got);
      }
    }
    check[system] = { actions: actions[system], lost, duplicates: extra, outOfOrder, errors: errors[system] };
  }
  return {
    sockets: { guests: rooms.seatline.guests.length, hosts: rooms.seatline.hosts.length },
    reps,
    ...Object.fromEntries(systems.map((k) => [k, { ...summary(samples[k]), firstFrame: summary(firsts[k]), ack: summary(acks[k]), ...check[k] }])),
  };
}
