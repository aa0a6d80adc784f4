// 10. Storage growth (issue 14, item 7): the bytes D1 and a location's DO grow per party, per text
// message and per reservation — the figures docs/scaling.md sizes one D1 database with. Measured on
// the instrumented entry: D1's own `size_after` (the database file's size after a query) and the DO's
// `databaseSize`, before and after seeding through the DO's own methods, once the outboxes have
// carried everything to D1. Parties are closed (seated, cancelled, no-show) as a day's are; with
// texts, each guest has a phone and consent, so the joined (and cancelled) texts are queued.
import { request } from "../lib/http.mjs";
import { round, sleep } from "../lib/stats.mjs";

async function sizes(sl, locationId) {
  return request(sl.base, "GET", `/__bench/sizes?location=${locationId}`);
}

/** Waits until D1 holds `want(counts)`, and its counts have stopped moving (queued texts settle). */
async function settled(sl, locationId, want, what) {
  const deadline = Date.now() + 240_000;
  let last = null;
  for (;;) {
    const s = await sizes(sl, locationId);
    if (want(s) && last && last.parties === s.parties && last.messages === s.messages && last.reservations === s.reservations && last.d1Bytes === s.d1Bytes) return s;
    if (Date.now() > deadline) throw new Error(`storage: ${what} did not reach D1 within 240 s (${JSON.stringify(s)})`);
    last = s;
    await sleep(750);
  }
}

async function seedParties(sl, ref, count, texts) {
  const dayTo = Date.now() - 20 * 60_000;
  const dayFrom = dayTo - 12 * 3600_000;
  for (let from = 0; from < count; from += 100) {
    await request(sl.base, "POST", "/__bench/seed-history", { body: { location: ref, from, count: Math.min(100, count - from), total: count, dayFrom, dayTo, texts } });
  }
}

const per = (after, before, key, n) => (n > 0 ? round((after[key] - before[key]) / n, 0) : null);

/** @param {{sl: import("../lib/seatline.mjs").Seatline, parties: number, bookings: number, log: (s: string) => void}} o */
export async function storageGrowth({ sl, parties, bookings, log }) {
  const me = await sl.api("GET", "/api/me");
  const timezone = "America/New_York";
  const out = {};

  // Parties without texts: the party row in D1 (and its DO row, kept for the day after it closes).
  {
    const name = "Storage parties";
    const loc = await sl.createLocation(name);
    const ref = { id: loc, accountId: me.account.id, name, timezone };
    const s0 = await settled(sl, loc, () => true, "an empty location");
    await seedParties(sl, ref, parties, false);
    const s1 = await settled(sl, loc, (s) => s.parties >= parties, `${parties} parties`);
    out.party = { n: s1.parties - s0.parties, d1BytesEach: per(s1, s0, "d1Bytes", s1.parties - s0.parties), doBytesEach: per(s1, s0, "doBytes", s1.parties - s0.parties) };
    log(`  storage: ${out.party.n} parties: D1 +${out.party.d1BytesEach} B, DO +${out.party.doBytesEach} B each`);
  }

  // The same parties with texts: what the messages add (per message, over the parties' own bytes).
  {
    const name = "Storage texts";
    const loc = await sl.createLocation(name);
    const ref = { id: loc, accountId: me.account.id, name, timezone };
    const s0 = await settled(sl, loc, () => true, "an empty location");
    await seedParties(sl, ref, parties, true);
    const s1 = await settled(sl, loc, (s) => s.parties >= parties && s.messages > 0, `${parties} parties with texts`);
    const n = s1.messages - s0.messages;
    const partyD1 = out.party.d1BytesEach * (s1.parties - s0.parties);
    const partyDo = out.party.doBytesEach * (s1.parties - s0.parties);
    out.message = {
      n,
      perParty: round(n / (s1.parties - s0.parties), 2),
      d1BytesEach: n > 0 ? round((s1.d1Bytes - s0.d1Bytes - partyD1) / n, 0) : null,
      doBytesEach: n > 0 ? round((s1.doBytes - s0.doBytes - partyDo) / n, 0) : null,
    };
    log(`  storage: ${n} texts (${out.message.perParty} a party): D1 +${out.message.d1BytesEach} B, DO +${out.message.doBytesEach} B each`);
  }

  // Reservations (host bookings over the coming days).
  {
    const name = "Storage bookings";
    const loc = await sl.createLocation(name);
    const ref = { id: loc, accountId: me.account.id, name, timezone };
    const s0 = await settled(sl, loc, () => true, "an empty location");
    for (let from = 0; from < bookings; from += 100) {
      await request(sl.base, "POST", "/__bench/seed-bookings", { body: { location: ref, from, count: Math.min(100, bookings - from) } });
    }
    const s1 = await settled(sl, loc, (s) => s.reservations >= bookings, `${bookings} bookings`);
    const n = s1.reservations - s0.reservations;
    out.reservation = { n, d1BytesEach: per(s1, s0, "d1Bytes", n), doBytesEach: per(s1, s0, "doBytes", n) };
    log(`  storage: ${n} bookings: D1 +${out.reservation.d1BytesEach} B, DO +${out.reservation.doBytesEach} B each`);
  }
  return out;
}
