#!/usr/bin/env node
// Guest history (issue 22): is the host's add path slowed, and what does the look-up cost?
// `node bench/guests.mjs [--port=8883] [--history=2000] [--adds=200]` starts the local stack (as the
// browser tests do: scripts/start.mjs, fresh state, web/dist built first) on the given port, seeds a
// history of seated parties with phones across two locations of one account, then measures, one
// request at a time:
//   - add: POST …/waitlist with a phone (the host's add; the look-up is never part of it);
//   - look-up 1 and look-up 50: GET /api/guests?phone=… for one number, and for 50 numbers (a full
//     host screen), as the web app asks after an add or when a party is opened.
// Run it from a checkout of main too (copy this file there) for the add figures before the change:
// the look-up rows then say "absent"; --adds-only leaves the look-ups out here too, so the two runs
// send the same requests. Prints a JSON summary.
import { startStack } from "../test/browser/harness.mjs";
import { pool, request } from "./lib/http.mjs";
import { signUp } from "./lib/seatline.mjs";
import { summary } from "./lib/stats.mjs";

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const port = arg("port", 8883);
const history = arg("history", 2000);
const adds = arg("adds", 200);
// --adds-only: no look-ups between the adds (the same requests main can answer), to compare the add alone.
const addsOnly = process.argv.includes("--adds-only");
const PHONES = 400;
const phone = (i) => `+1415555${String(1000 + (i % PHONES)).slice(-4)}`;

const stack = await startStack(port);
try {
  const base = stack.base;
  const session = await signUp(base);
  const api = (method, path, body, expect) => request(base, method, path, { body, token: session.token, expect });
  const second = await api("POST", "/api/locations", { name: "Second", timezone: "Europe/Rome" }, 201);
  const locs = [session.firstLocation.id, second.id];
  // History: seated parties, 5 visits per number on average, spread over both locations.
  await pool(history, 6, async (i) => {
    const loc = locs[i % 2];
    const r = await api("POST", `/api/locations/${loc}/waitlist`, { name: `Guest ${i}`, size: 2, phone: phone(i) }, 201);
    await api("POST", `/api/locations/${loc}/waitlist/${r.party.id}/seat`, undefined, 200);
  });
  // Wait for the outboxes to carry the history to D1.
  const hasGuests = (await fetch(`${base}/api/guests?phone=${encodeURIComponent(phone(0))}`, { headers: { authorization: `Bearer ${session.token}` } })).status === 200;
  if (hasGuests) {
    for (let i = 0; i < 600; i++) {
      const g = await api("GET", `/api/guests?phone=${encodeURIComponent(phone(0))}`);
      if ((g.items[0]?.visitCount ?? 0) >= Math.floor(history / PHONES)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } else await new Promise((r) => setTimeout(r, 5000));

  const time = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const add = [];
  const one = [];
  const fifty = [];
  for (let i = 0; i < adds; i++) {
    add.push(await time(() => api("POST", `/api/locations/${locs[0]}/waitlist`, { name: `Bench ${i}`, size: 2, phone: phone(i * 7) }, 201)));
    if (hasGuests && !addsOnly) {
      one.push(await time(() => api("GET", `/api/guests?phone=${encodeURIComponent(phone(i * 7))}`)));
      if (i % 4 === 0) fifty.push(await time(() => api("GET", `/api/guests?${Array.from({ length: 50 }, (_, k) => `phone=${encodeURIComponent(phone(i + k))}`).join("&")}`)));
    }
  }
  console.log(JSON.stringify({ history, phones: PHONES, adds, addMs: summary(add), lookUp1Ms: hasGuests && !addsOnly ? summary(one) : "absent", lookUp50Ms: hasGuests && !addsOnly ? summary(fifty) : "absent" }, null, 2));
} finally {
  stack.stop();
}
