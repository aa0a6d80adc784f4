// Seatline, unchanged, behind a bench-only entry (built with `wrangler deploy --dry-run
// bench/seatline-instrumented/entry.js`). Used only by the "bytes and serializations" and "scale
// of state" scenarios; the latency scenarios run the real entry, src/index.ts.
//   - counts JSON.stringify calls (locally the Worker and its Durable Objects share one isolate),
//     so a run can see how many serializations one host action really costs;
//   - seeds a location's day of history through the Restaurant DO's own RPC methods (add, then
//     seat, cancel or no-show), because 5,000 parties through REST would take many minutes on 2
//     cores, and spreads it over the day (see benchBackdate);
//   - counts a location's parties in D1, to wait until the DO's outbox has caught up.
import worker, { Restaurant as SeatlineRestaurant } from "../../src/index";
import { bandOf, localWeekdayHour } from "../../domain/waitlist/model";

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
}

let stringifyCalls = 0;
const stringify = JSON.stringify;
JSON.stringify = function countedStringify(...args) {
  stringifyCalls += 1;
  return stringify.apply(JSON, args);
};

const CLOSE_MIX = ["seat", "seat", "seat", "seat", "seat", "seat", "seat", "cancel", "cancel", "no-show"];

export default {
  ...worker,
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/__bench/json-stringify-calls") return new Response(String(stringifyCalls));
    if (url.pathname === "/__bench/seed-history" && request.method === "POST") {
      // Parties [from, from + count) of `total`, closed within [dayFrom, dayTo] in proportion.
      const { location, from, count, total, dayFrom, dayTo } = await request.json();
      const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(location.id));
      const since = Date.now();
      // Several calls in flight: the DO still runs them one at a time, but the round trips overlap.
      let next = from;
      let failure = null;
      const chain = async () => {
        while (next < from + count && !failure) {
          const i = next++;
          const added = await stub.at(location).add({ name: `History ${i + 1}`, size: 1 + (i % 6), phone: null, source: "host" });
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
    if (url.pathname === "/__bench/d1-parties") {
      const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM parties WHERE location_id = ?").bind(url.searchParams.get("location")).first();
      return Response.json({ count: row?.n ?? 0 });
    }
    return worker.fetch(request, env, ctx);
  },
};
