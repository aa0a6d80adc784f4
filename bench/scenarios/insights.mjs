// Insights at scale (issue 18): a busy location — 400 parties a day for 12 months, with a text per
// party — written into the D1 mirror as the outbox writes it, its rollups built by the same
// recompute the outbox flush runs (POST …/insights/rebuild), then each report timed for a 1-week,
// 1-month and 12-month range. Rollups make the 12-month figure a read of about a dozen month rows
// and the edge days, so it must stay within 3× of the 1-week one.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { wranglerAsync } from "../lib/servers.mjs";
import { median, round } from "../lib/stats.mjs";

const REPORTS = ["covers", "waits", "quote_accuracy", "drop_off", "messages", "bookings"];
const TZ = "America/New_York";

/** A small deterministic PRNG (mulberry32), so every run seeds the same history. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
const localDate = (at) => fmt.format(at).slice(0, 10);
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The instant local `date` `hour`:00 in New York (its offset is −4 or −5 hours). */
function localInstant(date, hour) {
  for (const off of [4, 5]) {
    const at = Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`) + off * 3_600_000;
    if (localDate(at) === date && Number(fmt.format(at).slice(-2)) === hour) return at;
  }
  return Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`) + 5 * 3_600_000;
}

const q = (s) => (s === null ? "NULL" : typeof s === "number" ? String(s) : `'${String(s).replace(/'/g, "''")}'`);

/** SQL for `days` days of history ending yesterday (local), `perDay` parties and one text each. */
function historySql({ accountId, locationId, days, perDay }) {
  const rand = rng(18);
  const today = localDate(Date.now());
  const parties = [];
  const messages = [];
  for (let d = days; d >= 1; d--) {
    const date = addDays(today, -d);
    const open = localInstant(date, 11);
    for (let i = 0; i < perDay; i++) {
      const id = randomUUID();
      const createdAt = open + Math.floor(rand() * 11 * 3_600_000);
      const size = 1 + Math.floor(rand() * rand() * 8);
      const quoted = 10 + 5 * Math.floor(rand() * 7);
      const estimate = Math.max(0, Math.round(quoted + (rand() - 0.5) * 16));
      const wait = Math.max(0, Math.round(quoted + (rand() - 0.4) * 30));
      const r = rand();
      const state = r < 0.8 ? "seated" : r < 0.88 ? "left" : r < 0.95 ? "cancelled" : "no_show";
      const source = rand() < 0.7 ? "host" : rand() < 0.9 ? "guest" : "api";
      const seatedAt = state === "seated" ? createdAt + wait * 60_000 : null;
      const closedAt = seatedAt ?? createdAt + Math.floor(rand() * 40) * 60_000;
      parties.push(`(${[id, accountId, locationId, "Guest", null, size, "", "[]", quoted, source, 1, state, createdAt, null, 0, seatedAt, closedAt, closedAt, 1, estimate].map(q).join(",")})`);
      const m = rand();
      const status = m < 0.93 ? "delivered" : m < 0.97 ? "undelivered" : "sent";
      const provider = rand() < 0.95 ? "twilio" : "telnyx";
      messages.push(`(${[randomUUID(), accountId, locationId, id, "outbound", "joined", "+12125550100", "Hi Guest, you're on the list at Bench Bistro. You're #4, about 20 min.", status, provider, status === "undelivered" ? "twilio:30003" : null, 1, createdAt, createdAt, createdAt, status === "delivered" ? createdAt + 3000 : null].map(q).join(",")})`);
    }
  }
  const chunks = (rows, head) => {
    const out = [];
    for (let i = 0; i < rows.length; i += 100) out.push(`${head} VALUES ${rows.slice(i, i + 100).join(",")};`);
    return out;
  };
  return [
    ...chunks(parties, "INSERT INTO parties (id, account_id, location_id, name, phone, size, notes, tags, quoted_wait, source, sms_consent, state, created_at, notified_at, notify_count, seated_at, closed_at, updated_at, version, join_estimate_minutes)"),
    ...chunks(messages, "INSERT INTO messages (id, account_id, location_id, party_id, direction, kind, to_phone, body, status, provider, error_code, attempts, created_at, updated_at, sent_at, delivered_at)"),
  ].join("\n");
}

async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** `sl` is a signed-in Seatline client of the running server; `persistTo` its local state. */
export async function insightsAtScale({ sl, persistTo, days, perDay, reps, log }) {
  const locationId = await sl.createLocation("Insights bench");
  const accountId = (await sl.api("GET", "/api/me")).account.id;
  log(`  seeding ${days} days × ${perDay} parties (and a text each) into the D1 mirror…`);
  const file = join(persistTo, "..", "insights-seed.sql");
  writeFileSync(file, historySql({ accountId, locationId, days, perDay }));
  const seedMs = await timed(() => wranglerAsync(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", file]));
  const today = localDate(Date.now());
  const from = addDays(today, -days);
  const to = addDays(today, -1);
  log(`  building the rollups (${from} … ${to}) with the flush's recompute…`);
  // A month per call keeps each request well inside the client's timeout.
  const rebuildMs = await timed(async () => {
    for (let start = from; start <= to; start = addDays(start, 31)) {
      const end = addDays(start, 30) < to ? addDays(start, 30) : to;
      await sl.api("POST", `/api/locations/${locationId}/insights/rebuild`, { from: start, to: end }, { expect: 200 });
    }
  });
  const ranges = { "1 week": addDays(to, -6), "1 month": addDays(to, -29), "12 months": addDays(to, -364) };
  const check = await sl.api("GET", `/api/insights/covers?from=${ranges["12 months"]}&to=${to}&locationId=${locationId}`);
  const parties = check.byDay.reduce((s, d) => s + d.parties, 0);
  const out = { days, perDay, seedSeconds: round(seedMs / 1000, 1), rebuildSeconds: round(rebuildMs / 1000, 1), seatedPartiesIn12Months: parties, reports: {} };
  for (const name of REPORTS) {
    out.reports[name] = {};
    // Warm once (the first read after a rebuild refreshes nothing more than the recent days).
    await sl.api("GET", `/api/insights/${name}?from=${ranges["1 week"]}&to=${to}&locationId=${locationId}`);
  }
  for (const name of REPORTS) {
    for (const [label, start] of Object.entries(ranges)) {
      const times = [];
      for (let i = 0; i < reps; i++) times.push(await timed(() => sl.api("GET", `/api/insights/${name}?from=${start}&to=${to}&locationId=${locationId}`)));
      out.reports[name][label] = round(median(times), 1);
    }
    const r = out.reports[name];
    r.ratio12MonthsTo1Week = round(r["12 months"] / r["1 week"], 2);
    log(`  ${name.padEnd(15)} 1 week ${r["1 week"]} ms, 1 month ${r["1 month"]} ms, 12 months ${r["12 months"]} ms (×${r.ratio12MonthsTo1Week})`);
  }
  return out;
}
