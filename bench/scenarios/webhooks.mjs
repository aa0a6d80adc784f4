// 9. Webhooks and the host (issue 15, item 4): a host action's latency (request to answer) at a
// location whose account has three subscribed webhook endpoints, against one whose account has none,
// in alternating blocks. Emission goes through the DO's webhook outbox and the queue, after the ack,
// so the two should match (target: within 1.1×). The receivers are a local HTTP server (http to
// 127.0.0.1 is allowed in development); the run waits until they have every event, to show the
// deliveries really happened while the actions were timed.
import { createServer } from "node:http";
import { freePort } from "../lib/servers.mjs";
import { Seatline, signUp } from "../lib/seatline.mjs";
import { alternating, percentile, ratio, round, sleep } from "../lib/stats.mjs";

const ENDPOINTS = 3;
const PARTIES = 20;

async function startReceivers() {
  const port = await freePort();
  let got = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      got += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: (i) => `http://127.0.0.1:${port}/hook/${i}`, count: () => got, stop: () => new Promise((r) => server.close(r)) };
}

/** An account with one location of PARTIES parties; `hooks` endpoints subscribed to every event. */
async function place(base, name, hooks, receivers) {
  const sl = new Seatline(base, await signUp(base));
  const loc = await sl.createLocation(name);
  const parties = await sl.addParties(loc, PARTIES, 4);
  for (let i = 0; i < hooks; i++) await sl.api("POST", "/api/webhook-endpoints", { url: receivers.url(`${name}-${i}`), description: `bench ${i}` }, { expect: 201 });
  return { sl, loc, parties, next: 0 };
}

/** One host action (notify, repeatable on a waiting or notified party); its latency in ms. */
async function action(p) {
  const party = p.parties[p.next++ % p.parties.length];
  const t = performance.now();
  await p.sl.act(p.loc, party.id, "notify");
  return performance.now() - t;
}

export async function webhookLatency({ base, reps, actionsPerBlock, log }) {
  const receivers = await startReceivers();
  try {
    const places = { none: await place(base, "No hooks", 0, receivers), three: await place(base, "Three hooks", ENDPOINTS, receivers) };
    // Warm both DOs and paths before timing.
    for (const p of Object.values(places)) for (let i = 0; i < 5; i++) await action(p);
    const lat = { none: [], three: [] };
    for (const [system] of alternating(["none", "three"], reps)) {
      for (let i = 0; i < actionsPerBlock; i++) lat[system].push(await action(places[system]));
    }
    // Every action at the hooked location is one event per endpoint (plus its parties' creation).
    const expected = ENDPOINTS * (PARTIES + 5 + lat.three.length);
    const deadline = Date.now() + 60_000;
    while (receivers.count() < expected && Date.now() < deadline) await sleep(200);
    const stats = (xs) => ({ n: xs.length, p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), p99: round(percentile(xs, 99)) });
    const out = {
      endpoints: ENDPOINTS,
      none: stats(lat.none),
      three: stats(lat.three),
      deliveriesExpected: expected,
      deliveriesReceived: receivers.count(),
    };
    out.ratioP50 = ratio(out.three.p50, out.none.p50);
    out.ratioP95 = ratio(out.three.p95, out.none.p95);
    log(`  none p50 ${out.none.p50} ms p95 ${out.none.p95} ms; three endpoints p50 ${out.three.p50} ms p95 ${out.three.p95} ms → ${out.ratioP50}× / ${out.ratioP95}×; ${out.deliveriesReceived}/${expected} deliveries`);
    return out;
  } finally {
    await receivers.stop();
  }
}
