// Helpers shared by the waitlist tests: a fresh location per test, its DO, D1 rows, outbox draining.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { expect } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";

export interface Place extends SignedUp {
  base: string;
  stub: DurableObjectStub;
}

/** A new account (and so a new location and a new DO) through the real sign-up flow. */
export async function freshPlace(): Promise<Place> {
  const o = await signUp();
  return { ...o, base: `/api/locations/${o.locationId}`, stub: restaurantStub(o.locationId) };
}

export function restaurantStub(locationId: string): DurableObjectStub {
  return env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
}

export async function addParty(p: Place, body: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await call("POST", `${p.base}/waitlist`, { token: p.token, body, headers });
  return res;
}

export async function added(p: Place, name: string, size = 2) {
  const res = await addParty(p, { name, partySize: size });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; version: number; name: string };
}

export function act(p: Place, partyId: string, action: string, body?: unknown) {
  return call("POST", `${p.base}/waitlist/${partyId}/${action}`, { token: p.token, body });
}

export async function list(p: Place): Promise<{ version: number; parties: any[] }> {
  const res = await call("GET", `${p.base}/waitlist`, { token: p.token });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

export async function names(p: Place): Promise<string[]> {
  return (await list(p)).parties.map((x) => x.name);
}

export interface D1Party {
  id: string;
  /** JSON: the tables a seated party was given. */
  table_ids: string;
  account_id: string;
  location_id: string;
  name: string;
  size: number;
  state: string;
  notify_count: number;
  version: number;
  closed_at: number | null;
}

export async function d1Parties(locationId: string): Promise<D1Party[]> {
  const rows = await env.DB.prepare("SELECT * FROM parties WHERE location_id = ? ORDER BY id").bind(locationId).all<D1Party>();
  return rows.results;
}

/** Rows still waiting in the DO's outbox. */
export function pendingOutbox(stub: DurableObjectStub): Promise<number> {
  return runInDurableObject(stub, (_instance, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM outbox").one().n as number);
}

/**
 * Runs the DO's alarm until its outbox is empty. The alarm re-arms itself for later purges, so
 * "ran" alone never turns false while closed parties remain; the outbox is the condition.
 */
export async function drainOutbox(stub: DurableObjectStub, maxRuns = 10): Promise<void> {
  for (let i = 0; i < maxRuns; i++) {
    if ((await pendingOutbox(stub)) === 0) return;
    await runDurableObjectAlarm(stub);
  }
  expect(await pendingOutbox(stub), "outbox still has rows after the alarm ran").toBe(0);
}
