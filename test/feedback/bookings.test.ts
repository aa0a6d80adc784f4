// Bookings are asked too: a text with consent and an email when the guest gave an address, in the
// guest's language; a booking marked completed before the delay ran out is asked at once.
import { afterEach, describe, expect, it, vi } from "vitest";
import { outbox, waitFor } from "../helpers/api";
import { bookPlace, booked, dayFromNow, freshPhone, localIso, reservationAct } from "../reservations/support";
import { feedbackPlace, feedbackRows, feedbackTexts, fireAlarm, jumpTo, runAlarm, tokenIn } from "./support";
import type { Place } from "../waitlist/support";

afterEach(() => {
  vi.useRealTimers();
});

async function seatedBooking(delayMinutes: number, body: Record<string, unknown> = {}) {
  const b = await bookPlace({ timezone: "UTC" });
  const p = await feedbackPlace({ delayMinutes }, b as unknown as Place);
  const r = await booked(b, { start: localIso(dayFromNow(1, "UTC"), "19:00", "UTC"), name: "Gia", phone: freshPhone(), smsConsent: true, ...body });
  const seated = await reservationAct(b, r.id, "seat");
  expect(seated.status, seated.text).toBe(200);
  return { b, p, id: r.id };
}

describe("feedback for bookings", () => {
  it("texts and emails a seated booking, once", async () => {
    const email = `gia.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { p, id } = await seatedBooking(0, { email });
    await runAlarm(p);
    await fireAlarm(p);
    // The runtime may be running that alarm on its own at this moment: wait for its text.
    const texts = await waitFor(async () => {
      const t = await feedbackTexts(p, id);
      return t.length > 0 && t;
    }, 10_000, "the feedback text");
    expect(texts).toHaveLength(1);
    const token = tokenIn(texts[0]!.body);
    const [mail] = await waitFor(async () => {
      const e = (await outbox(email)).filter((m) => /How was your visit/.test(m.subject));
      return e.length > 0 && e;
    }, 10_000, "the guest's feedback email");
    expect(mail!.subject).toMatch(/How was your visit to/);
    expect(mail!.text).toContain(`/feedback/${token}`);
    await fireAlarm(p);
    expect((await outbox(email)).filter((m) => /How was your visit/.test(m.subject))).toHaveLength(1);
    expect((await feedbackRows(p))[0]).toMatchObject({ ref: id, status: "sent" });
  });

  it("asks a booking completed before the delay at its completion", async () => {
    const { b, p, id } = await seatedBooking(120);
    const before = (await feedbackRows(p))[0]!;
    const done = await reservationAct(b, id, "complete");
    expect(done.status, done.text).toBe(200);
    const row = (await feedbackRows(p))[0]!;
    expect(row.due_at).toBeLessThan(before.due_at);
    jumpTo(row.due_at + 1_000);
    await fireAlarm(p);
    expect(await feedbackTexts(p, id)).toHaveLength(1);
  });

  it("asks a booking with only an email by email (no text), and one with neither not at all", async () => {
    const email = `hal.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { p, id } = await seatedBooking(0, { phone: null, smsConsent: false, email });
    await runAlarm(p);
    expect(await feedbackTexts(p, id)).toEqual([]);
    await waitFor(async () => (await outbox(email)).some((e) => /How was your visit/.test(e.subject)), 10_000, "the feedback email");
    const none = await seatedBooking(0, { phone: null, smsConsent: false });
    expect(await feedbackRows(none.p)).toEqual([]);
  });
});
