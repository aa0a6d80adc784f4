// Seatline, unchanged, behind a bench-only entry (built with `wrangler deploy --dry-run
// bench/seatline-instrumented/entry.js`). Used only by the "bytes and serializations" and "scale
// of state" scenarios; the latency scenarios run the real entry, src/index.ts.
//   - counts JSON.stringify calls (locally the Worker and its Durable Objects share one isolate),
//     so a run can see how many serializations one host action really costs;
//   - seeds a location's day of history through the Restaurant DO's own RPC methods (add, then
//     seat, cancel or no-show), because 5,000 parties through REST would take many minutes on 2
//     cores, and spreads it over the day (see benchBackdate);
//   - counts a location's parties in D1, to wait until the DO's outbox has caught up;
//   - reports the bytes D1 and a location's DO hold (D1's own `size_after`, the DO's `databaseSize`)
//     and seeds texts and bookings, for the storage growth per party, message and reservation.
import worker, { Restaurant as SeatlineRestaurant } from "../../src/index";
import { bandOf, localWeekdayHour } from "../../domain/waitlist/model";
import { addDays, localDate, zonedInstant } from "../../domain/time";

/** Seatline's Durable Object plus one bench-only method; the binding's class_name resolves to this export. */
export class Restaurant extends SeatlineRestaurant {
  /**
   * The DO stamps every change with Date.now(), so history seeded in seconds would all look
   * "closed just now" (and still restorable), which no real day looks like. This spreads the
   * parties closed since `since` evenly over [from, to], in order, and moves their seatings with
   * them. It writes the DO's own tables, so it follows their schema (durable-objects/storage/migrations.ts).
   */
  async benchBackdate(since, from, to, timezone) {
    const sql = this.ctx.storage.sql;
    const rows = sql.exec("SELECT id, size, state FROM parties WHERE closed_at >= ? ORDER BY closed_at, id", since).toArray();
    sql.exec("DELETE FROM seatings WHERE at >= ?", since);
    rows.forEach((r, i) => {
      const closedAt = Math.round(from + ((i + 0.5) / rows.length) * (to - from));
      const seated = r.state === "seated";
      sql.exec(
        "UPDATE parties SET created_at = ?, closed_at = ?, seated_at = ?, updated_at = ? WHERE id = ?",
        closedAt - 40 * 60_000, closedAt, seated ? closedAt : null, closedAt, r.id,
      );
      if (seated) {
        const local = localWeekdayHour(closedAt, timezone);
        sql.exec("INSERT INTO seatings (at, band, weekday, hour) VALUES (?, ?, ?, ?)", closedAt, bandOf(r.size), local.weekday, local.hour);
      }
    });
    this.m.estimates.invalidate(); // derived from the seatings, which just moved
    return rows.length;
  }

  /** Bytes of this object's SQLite database (what Cloudflare bills and caps per object). */
  benchDatabaseSize() {
    return this.ctx.storage.sql.databaseSize;
  }
}

let stringifyCalls = 0;
const stringify = JSON.stringify;
JSON.stringify = function countedStringify(...args) {
  stringifyCalls += 1;
  return stringify.apply(JSON, args);
};

const CLOSE_MIX = ["seat", "seat", "seat", "seat", "seat", "seat", "seat", "cancel", "cancel", "no_show"];

export default {
  ...worker,
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/__bench/json-stringify-calls") return new Response(String(stringifyCalls));
    if (url.pathname === "/__bench/seed-history" && request.method === "POST") {
      // Parties [from, from + count) of `total`, closed within [dayFrom, dayTo] in proportion.
      const { location, from, count, total, dayFrom, dayTo, texts = false } = await request.json();
      const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(location.id));
      const since = Date.now();
      // Several calls in flight: the DO still runs them one at a time, but the round trips overlap.
      let next = from;
      let failure = null;
      const chain = async () => {
        while (next < from + count && !failure) {
          const i = next++;
          // With `texts`, each guest has a phone and agreed to texts: the joined text (and the cancelled one) are queued.
          const phone = texts ? `+1212555${String(1000 + (i % 9000)).padStart(4, "0")}` : null;
          const added = await stub.at(location).add({ name: `History ${i + 1}`, partySize: 1 + (i % 6), phone, smsConsent: texts, source: "host" });
          if (!added.ok) failure = added;
          else {
            const closed = await stub.at(location).act(added.value.party.id, CLOSE_MIX[i % CLOSE_MIX.length]);
            if (!closed.ok) failure = closed;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, chain));
      if (failure) return Response.json(failure, { status: 500 });
      const span = dayTo - dayFrom;
      const moved = await stub.benchBackdate(since, dayFrom + (from / total) * span, dayFrom + ((from + count) / total) * span, location.timezone);
      return Response.json({ seeded: count, backdated: moved });
    }
    if (url.pathname === "/__bench/sizes") {
      // D1 reports the database's size after each query; the DO its own.
      const location = url.searchParams.get("location");
      const probe = await env.DB.prepare("SELECT (SELECT COUNT(*) FROM parties WHERE location_id = ?1) AS parties, (SELECT COUNT(*) FROM messages WHERE location_id = ?1) AS messages, (SELECT COUNT(*) FROM reservations WHERE location_id = ?1) AS reservations").bind(location).all();
      const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(location));
      return Response.json({ d1Bytes: probe.meta.size_after ?? null, doBytes: await stub.benchDatabaseSize(), ...probe.results[0] });
    }
    if (url.pathname === "/__bench/seed-bookings" && request.method === "POST") {
      // `count` host bookings (no table) spread over the next days' service, each with a phone.
      const { location, from, count } = await request.json();
      const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(location.id));
      const api = stub.at(location);
      const settings = await api.getBookingSettings();
      const allDay = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "08:00", end: "23:00" }]]));
      const saved = await api.updateBookingSettings({ ...settings, hours: allDay });
      if (saved && saved.ok === false) return Response.json(saved, { status: 500 });
      const today = localDate(Date.now(), location.timezone);
      for (let i = from; i < from + count; i++) {
        const date = addDays(today, 1 + Math.floor(i / 48));
        const start = zonedInstant(date, 9 * 60 + (i % 48) * 15, location.timezone);
        const made = await api.createReservation({ name: `Booking ${i + 1}`, phone: `+1212555${String(1000 + (i % 9000)).padStart(4, "0")}`, partySize: 2 + (i % 4), start, tableIds: [], notes: "", source: "host", smsConsent: false });
        if (!made.ok) return Response.json(made, { status: 500 });
      }
      return Response.json({ seeded: count });
    }
    if (url.pathname === "/__bench/d1-parties") {
      const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM parties WHERE location_id = ?").bind(url.searchParams.get("location")).first();
      return Response.json({ count: row?.n ?? 0 });
    }
    return worker.fetch(request, env, ctx);
  },
};
