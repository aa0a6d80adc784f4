// Helpers for the feedback-after-the-meal tests (issue 22): a location with feedback switched on, a
// seated guest with a phone, the DO's feedback rows, the feedback texts wherever they are now, and
// the link token read out of the text the guest got.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { expect, vi } from "vitest";
import type { Restaurant } from "../../durable-objects/restaurant";
import { call, waitFor } from "../helpers/api";
import { freshPhone } from "../sms/helpers";
import { act, freshPlace, type Place } from "../waitlist/support";

export const MIN = 60_000;

export async function feedbackPlace(settings: Record<string, unknown> = {}, place?: Place): Promise<Place> {
  const p = place ?? (await freshPlace());
  const res = await call("PATCH", `${p.base}/feedback-settings`, { token: p.token, body: { enabled: true, delayMinutes: 30, ...settings } });
  expect(res.status, res.text).toBe(200);
  return p;
}

/** A party with a phone and consent, added and seated by the host; returns it and when it was seated. */
export async function seatedGuest(p: Place, body: Record<string, unknown> = {}) {
  const phone = (body.phone as string | undefined) ?? freshPhone();
  const res = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Ana", partySize: 2, phone, smsConsent: true, ...body } });
  expect(res.status, res.text).toBe(201);
  const id = res.json.id as string;
  const seated = await act(p, id, "seat");
  expect(seated.status, seated.text).toBe(200);
  return { id, phone, seatedAt: Date.parse(seated.json.seatedAt) };
}

export interface FeedbackRow {
  id: string;
  ref: string;
  status: string;
  due_at: number;
  sent_at: number | null;
  rating: number | null;
  comment: string | null;
  owner_alert: number;
}

export function feedbackRows(p: Place): Promise<FeedbackRow[]> {
  return runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT * FROM feedback ORDER BY created_at").toArray() as never);
}

export function feedbackSchedule(p: Place): Promise<{ ref: string; due_at: number }[]> {
  return runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT ref, due_at FROM schedule WHERE kind = 'feedback'").toArray() as never);
}

/** The feedback texts to a party, in the DO's SMS outbox or already in D1. */
export async function feedbackTexts(p: Place, partyId: string): Promise<{ id: string; body: string }[]> {
  const inDo = await runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT id, body FROM sms_outbox WHERE party_id = ? AND kind = 'feedback'", partyId).toArray());
  const inD1 = await env.DB.prepare("SELECT id, body FROM messages WHERE party_id = ? AND kind = 'feedback'").bind(partyId).all();
  const all = new Map<string, string>();
  for (const r of [...inDo, ...inD1.results] as { id: string; body: string }[]) all.set(r.id, r.body);
  return [...all].map(([id, body]) => ({ id, body }));
}

/** The alarm handler run directly, as a repeated delivery would run it. */
export function fireAlarm(p: Place) {
  return runInDurableObject(p.stub, (instance: Restaurant) => instance.alarm());
}

export function jumpTo(at: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

export const runAlarm = (p: Place) => runDurableObjectAlarm(p.stub);

export function tokenIn(body: string): string {
  const m = /\/feedback\/([0-9a-f]{32}[A-Za-z0-9_-]{43})/.exec(body);
  if (!m) throw new Error(`no feedback link in: ${body}`);
  return m[1]!;
}

/** Seats a guest at a location with no delay and returns the link token from the text it got. */
export async function askedGuest(p: Place, body: Record<string, unknown> = {}) {
  const g = await seatedGuest(p, body);
  await runAlarm(p);
  // The runtime may be running that alarm on its own at this moment: wait for its text.
  const texts = await waitFor(async () => {
    const t = await feedbackTexts(p, g.id);
    return t.length > 0 && t;
  }, 10_000, "the feedback text");
  expect(texts, "one feedback text").toHaveLength(1);
  return { ...g, token: tokenIn(texts[0]!.body) };
}

export function answer(token: string, body: unknown, ip = "203.0.113.9") {
  return call("POST", `/api/public/feedback/${token}`, { body, ip });
}
