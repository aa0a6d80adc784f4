// A transient failure at the primary provider sends the text through the other one, at once, once.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { attempts, behave, deliver, freshPhone, insertQueued, messageRow, received, resetBreaker, type Provider } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
beforeEach(resetBreaker);

const other = (p: Provider): Provider => (p === "twilio" ? "telnyx" : "twilio");

describe.each(["twilio", "telnyx"] as const)("primary %s", (primary) => {
  const backup = other(primary);

  it.each(["down", "network"] as const)(`${primary} %s → delivered once through ${backup}`, async (mode) => {
    const phone = freshPhone();
    await behave(primary, phone, { mode });
    const id = await insertQueued(o, phone, { body: `Failover via ${backup} (${mode})` });

    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary }]);

    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(1);
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: "sent", provider: backup, attempts: 1, error_code: null });
    const got = await received(backup, phone);
    expect(got.map((m) => m.body)).toEqual([`Failover via ${backup} (${mode})`]);
    expect(row!.provider_message_id).toBe(got[0]!.id);
    // The primary was tried exactly once and delivered nothing.
    expect(await attempts(primary, phone)).toEqual([{ to: phone, body: `Failover via ${backup} (${mode})`, behaviour: mode }]);
    expect(await received(primary, phone)).toEqual([]);
  });

  it(`sends through ${primary} alone when it is up`, async () => {
    const phone = freshPhone();
    const id = await insertQueued(o, phone, { body: "Plain day" });
    await deliver("seatline-outbound", [{ messageId: id, primary }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: primary });
    expect((await received(primary, phone)).map((m) => m.body)).toEqual(["Plain day"]);
    expect(await attempts(backup, phone)).toEqual([]);
  });

  it(`treats a ${primary} rate limit as transient and fails over`, async () => {
    const phone = freshPhone();
    await behave(primary, phone, { mode: "error", status: 429, code: primary === "twilio" ? 20429 : "10011" });
    const id = await insertQueued(o, phone, { body: "Rate limited" });
    await deliver("seatline-outbound", [{ messageId: id, primary }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: backup });
    expect(await received(backup, phone)).toHaveLength(1);
  });

  it(`gives the delivered text a status callback pointing at our ${backup} webhook`, async () => {
    const phone = freshPhone();
    await behave(primary, phone, { mode: "down" });
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id, primary }]);
    const [m] = await received(backup, phone);
    // With our message id, so a report that comes before the send recorded the provider's id still finds it.
    expect(m!.callback).toBe(backup === "twilio" ? `https://seatline.test/webhooks/twilio/status?m=${id}` : `https://seatline.test/webhooks/telnyx?m=${id}`);
  });
});
