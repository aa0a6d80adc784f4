// The account's retention policy deletes feedback with the visits it is about: answers, comments and
// anything still scheduled (the DO's purge of customer data).
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Restaurant } from "../../durable-objects/restaurant";
import { answer, askedGuest, feedbackPlace, feedbackRows, feedbackSchedule, seatedGuest } from "./support";

describe("feedback and data retention", () => {
  it("purging customer data deletes the answers and the scheduled asks of the visits it deletes", async () => {
    const p = await feedbackPlace({ delayMinutes: 0 });
    const g = await askedGuest(p);
    await answer(g.token, { rating: 2, comment: "Too loud" });
    const later = await feedbackPlace({ delayMinutes: 60 }, p);
    await seatedGuest(later);
    expect(await feedbackRows(p)).toHaveLength(2);
    expect(await feedbackSchedule(p)).toHaveLength(1);
    await runInDurableObject(p.stub, (instance: Restaurant) =>
      instance.at({ id: p.locationId, accountId: p.accountId, name: "Retention", timezone: "UTC" }).purgeCustomerData({ kind: "created_before", before: Date.now() + 1 }),
    );
    expect(await feedbackRows(p)).toEqual([]);
    expect(await feedbackSchedule(p)).toEqual([]);
  });

  it("erasing a guest (by phone) deletes the answers and scheduled asks about that guest's visits only", async () => {
    const p = await feedbackPlace({ delayMinutes: 60 });
    const erased = await seatedGuest(p);
    const kept = await seatedGuest(p);
    expect((await feedbackRows(p)).map((r) => r.ref).sort()).toEqual([erased.id, kept.id].sort());
    await runInDurableObject(p.stub, (instance: Restaurant) =>
      instance.at({ id: p.locationId, accountId: p.accountId, name: "Erasure", timezone: "UTC" }).purgeCustomerData({ kind: "phone", phone: erased.phone }),
    );
    expect((await feedbackRows(p)).map((r) => r.ref)).toEqual([kept.id]);
    expect(await feedbackSchedule(p)).toHaveLength(1);
  });
});
