// Two-way SMS (a plan feature) is a guest's reply acting on the line: "1" on my way, "9" leave. On a
// plan without it the reply is still stored in the conversation but changes nothing; STOP is always
// honoured.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { inboundFrom, optedOut, textedParty, textIn } from "../sms/helpers";
import { recurlyChanges, subscribedOwner, subscriptionId, subscriptionWebhook } from "./helpers";

async function freeOwner() {
  const o = await subscribedOwner("starter");
  await recurlyChanges(await subscriptionId(o.accountId), { state: "expired" });
  await subscriptionWebhook(o.accountId, "expired");
  return o;
}

async function partyInLine(o: { token: string; locationId: string }, partyId: string) {
  const res = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
  return (res.json.parties as any[]).find((p) => p.id === partyId);
}

describe("two-way SMS by plan", () => {
  it('on Starter, "9" takes the party out of the line', async () => {
    const o = await subscribedOwner("starter");
    const { party, phone } = await textedParty(o);
    await textIn(phone, "9");
    expect(await partyInLine(o, party.id)).toBeUndefined();
  });

  it('on the free plan, "9" is stored but the party stays in line', async () => {
    const o = await freeOwner();
    const { party, phone } = await textedParty(o);
    await textIn(phone, "9");
    expect(await partyInLine(o, party.id)).toBeDefined();
    expect((await inboundFrom(phone)).map((r) => r.body)).toEqual(["9"]);
  });

  it('on the free plan, "1" does not mark the party on its way', async () => {
    const o = await freeOwner();
    const { party, phone } = await textedParty(o);
    await textIn(phone, "1");
    expect((await partyInLine(o, party.id)).onMyWayAt).toBeNull();
  });

  it("on the free plan, STOP still opts the number out", async () => {
    const o = await freeOwner();
    const { phone } = await textedParty(o);
    await textIn(phone, "STOP");
    expect(await optedOut(o.accountId, phone)).not.toBeNull();
  });
});
