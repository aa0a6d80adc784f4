// Helpers for the guest history tests: visits made through the real host API and flushed to D1.
import { env, runDurableObjectAlarm } from "cloudflare:test";
import { expect } from "vitest";
import { call, waitFor, type SignedUp } from "../helpers/api";

export function stubOf(locationId: string) {
  return env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
}

/** Adds a party with `phone` at the location and seats it (a visit); returns its id. */
export async function seatedVisit(o: { token: string }, locationId: string, phone: string, name = "Garcia"): Promise<string> {
  const base = `/api/locations/${locationId}/waitlist`;
  const add = await call("POST", base, { token: o.token, body: { name, partySize: 2, phone } });
  expect(add.status, add.text).toBe(201);
  const id = add.json.id as string;
  const seat = await call("POST", `${base}/${id}/seat`, { token: o.token });
  expect(seat.status, seat.text).toBe(200);
  return id;
}

/** Waits until D1 holds the location's parties as the DO has them (the outbox flushed). */
export async function flushed(locationId: string, partyIds: string[]) {
  await runDurableObjectAlarm(stubOf(locationId));
  await waitFor(async () => {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM parties WHERE id IN (SELECT value FROM json_each(?)) AND state != 'waiting'`).bind(JSON.stringify(partyIds)).first<{ n: number }>();
    return row!.n === partyIds.length;
  }, 10_000, "the parties in D1");
}

export async function lookUp(o: { token: string }, ...phones: string[]) {
  const q = phones.map((p) => `phone=${encodeURIComponent(p)}`).join("&");
  return call("GET", `/api/guests?${q}`, { token: o.token });
}

/** The one guest with `phone`, as the host screen's look-up answers it. */
export async function guestOf(o: SignedUp | { token: string }, phone: string) {
  const res = await lookUp(o, phone);
  expect(res.status, res.text).toBe(200);
  return res.json.items[0] ?? null;
}

let n = 0;
/** A fresh US mobile number per call. */
export function newPhone(): string {
  n += 1;
  const x = (Date.now() % 100_000) * 10 + n;
  return `+1646${2 + (x % 8)}${String(x % 1_000_000).padStart(6, "0")}`;
}

/** A seated party from `daysAgo` days ago, as the mirror holds it once its DO has let it go. */
export async function mirroredVisit(accountId: string, locationId: string, phone: string, daysAgo: number) {
  const at = Date.now() - daysAgo * 86_400_000;
  await env.DB.prepare(
    `INSERT INTO parties (id, account_id, location_id, name, phone, size, notes, tags, quoted_wait, source, sms_consent, state, created_at, notify_count, seated_at, closed_at, updated_at, version)
     VALUES (?, ?, ?, 'Garcia', ?, 2, '', '[]', 10, 'host', 0, 'seated', ?, 0, ?, ?, ?, 3)`,
  ).bind(crypto.randomUUID(), accountId, locationId, phone, at, at + 600_000, at + 600_000, at + 600_000).run();
}
