// POST /webhooks/recurly refuses forged, missing and stale signatures with 401 and changes nothing:
// no fetch from Recurly, no change to the subscription.
import { describe, expect, it } from "vitest";
import { notification, postWebhook, recurly, recurlyChanges, row, subscribedOwner, subscriptionId } from "./helpers";

async function setup() {
  const owner = await subscribedOwner("starter");
  const id = await subscriptionId(owner.accountId);
  const sub = await recurly("subscription", { id });
  // Recurly expired it; only a verified webhook may tell us.
  await recurlyChanges(id, { state: "expired" });
  const body = notification("subscription", "expired", owner.accountId, sub.uuid);
  const before = await row(owner.accountId);
  const fetchesBefore = (await recurly("requests", { contains: sub.uuid })).length;
  return { owner, body, before, uuid: sub.uuid as string, fetchesBefore };
}

async function unchanged(s: Awaited<ReturnType<typeof setup>>) {
  expect(await row(s.owner.accountId)).toEqual(s.before);
  expect((await recurly("requests", { contains: s.uuid })).length).toBe(s.fetchesBefore);
}

describe("recurly-signature", () => {
  it("a valid signature is applied (the control case)", async () => {
    const s = await setup();
    expect((await postWebhook(s.body)).status).toBe(204);
    expect((await row(s.owner.accountId))!.status).toBe("expired");
  });

  it("a signature made with another secret answers 401", async () => {
    const s = await setup();
    const res = await postWebhook(s.body, { secret: "not-the-endpoint-secret" });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
    await unchanged(s);
  });

  it("a signature over another body answers 401", async () => {
    const s = await setup();
    const { header } = await recurly("sign", { body: s.body.replace("expired", "renewed"), timestamp: Date.now() });
    expect((await postWebhook(s.body, { header })).status).toBe(401);
    await unchanged(s);
  });

  it("a missing header answers 401", async () => {
    const s = await setup();
    expect((await postWebhook(s.body, { header: null })).status).toBe(401);
    await unchanged(s);
  });

  it("a correctly signed but 6-minute-old notification answers 401 (replay)", async () => {
    const s = await setup();
    expect((await postWebhook(s.body, { timestamp: Date.now() - 6 * 60_000 })).status).toBe(401);
    await unchanged(s);
  });

  it("a signature in the future beyond 5 minutes answers 401", async () => {
    const s = await setup();
    expect((await postWebhook(s.body, { timestamp: Date.now() + 6 * 60_000 })).status).toBe(401);
    await unchanged(s);
  });
});
