// Opt-outs are checked at send time against our own ledger: an opted-out number gets nothing
// through either provider.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { attempts, deliver, freshPhone, insertQueued, messageRow, received } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

async function optOut(accountId: string, phone: string) {
  await env.DB.prepare("INSERT INTO sms_opt_outs (account_id, phone, source, created_at) VALUES (?, ?, 'keyword', ?)").bind(accountId, phone, Date.now()).run();
}

describe("an opted-out number", () => {
  it.each(["twilio", "telnyx"] as const)("is refused with primary %s and never reaches either provider", async (primary) => {
    const phone = freshPhone();
    await optOut(o.accountId, phone);
    const id = await insertQueued(o, phone);

    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary }]);

    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    expect(await messageRow(id)).toMatchObject({ status: "refused", error_code: "opted_out", provider: null });
    expect(await attempts("twilio", phone)).toEqual([]);
    expect(await attempts("telnyx", phone)).toEqual([]);
  });

  it("stays refused on redelivery", async () => {
    const phone = freshPhone();
    await optOut(o.accountId, phone);
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id }]);
    await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);
    expect(await messageRow(id)).toMatchObject({ status: "refused" });
    expect(await attempts("twilio", phone)).toEqual([]);
  });

  it("is opted out of that account only: another account still texts it", async () => {
    const other = await signUp();
    const phone = freshPhone();
    await optOut(o.accountId, phone);
    const id = await insertQueued(other, phone, { body: "From another restaurant" });
    await deliver("seatline-outbound", [{ messageId: id }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent" });
    expect((await received("twilio", phone)).map((m) => m.body)).toEqual(["From another restaurant"]);
  });

  it("still gets the one confirmation reply to its STOP (keyword replies are exempt)", async () => {
    const phone = freshPhone();
    await optOut(o.accountId, phone);
    const id = await insertQueued(o, phone, { kind: "keyword_reply", body: "You're unsubscribed." });
    await deliver("seatline-outbound", [{ messageId: id }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent" });
    expect(await received("twilio", phone)).toHaveLength(1);
  });
});
