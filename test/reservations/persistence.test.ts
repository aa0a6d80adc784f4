// The book is in the DO's SQLite: it survives eviction, and manage tokens are stored only hashed.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, dayFromNow, localIso, publicBook } from "./support";

describe("persistence", () => {
  it("reservations, tables and settings survive an eviction", async () => {
    const p = await bookPlace({ settings: { reminderHours: 4 } });
    const date = dayFromNow(2, p.timezone);
    const made = await publicBook(p, { start: localIso(date, "19:00", p.timezone) });
    await evictDurableObject(p.stub);
    expect((await call("GET", `/api/public/reservations/${made.json.token}`)).json.reservation.localTime).toBe("19:00");
    expect((await call("GET", `${p.base}/tables`, { token: p.token })).json.tables).toHaveLength(2);
    expect((await call("GET", `${p.base}/booking-settings`, { token: p.token })).json.reminderHours).toBe(4);
    expect((await publicBook(p, { start: localIso(date, "19:00", p.timezone) })).status).toBe(409);
  });

  it("stores the manage token only as its SHA-256", async () => {
    const p = await bookPlace();
    const made = await publicBook(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    const token = made.json.token as string;
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)))].map((b) => b.toString(16).padStart(2, "0")).join("");
    const rows = await runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT * FROM reservations").toArray());
    expect(rows[0]!.token_hash).toBe(digest);
    expect(JSON.stringify(rows)).not.toContain(token.slice(32));
  });
});
