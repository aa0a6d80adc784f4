import { inject } from "vitest";
import { env, runDurableObjectAlarm } from "cloudflare:test";
import { waitFor } from "../helpers/api";
import type { Behaviour } from "../fakes/sms";

const fakes = () => inject("fakesUrl");

async function control(action: string, body: unknown) {
  const res = await fetch(`${fakes()}/__control/sms/${action}`, { method: "POST", body: JSON.stringify(body) });
  return res.json() as Promise<any>;
}

export const behave = (provider: "twilio" | "telnyx", to: string, behaviour: Behaviour) => control("behave", { provider, to, behaviour });
export const received = (provider: "twilio" | "telnyx", to: string): Promise<{ id: string; to: string; body: string; callback: string | null }[]> =>
  control("received", { provider, to });
export const twilioReference = (url: string, params: Record<string, string>, signature?: string): Promise<{ signature: string; valid?: boolean }> =>
  control("sign-twilio", { url, params, signature });
export const telnyxSign = (timestamp: string, body: string): Promise<{ signature: string }> => control("sign-telnyx", { timestamp, body });

let phoneSeq = 0;
/** A fresh US number per test, so fake-provider behaviours and received lists never overlap. */
export function freshPhone(): string {
  const n = (Date.now() % 1_000_000) * 10 + (++phoneSeq % 10);
  return `+1212${String(n).padStart(7, "0").slice(-7)}`;
}

export async function flush(locationId: string) {
  await runDurableObjectAlarm(env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId)));
}

export async function messageRow(id: string) {
  return env.DB.prepare("SELECT * FROM messages WHERE id = ?").bind(id).first<Record<string, any>>();
}

export async function rowsTo(phone: string) {
  return (await env.DB.prepare("SELECT * FROM messages WHERE to_phone = ? ORDER BY created_at, rowid").bind(phone).all<Record<string, any>>()).results;
}

export async function waitForStatus(phone: string, kind: string, status: string, timeoutMs = 10_000) {
  return waitFor(async () => (await rowsTo(phone)).find((r) => r.kind === kind && r.status === status), timeoutMs, `${kind} ${status} to ${phone}`);
}
