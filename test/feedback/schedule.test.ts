// Feedback after the meal is scheduled through the DO's one alarm (its schedule table): one entry a
// set delay after seating, sent once however often the alarm fires and after an eviction; an Undo
// before it is due means it is never sent.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, waitFor } from "../helpers/api";
import { act, freshPlace } from "../waitlist/support";
import { feedbackPlace, feedbackRows, feedbackSchedule, feedbackTexts, fireAlarm, jumpTo, MIN, runAlarm, seatedGuest, tokenIn } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

describe("feedback after the meal: scheduling", () => {
  it("is off by default, and then a seated party is not asked", async () => {
    const p = await freshPlace();
    expect((await call("GET", `${p.base}/feedback-settings`, { token: p.token })).json).toEqual({ enabled: false, delayMinutes: 60, alertAtOrBelow: 2 });
    await seatedGuest(p);
    expect(await feedbackRows(p)).toEqual([]);
    expect(await feedbackSchedule(p)).toEqual([]);
  });

  it("puts one entry in the alarm's schedule delayMinutes after seating, and sends nothing before it is due", async () => {
    const p = await feedbackPlace({ delayMinutes: 30 });
    const g = await seatedGuest(p);
    const [row] = await feedbackRows(p);
    expect(row).toMatchObject({ ref: g.id, status: "scheduled", due_at: g.seatedAt + 30 * MIN, sent_at: null });
    expect(await feedbackSchedule(p)).toEqual([{ ref: row!.id, due_at: g.seatedAt + 30 * MIN }]);
    const alarm = await runInDurableObject(p.stub, (_i, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    expect(alarm!).toBeLessThanOrEqual(g.seatedAt + 30 * MIN);
    jumpTo(g.seatedAt + 29 * MIN);
    await fireAlarm(p);
    expect(await feedbackTexts(p, g.id)).toEqual([]);
  });

  it("sends the text once when due, however often the alarm fires, with the guest's link", async () => {
    const p = await feedbackPlace({ delayMinutes: 30 });
    const g = await seatedGuest(p);
    jumpTo(g.seatedAt + 30 * MIN + 1_000);
    await runAlarm(p);
    await fireAlarm(p);
    await fireAlarm(p);
    const texts = await feedbackTexts(p, g.id);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toMatch(/How was it\? One tap to rate your visit: https:\/\/\S+\/feedback\//);
    expect(tokenIn(texts[0]!.body)).toMatch(new RegExp(`^${p.locationId.replace(/-/g, "")}`));
    expect((await feedbackRows(p))[0]).toMatchObject({ status: "sent", sent_at: g.seatedAt + 30 * MIN + 1_000 });
    expect(await feedbackSchedule(p)).toEqual([]);
  });

  it("survives an eviction: the alarm and the entry are stored, and it is sent once after", async () => {
    const p = await feedbackPlace({ delayMinutes: 45 });
    const g = await seatedGuest(p);
    await evictDurableObject(p.stub);
    expect(await feedbackSchedule(p)).toHaveLength(1);
    jumpTo(g.seatedAt + 46 * MIN);
    await runAlarm(p);
    await evictDurableObject(p.stub);
    await fireAlarm(p);
    expect(await feedbackTexts(p, g.id)).toHaveLength(1);
  });

  it("is never sent to a party seated and then undone (Restore) before it was due", async () => {
    const p = await feedbackPlace({ delayMinutes: 10 });
    const g = await seatedGuest(p);
    expect((await act(p, g.id, "restore")).status).toBe(200);
    expect(await feedbackSchedule(p)).toEqual([]);
    expect((await feedbackRows(p))[0]).toMatchObject({ status: "cancelled" });
    jumpTo(g.seatedAt + 11 * MIN);
    await fireAlarm(p);
    expect(await feedbackTexts(p, g.id)).toEqual([]);
  });

  it("asks a party seated, undone and seated again once, from the second seating", async () => {
    const p = await feedbackPlace({ delayMinutes: 10 });
    const g = await seatedGuest(p);
    expect((await act(p, g.id, "restore")).status).toBe(200);
    const again = await act(p, g.id, "seat");
    const seatedAt = Date.parse(again.json.seatedAt);
    const rows = await feedbackRows(p);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "scheduled", due_at: seatedAt + 10 * MIN });
    jumpTo(seatedAt + 11 * MIN);
    await fireAlarm(p);
    await fireAlarm(p);
    expect(await feedbackTexts(p, g.id)).toHaveLength(1);
  });

  it("asks nobody who cannot be texted: no phone, or no consent", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    await seatedGuest(p, { phone: null, smsConsent: false });
    await seatedGuest(p, { smsConsent: false });
    expect(await feedbackRows(p)).toEqual([]);
  });

  it("with a delay of 0 the text goes out with the next alarm", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await seatedGuest(p);
    await runAlarm(p);
    await waitFor(async () => (await feedbackTexts(p, g.id)).length === 1, 10_000, "the feedback text");
  });
});
