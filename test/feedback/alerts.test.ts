// A low score (at or below the location's alertAtOrBelow, 2 unless set) alerts the host screens (a
// live event, and the recent low answers over REST for a screen that loads later) and emails the
// owner once; a good one is an event without an alert.
import { afterEach, describe, expect, it } from "vitest";
import { call, outbox, waitFor } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { closeAll, isSnapshot, openHost } from "../live/socket";
import { freshPlace } from "../waitlist/support";
import { answer, askedGuest, feedbackPlace, feedbackRows, runAlarm } from "./support";

afterEach(closeAll);

const lowEmails = async (to: string) => (await outbox(to)).filter((e) => /^Low rating at /.test(e.subject));

describe("a low score", () => {
  it("reaches every host screen as feedback.received with low: true, then the comment as feedback.updated", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p, { name: "Dee" });
    const host = await openHost(p, p.locationId);
    await host.next(isSnapshot);
    expect((await answer(g.token, { rating: 1 })).status).toBe(200);
    const received = await host.next((m) => m?.event === "feedback.received");
    expect(received.feedback).toMatchObject({ partyId: g.id, reservationId: null, name: "Dee", rating: 1, comment: null, low: true });
    expect(typeof received.feedback.answeredAt).toBe("number");
    await answer(g.token, { rating: 1, comment: "Waited 40 minutes for the mains" });
    const updated = await host.next((m) => m?.event === "feedback.updated");
    expect(updated.feedback).toMatchObject({ id: received.feedback.id, comment: "Waited 40 minutes for the mains", low: true });
  });

  it("is listed for a host screen that opens later (feedback-alerts), a good score is not", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const low = await askedGuest(p, { name: "Low" });
    const good = await askedGuest(p, { name: "Good" });
    await answer(low.token, { rating: 2, comment: "Cold soup" });
    await answer(good.token, { rating: 5 });
    const res = await call("GET", `${p.base}/feedback-alerts`, { token: p.token });
    expect(res.status, res.text).toBe(200);
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.items).toEqual([expect.objectContaining({ partyId: low.id, rating: 2, comment: "Cold soup", low: true, answeredAt: expect.stringMatching(/Z$/) })]);
    const other = await freshPlace();
    expectError(await call("GET", `${other.base}/feedback-alerts`, { token: p.token }), 404, "not_found");
  });

  it("emails the owner once per visit, with the rating and the comment when given", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p, { name: "Eve" });
    await answer(g.token, { rating: 2, comment: "Noisy table" });
    await runAlarm(p);
    const [email] = await waitFor(async () => {
      const e = await lowEmails(p.email);
      return e.length > 0 && e;
    }, 10_000, "the owner's email");
    expect(email!.subject).toMatch(/2\/5 from Eve/);
    expect(email!.text).toMatch(/Noisy table/);
    expect(email!.text).toMatch(/\/app\/insights/);
    await answer(g.token, { rating: 1 });
    await runAlarm(p);
    expect((await feedbackRows(p))[0]!.owner_alert).toBe(2);
    expect(await lowEmails(p.email)).toHaveLength(1);
  });

  it("follows the location's threshold: with alertAtOrBelow 3 a 3 alerts, with 0 nothing does", async () => {
    const p = await feedbackPlace({ delayMinutes: 0, alertAtOrBelow: 3 });
    const g = await askedGuest(p);
    expect((await answer(g.token, { rating: 3 })).status).toBe(200);
    expect((await feedbackRows(p))[0]).toMatchObject({ low: 1, owner_alert: expect.any(Number) });
    const q = await feedbackPlace({ delayMinutes: 0, alertAtOrBelow: 0 });
    const h = await askedGuest(q);
    await answer(h.token, { rating: 1 });
    await runAlarm(q);
    expect((await feedbackRows(q))[0]).toMatchObject({ low: 0, owner_alert: 0 });
    expect(await lowEmails(q.email)).toEqual([]);
  });

  it("a good score is an event without an alert and emails nobody", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    const host = await openHost(p, p.locationId);
    await host.next(isSnapshot);
    await answer(g.token, { rating: 4 });
    expect((await host.next((m) => m?.event === "feedback.received")).feedback.low).toBe(false);
    await runAlarm(p);
    expect(await lowEmails(p.email)).toEqual([]);
  });
});
