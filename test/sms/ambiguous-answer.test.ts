// A provider that takes the text but answers too late (or answers 2xx with a body we cannot read)
// must not make the guest get it twice: no failover at once; after the confirmation wait the provider
// is asked (Twilio: a look-up of its messages; Telnyx: the same request under the same
// Idempotency-Key), and only a provider that did not take it lets the other one send.
import { env } from "cloudflare:test";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { CONFIRM_WAIT_SECONDS } from "../../src/messaging/sms/send";
import { attempts, behave, deliver, freshPhone, insertQueued, lookups, messageRow, postTelnyx, postTwilio, received, resetBreaker, telnyxEvent } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
// The breaker is one table for the whole D1: leave it closed for the files that run next.
afterAll(resetBreaker);

beforeEach(resetBreaker);

// The send timeout shortened for these runs only (production: 10 s); fakes answer well after it.
const SHORT = { SMS_SEND_TIMEOUT_MS: "1500" };
const LATE = 4000;
// A redelivery after the confirmation wait (the queue brings it back CONFIRM_WAIT_SECONDS later).
const AFTER_WAIT = { ...SHORT, SMS_CONFIRM_WAIT_SECONDS: "0" };

async function firstTry(phone: string, primary: "twilio" | "telnyx", body: string) {
  const id = await insertQueued(o, phone, { body });
  const { result, retries } = await deliver("seatline-outbound", [{ messageId: id, primary }], SHORT);
  return { id, result, retries };
}

describe("Twilio takes the text but answers after the timeout", () => {
  it("no failover at once: the message waits the confirmation time, Telnyx is not tried", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "slow", delayMs: LATE });
    const { id, result, retries } = await firstTry(phone, "twilio", "Slow Twilio");
    expect(result.retryMessages).toHaveLength(1);
    expect(retries).toEqual([expect.objectContaining({ delaySeconds: CONFIRM_WAIT_SECONDS })]);
    expect(await messageRow(id)).toMatchObject({ status: "retrying", unconfirmed_provider: "twilio", error_code: "twilio:timeout" });
    expect(await attempts("telnyx", phone)).toEqual([]);
    expect(await received("twilio", phone)).toHaveLength(1);
  });

  it("a redelivery before the wait is over asks no provider anything", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "slow", delayMs: LATE });
    const { id } = await firstTry(phone, "twilio", "Too early");
    const { result, retries } = await deliver("seatline-outbound", [{ messageId: id, primary: "twilio", attempts: 2 }], SHORT);
    expect(result.retryMessages).toHaveLength(1);
    expect(retries[0]!.delaySeconds).toBeGreaterThan(0);
    expect(retries[0]!.delaySeconds).toBeLessThanOrEqual(CONFIRM_WAIT_SECONDS);
    expect(await lookups(phone)).toEqual([]);
    expect(await attempts("twilio", phone)).toHaveLength(1);
    expect(await attempts("telnyx", phone)).toEqual([]);
  });

  it("its status callback (which carries our id) confirms it; the redelivery then sends nothing", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "slow", delayMs: LATE });
    const { id } = await firstTry(phone, "twilio", "Confirmed by callback");
    const [taken] = await received("twilio", phone);
    const res = await postTwilio(taken!.callback!, { AccountSid: "ACfake0000000000000000000000000000", MessageSid: taken!.id, SmsSid: taken!.id, MessageStatus: "sent", SmsStatus: "sent", To: phone, From: "+15005550006" });
    expect(res.status).toBe(204);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "twilio", provider_message_id: taken!.id, unconfirmed_provider: null });
    // Sent, so counted against the allowance, once.
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM sms_usage_events WHERE message_id = ?").bind(id).first()).toEqual({ n: 1 });
    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary: "twilio", attempts: 2 }], AFTER_WAIT);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await received("twilio", phone)).toHaveLength(1);
    expect(await attempts("telnyx", phone)).toEqual([]);
  });

  it("without a callback, the look-up after the wait finds it: sent once, through Twilio", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "slow", delayMs: LATE });
    const { id } = await firstTry(phone, "twilio", "Found by look-up");
    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary: "twilio", attempts: 2 }], AFTER_WAIT);
    expect(result.explicitAcks).toHaveLength(1);
    const [taken] = await received("twilio", phone);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "twilio", provider_message_id: taken!.id, unconfirmed_provider: null });
    expect(await lookups(phone)).toHaveLength(1);
    expect(await attempts("twilio", phone)).toHaveLength(1);
    expect(await attempts("telnyx", phone)).toEqual([]);
  });

  it("a 2xx with an unreadable body is the same: no failover, found by the look-up", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "garbled" });
    const { id, result } = await firstTry(phone, "twilio", "Garbled answer");
    expect(result.retryMessages).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "retrying", unconfirmed_provider: "twilio", error_code: "twilio:unreadable_answer" });
    expect(await attempts("telnyx", phone)).toEqual([]);
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio", attempts: 2 }], AFTER_WAIT);
    const [taken] = await received("twilio", phone);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "twilio", provider_message_id: taken!.id });
    expect(await received("telnyx", phone)).toEqual([]);
  });
});

