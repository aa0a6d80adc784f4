// Recurly retries notifications; two copies of one (same notification id) arriving at the same
// moment trigger one fetch from Recurly, not two. Many rounds: the race is probabilistic.
import { describe, expect, it } from "vitest";
import { notification, postWebhook, recurly, subscribedOwner, subscriptionId } from "./helpers";

const ROUNDS = 12;

describe("Recurly notifications delivered twice at once", () => {
  it(`${ROUNDS} notifications, each posted twice concurrently → one Recurly fetch each`, async () => {
    const owner = await subscribedOwner();
    const s = await recurly("subscription", { id: await subscriptionId(owner.accountId) });
    const fetches = async () => (await recurly("requests", { contains: s.uuid })).length as number;
    for (let i = 0; i < ROUNDS; i++) {
      const before = await fetches();
      const body = notification("subscription", "updated", owner.accountId, s.uuid);
      const answers = await Promise.all([postWebhook(body), postWebhook(body)]);
      expect(answers.map((a) => a.status)).toEqual([204, 204]);
      expect((await fetches()) - before).toBe(1);
    }
  });

  it("the same notification posted again later triggers no second fetch", async () => {
    const owner = await subscribedOwner();
    const s = await recurly("subscription", { id: await subscriptionId(owner.accountId) });
    const fetches = async () => (await recurly("requests", { contains: s.uuid })).length as number;
    const body = notification("subscription", "updated", owner.accountId, s.uuid);
    const before = await fetches();
    expect((await postWebhook(body)).status).toBe(204);
    expect((await postWebhook(body)).status).toBe(204);
    expect((await fetches()) - before).toBe(1);
  });
});
