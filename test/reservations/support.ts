// Helpers shared by the reservation tests: a fresh location with tables and open hours, times in
// its zone, booking through the public and host APIs.
import { env, runInDurableObject } from "cloudflare:test";
import { expect } from "vitest";
import { addDays, localDate, minutesOf, zonedInstant } from "../../domain/time";
import { call, signUp, type SignedUp } from "../helpers/api";

export interface BookPlace extends SignedUp {
  base: string;
  slug: string;
  timezone: string;
  stub: DurableObjectStub;
  tables: { id: string; name: string; minSeats: number; maxSeats: number }[];
}

export const EVERY_DAY = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "12:00", end: "22:00" }]]));

/**
 * A new account whose location is in `timezone`, open 12:00-22:00 every day, with the given tables
 * (default: one 2-top and one 4-top) and no online cut-off unless told.
 */
export async function bookPlace(opts: { timezone?: string; tables?: [string, number, number][]; settings?: Record<string, unknown> } = {}): Promise<BookPlace> {
  const o = await signUp();
  const base = `/api/locations/${o.locationId}`;
  const timezone = opts.timezone ?? "America/New_York";
  const loc = await call("PATCH", base, { token: o.token, body: { timezone } });
  expect(loc.status, loc.text).toBe(200);
  const settings = await call("PATCH", `${base}/booking-settings`, {
    token: o.token,
    body: { hours: EVERY_DAY, cutoffMinutes: 0, ...opts.settings },
  });
  expect(settings.status, settings.text).toBe(200);
  const tables = [];
  for (const [name, minSeats, maxSeats] of opts.tables ?? [["T2", 1, 2], ["T4", 3, 4]]) {
    const res = await call("POST", `${base}/tables`, { token: o.token, body: { name, minSeats, maxSeats } });
    expect(res.status, res.text).toBe(201);
    tables.push(res.json.table);
  }
  return { ...o, base, slug: loc.json.slug, timezone, stub: env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId)), tables };
}

/** The local date `days` from today in `timezone`. */
export function dayFromNow(days: number, timezone: string): string {
  return addDays(localDate(Date.now(), timezone), days);
}

/** ISO time of `hhmm` local on `date` in `timezone`. */
export function localIso(date: string, hhmm: string, timezone: string): string {
  const at = zonedInstant(date, minutesOf(hhmm), timezone);
  if (at === null) throw new Error(`${date} ${hhmm} does not exist in ${timezone}`);
  return new Date(at).toISOString();
}

let phoneCounter = 0;
/** A fresh US number per call (so per-phone rate limits never interfere between tests). */
export function freshPhone(): string {
  phoneCounter += 1;
  const n = (Date.now() % 1_000_000) * 7 + phoneCounter;
  // The exchange (the three digits after the area code) starts with 2-9 in a real NANP number.
  return `+1415${2 + (n % 8)}${String(n % 1_000_000).padStart(6, "0")}`;
}

let ipCounter = 0;
export function freshIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export function publicBook(p: BookPlace, body: Record<string, unknown>, ip = freshIp()) {
  return call("POST", `/api/public/locations/${p.slug}/reservations`, {
    ip,
    body: { name: "Guest", phone: freshPhone(), partySize: 2, smsConsent: true, ...body },
  });
}

export function hostBook(p: BookPlace, body: Record<string, unknown>, token = p.token) {
  return call("POST", `${p.base}/reservations`, { token, body: { name: "Host booking", partySize: 2, ...body } });
}

export async function booked(p: BookPlace, body: Record<string, unknown>) {
  const res = await hostBook(p, body);
  expect(res.status, res.text).toBe(201);
  return res.json.reservation as { id: string; start: string; end: string; tableIds: string[]; status: string; version: number };
}

export function reservationAct(p: BookPlace, id: string, action: string) {
  return call("POST", `${p.base}/reservations/${id}/${action}`, { token: p.token });
}

/** Rows of the DO's schedule table. */
export function scheduleRows(stub: DurableObjectStub): Promise<{ kind: string; ref: string; due_at: number }[]> {
  return runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT kind, ref, due_at FROM schedule ORDER BY due_at").toArray() as never);
}

/** Outbound texts about a reservation in the DO's SMS outbox and D1 (wherever they are now). */
export async function textsAbout(stub: DurableObjectStub, reservationId: string): Promise<{ kind: string; body: string }[]> {
  const inDo = await runInDurableObject(stub, (_i, state) =>
    state.storage.sql.exec("SELECT kind, body, created_at FROM sms_outbox WHERE party_id = ?", reservationId).toArray(),
  );
  const inD1 = await env.DB.prepare("SELECT kind, body, created_at FROM messages WHERE party_id = ? AND direction = 'outbound'").bind(reservationId).all();
  return [...inDo, ...inD1.results].sort((a: any, b: any) => a.created_at - b.created_at).map((r: any) => ({ kind: r.kind, body: r.body }));
}
