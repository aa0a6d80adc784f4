// The monthly allowance: a notice near it, and past it texts are held back (failed with a reason the
// host screen shows) while the notification itself is still recorded.
import { afterEach, describe, expect, it } from "vitest";
import { localMonth } from "../../src/billing/usage";
import { closeAll, isSnapshot, openHost } from "../live/socket";
import { addParty, attempts, deliver, flush, freshPhone, insertQueued, messageRow, received } from "../sms/helpers";
import { call } from "../helpers/api";
import { billing, seedUsage, subscribedOwner, usageRow } from "./helpers";

afterEach(closeAll);
const thisMonth = () => localMonth(Date.now(), "UTC");

async function utcOwner() {
  const o = await subscribedOwner("starter");
  await call("PATCH", `/api/locations/${o.locationId}`, { token: o.token, body: { timezone: "UTC" } });
  return o;
}

describe("the SMS allowance", () => {
  it("counts a sent text once, even when the queue redelivers it", async () => {
    const o = await utcOwner();
    const id = await insertQueued(o, freshPhone());
    await deliver("seatline-outbound", [{ messageId: id }]);
    await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);
    expect(await usageRow(o.locationId, thisMonth())).toMatchObject({ count: 1 });
  });

  it("tells the owner at 90%", async () => {
    const o = await utcOwner();
    await seedUsage(o, thisMonth(), 449);
    expect((await billing(o)).notices).toEqual([]);
    await seedUsage(o, thisMonth(), 450);
    const b = await billing(o);
    expect(b.usage[0]).toMatchObject({ locationId: o.locationId, count: 450, allowance: 500 });
    expect(b.notices).toEqual([expect.objectContaining({ code: "sms_allowance_near", level: "warning" })]);
  });

  it("past the allowance: not sent, failed with a reason, and the owner sees an error notice", async () => {
    const o = await utcOwner();
    await seedUsage(o, thisMonth(), 500);
    const phone = freshPhone();
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id }]);
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: "failed", error_code: "sms_allowance_exhausted" });
    expect(row!.error_message).toMatch(/used all 500 texts of the Starter plan this month/);
    expect(await attempts("twilio", phone)).toEqual([]);
    expect(await attempts("telnyx", phone)).toEqual([]);
    expect((await billing(o)).notices).toEqual([expect.objectContaining({ code: "sms_allowance_exhausted", level: "error" })]);
  });

  it("the host screen is told as message.status_changed, and the party is still in line", async () => {
    const o = await utcOwner();
    await seedUsage(o, thisMonth(), 500);
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const phone = freshPhone();
    const party = await addParty(o, { name: "Held", phone, smsConsent: true });
    await flush(o.locationId);
    const held = await host.next((m) => m?.event === "message.status_changed" && m.message.partyId === party.id && m.message.status === "failed", 10_000);
    expect(held.message).toMatchObject({ errorCode: "sms_allowance_exhausted", errorMessage: expect.stringContaining("Starter") });
    expect(await received("twilio", phone)).toEqual([]);
    const line = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(line.json.parties.map((p: { id: string }) => p.id)).toContain(party.id);
  });

  it("replies to STOP and HELP are sent even past the allowance", async () => {
    const o = await utcOwner();
    await seedUsage(o, thisMonth(), 500);
    const id = await insertQueued(o, freshPhone(), { kind: "keyword_reply", body: "You're unsubscribed." });
    await deliver("seatline-outbound", [{ messageId: id }]);
    expect((await messageRow(id))!.status).toBe("sent");
  });
});
