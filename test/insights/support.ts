// Helpers for the insights tests: a location in New York, history written into the D1 mirror as the
// outbox writes it, and the reports through REST.
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { call } from "../helpers/api";
import { freshPlace, type Place } from "../waitlist/support";

export const NY = "America/New_York";
export const MIN = 60_000;

export async function placeIn(timezone = NY): Promise<Place> {
  const p = await freshPlace();
  const res = await call("PATCH", `/api/locations/${p.locationId}`, { token: p.token, body: { timezone } });
  expect(res.status, res.text).toBe(200);
  return p;
}

export interface MirrorParty {
  partySize?: number;
  source?: string;
  status?: string;
  createdAt: number;
  seatedAt?: number | null;
  closedAt?: number | null;
  quotedWaitMinutes?: number;
  joinEstimate?: number | null;
}

/** A party row as the DO's outbox writes it into D1 (history from before the rollups, or a fixture). */
export async function mirrorParty(p: Place, x: MirrorParty): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO parties (id, account_id, location_id, name, phone, size, notes, tags, quoted_wait, source, sms_consent, state,
       created_at, notified_at, notify_count, seated_at, closed_at, updated_at, version, join_estimate_minutes)
     VALUES (?, ?, ?, 'Guest', NULL, ?, '', '[]', ?, ?, 0, ?, ?, NULL, 0, ?, ?, ?, 1, ?)`,
  )
    .bind(id, p.accountId, p.locationId, x.partySize ?? 2, x.quotedWaitMinutes ?? 15, x.source ?? "host", x.status ?? "seated", x.createdAt,
      x.seatedAt ?? null, x.closedAt ?? x.seatedAt ?? null, x.closedAt ?? x.seatedAt ?? x.createdAt, x.joinEstimate ?? null)
    .run();
  return id;
}

export async function mirrorMessage(p: Place, x: { status: string; provider?: string | null; errorCode?: string | null; createdAt: number; body?: string; direction?: "outbound" | "inbound" }) {
  const sent = ["sent", "delivered", "undelivered"].includes(x.status) ? x.createdAt : null;
  await env.DB.prepare(
    `INSERT INTO messages (id, account_id, location_id, party_id, direction, kind, to_phone, body, status, provider, error_code, attempts, created_at, updated_at, sent_at)
     VALUES (?, ?, ?, NULL, ?, 'joined', '+12125550100', ?, ?, ?, ?, 1, ?, ?, ?)`,
  )
    .bind(crypto.randomUUID(), p.accountId, p.locationId, x.direction ?? "outbound", x.body ?? "Hi, you're on the list.", x.status, x.provider ?? null, x.errorCode ?? null, x.createdAt, x.createdAt, sent)
    .run();
}

export async function rebuild(p: Place, from: string, to: string) {
  const res = await call("POST", `/api/locations/${p.locationId}/insights/rebuild`, { token: p.token, body: { from, to } });
  expect(res.status, res.text).toBe(200);
}

export async function report(p: Place, name: string, from: string, to: string, extra = "") {
  const res = await call("GET", `/api/insights/${name}?from=${from}&to=${to}&locationId=${p.locationId}${extra}`, { token: p.token });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

/** The floor column of every rollup row of the location (what a replay must not change). */
export async function floorRows(locationId: string) {
  return (await env.DB.prepare("SELECT period, key, floor FROM insight_rollups WHERE location_id = ? ORDER BY period, key").bind(locationId).all()).results;
}
