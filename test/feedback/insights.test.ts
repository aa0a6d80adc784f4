// Feedback in Insights: the average, the distribution 1–5, the low answers and the comments over the
// chosen local dates, for one location or all of the account's; another account's location is 404.
import { describe, expect, it } from "vitest";
import { localSlot } from "../../domain/insights/local-time";
import { addDays } from "../../domain/time";
import { call } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { freshPlace } from "../waitlist/support";
import { answer, askedGuest, feedbackPlace } from "./support";

const today = () => localSlot(Date.now(), "UTC").date;

describe("feedback in Insights", () => {
  it("aggregates the answers of the range: average, distribution, low, comments newest first", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    await call("PATCH", `/api/locations/${p.locationId}`, { token: p.token, body: { timezone: "UTC" } });
    for (const [rating, comment] of [[5, "Great"], [4, null], [1, "Cold food"], [5, null]] as const) {
      const g = await askedGuest(p);
      expect((await answer(g.token, { rating, ...(comment && { comment }) })).status).toBe(200);
    }
    const res = await call("GET", `/api/insights/feedback?from=${addDays(today(), -1)}&to=${today()}&locationId=${p.locationId}`, { token: p.token });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      responses: 4,
      averageRating: 3.75,
      low: 1,
      distribution: [
        { rating: 1, count: 1 },
        { rating: 2, count: 0 },
        { rating: 3, count: 0 },
        { rating: 4, count: 1 },
        { rating: 5, count: 2 },
      ],
      locations: [{ id: p.locationId, timeZone: "UTC" }],
    });
    expect(res.json.comments.map((c: any) => [c.rating, c.comment])).toEqual([[1, "Cold food"], [5, "Great"]]);
    expect(res.json.comments[0]).toMatchObject({ locationId: p.locationId, answeredAt: expect.stringMatching(/Z$/) });
    // All the account's locations: the same one here.
    const all = await call("GET", `/api/insights/feedback?from=${today()}&to=${today()}`, { token: p.token });
    expect(all.json.responses).toBe(4);
  });

  it("counts nothing outside the range, and answers null for an average of nothing", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    await answer(g.token, { rating: 3 });
    const res = await call("GET", `/api/insights/feedback?from=${addDays(today(), -10)}&to=${addDays(today(), -5)}&locationId=${p.locationId}`, { token: p.token });
    expect(res.json).toMatchObject({ responses: 0, averageRating: null, low: 0, comments: [] });
  });

  it("refuses a bad range with the one error shape, and another account's location with 404", async () => {
    const p = await freshPlace();
    const other = await freshPlace();
    expectError(await call("GET", `/api/insights/feedback?from=${today()}&to=${addDays(today(), -1)}`, { token: p.token }), 400, "validation_failed");
    expectError(await call("GET", `/api/insights/feedback?from=nope&to=${today()}`, { token: p.token }), 400, "validation_failed");
    expectError(await call("GET", `/api/insights/feedback?from=${today()}&to=${today()}&locationId=${other.locationId}`, { token: p.token }), 404, "not_found");
    expectError(await call("GET", `/api/insights/feedback?from=${today()}&to=${today()}`), 401);
  });
});
