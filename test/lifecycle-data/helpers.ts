import { createScheduledController, env, runDurableObjectAlarm } from "cloudflare:test";
import worker from "../../src/index";
import { DAILY, HOURLY } from "../../src/lifecycle/crons";
import { call, type SignedUp } from "../helpers/api";

export async function runCron(cron: typeof HOURLY | typeof DAILY, scheduledTime: number) {
  await worker.scheduled(createScheduledController({ cron, scheduledTime }), env);
}

export const runHourly = (at: number) => runCron(HOURLY, at);
export const runDaily = (at: number) => runCron(DAILY, at);

export function stubFor(locationId: string) {
  return env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
}

/** Adds parties (two seated, one waiting) and flushes the DO's outbox to D1. */
export async function seedParties(o: SignedUp) {
  const base = `/api/locations/${o.locationId}/waitlist`;
  const ids: string[] = [];
  const tokens: string[] = [];
  for (const name of ["Ana", "Bo", "Cy"]) {
    const r = await call("POST", base, { token: o.token, body: { name, partySize: 2, phone: "+12125550100" } });
    if (r.status !== 201) throw new Error(`add failed ${r.status} ${r.text}`);
    ids.push(r.json.id);
    tokens.push(r.json.guestUrl.split("/w/")[1]);
  }
  await call("POST", `${base}/${ids[0]}/seat`, { token: o.token });
  await call("POST", `${base}/${ids[1]}/seat`, { token: o.token });
  await flush(o.locationId);
  return { ids, tokens };
}

export async function flush(locationId: string) {
  const stub = stubFor(locationId);
  // The alarm may re-arm itself for a later purge; one run empties the outbox.
  await runDurableObjectAlarm(stub);
}

export async function d1Parties(accountId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM parties WHERE account_id = ?").bind(accountId).first<{ n: number }>();
  return row!.n;
}

/** `at` moved by whole calendar months (UTC); the dates used in tests never need day clamping. */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;