describe("Twilio hangs and never takes the text", () => {
  it("after the wait the look-up finds nothing, and Telnyx sends it: one text, late", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "hang", delayMs: LATE });
    const { id } = await firstTry(phone, "twilio", "Hung Twilio");
    expect(await attempts("telnyx", phone)).toEqual([]);
    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary: "twilio", attempts: 2 }], AFTER_WAIT);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx", unconfirmed_provider: null });
    expect(await received("twilio", phone)).toEqual([]);
    expect((await received("telnyx", phone)).map((m) => m.body)).toEqual(["Hung Twilio"]);
    // The look-up, and no second Twilio send.
    expect(await lookups(phone)).toHaveLength(1);
    expect(await attempts("twilio", phone)).toHaveLength(1);
  });

  it("the look-up does not take the same text sent to the same number just before for this one", async () => {
    const phone = freshPhone();
    const earlier = await insertQueued(o, phone, { body: "Same words" });
    await deliver("seatline-outbound", [{ messageId: earlier, primary: "twilio" }]);
    expect(await messageRow(earlier)).toMatchObject({ status: "sent", provider: "twilio" });
    await behave("twilio", phone, { mode: "hang", delayMs: LATE });
    const { id } = await firstTry(phone, "twilio", "Same words");
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio", attempts: 2 }], AFTER_WAIT);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx" });
    expect((await received("telnyx", phone)).map((m) => m.body)).toEqual(["Same words"]);
  });
});

describe("Telnyx takes the text but answers after the timeout", () => {
  it("the repeat under the same Idempotency-Key returns the text it took: one text, no Twilio", async () => {
    const phone = freshPhone();
    await behave("telnyx", phone, { mode: "slow", delayMs: LATE });
    const { id } = await firstTry(phone, "telnyx", "Slow Telnyx");
    expect(await messageRow(id)).toMatchObject({ status: "retrying", unconfirmed_provider: "telnyx" });
    expect(await attempts("twilio", phone)).toEqual([]);
    await behave("telnyx", phone, { mode: "ok" });
    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary: "telnyx", attempts: 2 }], AFTER_WAIT);
    expect(result.explicitAcks).toHaveLength(1);
    const got = await received("telnyx", phone);
    expect(got.map((m) => m.body)).toEqual(["Slow Telnyx"]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx", provider_message_id: got[0]!.id });
    expect(await attempts("telnyx", phone)).toHaveLength(2);
    expect(await attempts("twilio", phone)).toEqual([]);
  });

  it("its webhook (to the URL with our id) confirms it before any repeat", async () => {
    const phone = freshPhone();
    await behave("telnyx", phone, { mode: "slow", delayMs: LATE });
    const { id } = await firstTry(phone, "telnyx", "Telnyx webhook confirms");
    const [taken] = await received("telnyx", phone);
    const path = new URL(taken!.callback!);
    const res = await postTelnyx(telnyxEvent("message.sent", { id: taken!.id, to: [{ phone_number: phone, status: "sent" }] }), { path: path.pathname + path.search });
    expect(res.status).toBe(204);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx", provider_message_id: taken!.id });
    await deliver("seatline-outbound", [{ messageId: id, primary: "telnyx", attempts: 2 }], AFTER_WAIT);
    expect(await attempts("telnyx", phone)).toHaveLength(1);
    expect(await attempts("twilio", phone)).toEqual([]);
  });

  it("a Telnyx webhook naming our id for another recipient is not taken as the confirmation", async () => {
    const phone = freshPhone();
    await behave("telnyx", phone, { mode: "slow", delayMs: LATE });
    const { id } = await firstTry(phone, "telnyx", "Wrong recipient");
    const res = await postTelnyx(telnyxEvent("message.sent", { id: crypto.randomUUID(), to: [{ phone_number: freshPhone(), status: "sent" }] }), { path: `/webhooks/telnyx?m=${id}` });
    expect(res.status).toBe(204);
    expect(await messageRow(id)).toMatchObject({ status: "retrying", provider_message_id: null });
  });

  it("a Telnyx that never took it (hung) sends it on the repeat once it is back: one text", async () => {
    const phone = freshPhone();
    await behave("telnyx", phone, { mode: "hang", delayMs: LATE });
    const { id } = await firstTry(phone, "telnyx", "Hung Telnyx");
    await behave("telnyx", phone, { mode: "ok" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "telnyx", attempts: 2 }], AFTER_WAIT);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx" });
    expect((await received("telnyx", phone)).map((m) => m.body)).toEqual(["Hung Telnyx"]);
    expect(await attempts("twilio", phone)).toEqual([]);
  });

  it("a Telnyx that refuses the repeat outright (503) did not take it: Twilio sends, once", async () => {
    const phone = freshPhone();
    await behave("telnyx", phone, { mode: "hang", delayMs: LATE });
    const { id } = await firstTry(phone, "telnyx", "Telnyx down on repeat");
    await behave("telnyx", phone, { mode: "down" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "telnyx", attempts: 2 }], AFTER_WAIT);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "twilio" });
    expect((await received("twilio", phone)).map((m) => m.body)).toEqual(["Telnyx down on repeat"]);
    expect(await received("telnyx", phone)).toEqual([]);
  });
});
