// Both providers down: the message is retried with backoff; once its retries are used up the
// dead-letter queue marks it failed and the host screen is told.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { closeAll, isSnapshot, openHost } from "../live/socket";
import { attempts, behave, deliver, freshPhone, insertQueued, messageRow, received, resetBreaker } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
beforeEach(resetBreaker);
afterEach(closeAll);

async function bothDown(phone: string) {
  await behave("twilio", phone, { mode: "down" });
  await behave("telnyx", phone, { mode: "network" });
}

describe("both providers down", () => {
  it("retries the message with a delay and marks it retrying", async () => {
    const phone = freshPhone();
    await bothDown(phone);
    const id = await insertQueued(o, phone);

    const { batch, result, retries } = await deliver("seatline-outbound", [{ messageId: id }]);

    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: batch.messages[0]!.id }]);
    expect(retries).toEqual([{ msgId: batch.messages[0]!.id, delaySeconds: 10 }]);
    expect(result.retryBatch.retry).toBe(false);
    expect(await messageRow(id)).toMatchObject({ status: "retrying", attempts: 1, error_code: "telnyx:network" });
    expect(await attempts("twilio", phone)).toHaveLength(1);
    expect(await attempts("telnyx", phone)).toHaveLength(1);
  });

  it("backs off longer on later attempts", async () => {
    const phone = freshPhone();
    await bothDown(phone);
    const id = await insertQueued(o, phone);
    const { batch, result, retries } = await deliver("seatline-outbound", [{ messageId: id, attempts: 3 }]);
    expect(result.retryMessages).toEqual([{ msgId: batch.messages[0]!.id }]);
    expect(retries).toEqual([{ msgId: batch.messages[0]!.id, delaySeconds: 40 }]);
  });

  it("sends on a later delivery once a provider is back", async () => {
    const phone = freshPhone();
    await bothDown(phone);
    const id = await insertQueued(o, phone, { body: "Second time lucky" });
    await deliver("seatline-outbound", [{ messageId: id }]);
    await behave("twilio", phone, { mode: "ok" });

    const { result } = await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);

    expect(result.retryMessages).toEqual([]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "twilio", attempts: 2, error_code: null });
    expect((await received("twilio", phone)).map((m) => m.body)).toEqual(["Second time lucky"]);
  });

  it("after the last retry the dead-letter queue marks it failed, live on the host screen", async () => {
    const phone = freshPhone();
    await bothDown(phone);
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id, attempts: 6 }]);
    expect(await messageRow(id)).toMatchObject({ status: "retrying" });
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);

    const { result } = await deliver("seatline-outbound-dlq", [{ messageId: id }]);

    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: "failed", error_code: "telnyx:network" });
    expect(row!.error_message).toMatch(/both providers/i);
    const event = await host.next((m) => m?.event === "message.status_changed" && m.message.id === id);
    expect(event.message).toMatchObject({ id, status: "failed", errorCode: "telnyx:network" });
    // The dead-letter queue sends nothing.
    expect(await attempts("twilio", phone)).toHaveLength(1);
    expect(await attempts("telnyx", phone)).toHaveLength(1);
  });

  it("the dead-letter queue leaves a message that was sent in the meantime alone", async () => {
    const phone = freshPhone();
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent" });
    await deliver("seatline-outbound-dlq", [{ messageId: id }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", error_code: null });
  });

  it("the dead-letter queue marks a message never attempted as failed with retries_exhausted", async () => {
    const phone = freshPhone();
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound-dlq", [{ messageId: id }]);
    expect(await messageRow(id)).toMatchObject({ status: "failed", error_code: "retries_exhausted" });
    expect(await attempts("twilio", phone)).toEqual([]);
  });

  it("with only Twilio configured, the dead-letter message names Twilio alone, and Telnyx is never tried", async () => {
    const onlyTwilio = { TELNYX_API_KEY: "", TELNYX_FROM: "" };
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "down" });
    const id = await insertQueued(o, phone);
    const { result } = await deliver("seatline-outbound", [{ messageId: id, attempts: 6 }], onlyTwilio);
    expect(result.retryMessages).toHaveLength(1);
    await deliver("seatline-outbound-dlq", [{ messageId: id }], onlyTwilio);
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: "failed", error_code: "twilio:20503" });
    expect(row!.error_message).toBe("Twilio (the only SMS provider configured) failed on every retry.");
    expect(row!.error_message).not.toMatch(/both/i);
    expect(await attempts("telnyx", phone)).toEqual([]);
  });
});
