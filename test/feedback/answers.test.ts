// The guest's answer by the link in the text: public, by an unguessable token that answers only for
// its own visit; 1–5 with an optional comment; a second submit changes the answer; bad input is the
// one 4xx error shape and changes nothing.
import { runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, waitFor } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { freshPhone } from "../sms/helpers";
import { act, freshPlace } from "../waitlist/support";
import { answer, askedGuest, feedbackPlace, feedbackRows, feedbackTexts, jumpTo, runAlarm, seatedGuest, tokenIn } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

describe("the guest's feedback page", () => {
  it("reads whom it asks and the place's locale, with no answer yet", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p, { name: "Bea" });
    const page = await call("GET", `/api/public/feedback/${g.token}`);
    expect(page.status, page.text).toBe(200);
    expect(page.json).toMatchObject({ name: "Bea", language: "en", rating: null, comment: null, answeredAt: null, location: { language: "en", timeZone: expect.any(String) } });
  });

  it("is in the guest's own language: a guest who checked in in Spanish gets the Spanish text, and the page opens in Spanish", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const slug = (await call("GET", p.base, { token: p.token })).json.slug;
    const joined = await call("POST", `/api/public/locations/${slug}/waitlist`, { ip: "203.0.113.77", body: { name: "Lucía", partySize: 2, phone: freshPhone(), smsConsent: true, language: "es" } });
    expect(joined.status, joined.text).toBe(201);
    const line = (await call("GET", `${p.base}/waitlist`, { token: p.token })).json;
    const id = (line.items ?? line.parties)[0].id as string;
    expect((await act(p, id, "seat")).status).toBe(200);
    await runAlarm(p);
    const texts = await waitFor(async () => {
      const t = await feedbackTexts(p, id);
      return t.length > 0 && t;
    }, 10_000, "the feedback text");
    expect(texts[0]!.body).toMatch(/Valora tu visita con un toque/);
    const page = await call("GET", `/api/public/feedback/${tokenIn(texts[0]!.body)}`);
    expect(page.json).toMatchObject({ name: "Lucía", language: "es", location: { language: "en" } });
  });

  it("records a rating, then a second submit with the comment changes the answer (rating kept once, answeredAt the first)", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    const first = await answer(g.token, { rating: 4 });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ rating: 4, comment: null });
    const second = await answer(g.token, { rating: 5, comment: "  Lovely pasta  " });
    expect(second.json).toMatchObject({ rating: 5, comment: "Lovely pasta", answeredAt: first.json.answeredAt });
    // A comment left out keeps the one given.
    expect((await answer(g.token, { rating: 5 })).json.comment).toBe("Lovely pasta");
    const rows = await feedbackRows(p);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "answered", rating: 5, comment: "Lovely pasta" });
  });

  it("two answers at once are applied one after the other: one feedback.received, then an update", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    const both = await Promise.all([answer(g.token, { rating: 1 }), answer(g.token, { rating: 4 })]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const events = await runInDurableObject(p.stub, (_i, state) =>
      state.storage.sql.exec("SELECT message FROM events WHERE message LIKE '%\"feedback.%' ORDER BY version").toArray().map((r) => JSON.parse(r.message as string).event as string),
    );
    expect(events).toEqual(["feedback.received", "feedback.updated"]);
  });

  it.each([
    ["a rating of 0", { rating: 0 }],
    ["a rating of 6", { rating: 6 }],
    ["a fraction", { rating: 2.5 }],
    ["a string", { rating: "5" }],
    ["no rating", { comment: "hi" }],
    ["an unknown field", { rating: 3, stars: 3 }],
    ["a comment too long", { rating: 3, comment: "x".repeat(1001) }],
  ])("refuses %s with the one error shape and changes nothing", async (_what, body) => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    expectError(await answer(g.token, body), 400, "validation_failed");
    expect((await feedbackRows(p))[0]).toMatchObject({ status: "sent", rating: null });
  });

  it("refuses a body that is not JSON with a 4xx, never a 5xx", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    const res = await call("POST", `/api/public/feedback/${g.token}`, { raw: "{rating: 5", headers: { "Content-Type": "application/json" } });
    expectError(res, 400);
  });

  it("answers 404 to a guessed token, a malformed one, and the guest's own status-page token", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    const guessed = g.token.slice(0, 32) + "A".repeat(43);
    for (const token of [guessed, "nope", `${g.token}x`]) {
      expectError(await call("GET", `/api/public/feedback/${token}`), 404, "not_found", token);
      expectError(await answer(token, { rating: 1 }), 404, "not_found", token);
    }
    const added = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Cy", partySize: 2 } });
    const statusToken = String(added.json.guestUrl).split("/w/")[1]!;
    expect(statusToken).toMatch(/^[0-9a-f]{32}/);
    expectError(await answer(statusToken, { rating: 1 }), 404, "not_found");
    expect((await feedbackRows(p))[0]).toMatchObject({ rating: null });
  });

  it("keeps only the token's SHA-256 in the feedback row", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    const [row] = await feedbackRows(p);
    expect(JSON.stringify(row)).not.toContain(g.token.slice(32));
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(g.token)));
    expect((row as unknown as { token_hash: string }).token_hash).toBe([...digest].map((b) => b.toString(16).padStart(2, "0")).join(""));
  });

  it("a token answers only for its own visit: another party's answer is untouched", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const a = await askedGuest(p, { name: "Ana" });
    const b = await askedGuest(p, { name: "Bo" });
    expect((await answer(a.token, { rating: 2 })).status).toBe(200);
    const rows = await feedbackRows(p);
    expect(rows.find((r) => r.ref === a.id)).toMatchObject({ rating: 2 });
    expect(rows.find((r) => r.ref === b.id)).toMatchObject({ rating: null, status: "sent" });
    // Another location's token reaches only that location's object, where this one means nothing.
    const q = await feedbackPlace({ delayMinutes: 0 }, await freshPlace());
    const c = await askedGuest(q);
    const swapped = p.locationId.replace(/-/g, "") + c.token.slice(32);
    expectError(await answer(swapped, { rating: 1 }), 404, "not_found");
  });

  it("the link expires 7 days after the text (410), and a party not asked yet has no link at all", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    jumpTo(Date.now() + 7 * 24 * 3600_000 + 60_000);
    expectError(await answer(g.token, { rating: 5 }), 410, "gone");
    vi.useRealTimers();
    const later = await feedbackPlace({ delayMinutes: 60 });
    await seatedGuest(later);
    expect((await feedbackRows(later))[0]).toMatchObject({ status: "scheduled" });
  });
});
