// A delivery report can arrive before the send has saved the provider's id (the provider reports
// while its answer to our request is still on the way). It is never lost: the callback URL carries
// our message id, and a report that still cannot be matched is kept and applied when the id is saved.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp, waitFor, type SignedUp } from "../helpers/api";
import { behave, deliver, freshPhone, insertQueued, messageRow, postTelnyx, postTwilio, received, resetBreaker, telnyxEvent, TWILIO_STATUS_URL } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
// The breaker is one table for the whole D1: leave it closed for the files that run next.
afterAll(resetBreaker);

beforeEach(resetBreaker);

// The provider takes the text at once and answers our request this much later (within the timeout).
const ANSWER_AFTER = 1500;

/** Starts the send, waits until the provider has the text (its answer still pending), returns both. */
async function sendInFlight(provider: "twilio" | "telnyx", body: string) {
  const phone = freshPhone();
  await behave(provider, phone, { mode: "slow", delayMs: ANSWER_AFTER });
  const id = await insertQueued(o, phone, { body });
  const sending = deliver("seatline-outbound", [{ messageId: id, primary: provider }]);
  const taken = await waitFor(async () => (await received(provider, phone))[0], 5000, "the provider to take the text");
  expect((await messageRow(id))?.provider_message_id).toBeNull();
  return { id, phone, taken, sending };
}

const twilioReport = (url: string, sid: string, status: string, extra: Record<string, string> = {}) =>
  postTwilio(url, { AccountSid: "ACfake0000000000000000000000000000", MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, From: "+15005550006", ...extra });

describe("a report that beats the send's answer", () => {
  it("Twilio 'failed' to the callback URL we gave (with our id): the message ends failed, not sent", async () => {
    const { id, taken, sending } = await sendInFlight("twilio", "Early failure");
    expect((await twilioReport(taken.callback!, taken.id, "failed", { ErrorCode: "30003" })).status).toBe(204);
    await sending;
    expect(await messageRow(id)).toMatchObject({ status: "failed", provider: "twilio", provider_message_id: taken.id, error_code: "twilio:30003" });
    expect((await messageRow(id))!.sent_at).toEqual(expect.any(Number));
  });

  it("Twilio 'failed' to a URL without our id (an older callback): kept, and applied when the id is saved", async () => {
    const { id, taken, sending } = await sendInFlight("twilio", "Early failure, no id");
    expect((await twilioReport(TWILIO_STATUS_URL, taken.id, "undelivered", { ErrorCode: "30005" })).status).toBe(204);
    await sending;
    expect(await messageRow(id)).toMatchObject({ status: "undelivered", provider: "twilio", provider_message_id: taken.id, error_code: "twilio:30005" });
  });

  it("Twilio 'delivered' early: ends delivered", async () => {
    const { id, taken, sending } = await sendInFlight("twilio", "Early delivery");
    await twilioReport(TWILIO_STATUS_URL, taken.id, "delivered");
    await sending;
    expect(await messageRow(id)).toMatchObject({ status: "delivered", provider_message_id: taken.id });
  });

  it("Telnyx 'delivery_failed' early, with and without our id in the URL", async () => {
    for (const withId of [true, false]) {
      const { id, phone, taken, sending } = await sendInFlight("telnyx", `Early Telnyx failure ${withId}`);
      const path = withId ? new URL(taken.callback!).pathname + new URL(taken.callback!).search : "/webhooks/telnyx";
      const event = telnyxEvent("message.finalized", { id: taken.id, to: [{ phone_number: phone, status: "delivery_failed" }], errors: [{ code: "40008" }] });
      expect((await postTelnyx(event, { path })).status).toBe(204);
      await sending;
      expect(await messageRow(id)).toMatchObject({ status: "undelivered", provider: "telnyx", provider_message_id: taken.id, error_code: "telnyx:40008" });
    }
  });

  it("many rounds of a report racing the saved id: never lost", async () => {
    for (let i = 0; i < 8; i++) {
      const phone = freshPhone();
      // The answer comes 0–400 ms after the provider took the text; the report at about the same moment.
      await behave("twilio", phone, { mode: "slow", delayMs: (i % 5) * 100 });
      const id = await insertQueued(o, phone, { body: `Race ${i}` });
      const sending = deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
      const taken = await waitFor(async () => (await received("twilio", phone))[0], 5000, "the provider to take the text");
      await twilioReport(i % 2 ? TWILIO_STATUS_URL : taken.callback!, taken.id, "failed", { ErrorCode: "30003" });
      await sending;
      expect(await messageRow(id)).toMatchObject({ status: "failed", provider_message_id: taken.id });
    }
  });
});
