// Queues deliver at least once: one message id is one SMS, however often it arrives.
import { env } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { attempts, behave, deliver, freshPhone, insertQueued, messageRow, received, resetBreaker } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
beforeEach(resetBreaker);

describe("redelivered queue messages", () => {
  it("a message delivered twice sends one SMS, and the second delivery is acked", async () => {
    const phone = freshPhone();
    const id = await insertQueued(o, phone, { body: "Only once" });

    await deliver("seatline-outbound", [{ messageId: id }]);
    const again = await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);

    expect(again.result.explicitAcks).toHaveLength(1);
    expect(again.result.retryMessages).toEqual([]);
    expect((await received("twilio", phone)).map((m) => m.body)).toEqual(["Only once"]);
    expect(await attempts("telnyx", phone)).toEqual([]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("the same message twice in one batch sends one SMS", async () => {
    const phone = freshPhone();
    const id = await insertQueued(o, phone, { body: "Twice in a batch" });

    const { result } = await deliver("seatline-outbound", [{ messageId: id }, { messageId: id }]);

    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toEqual([]);
    expect(await attempts("twilio", phone)).toHaveLength(1);
    expect(await attempts("telnyx", phone)).toEqual([]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a redelivery after failing over does not send again through either provider", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "down" });
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id }]);
    await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);
    await deliver("seatline-outbound", [{ messageId: id, primary: "telnyx", attempts: 3 }]);
    expect(await attempts("twilio", phone)).toHaveLength(1);
    expect(await attempts("telnyx", phone)).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx" });
  });

  it("a failed message is not sent again on redelivery", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "error", status: 400, code: 21211 });
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id }]);
    const again = await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);
    expect(again.result.retryMessages).toEqual([]);
    expect(await attempts("twilio", phone)).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "failed" });
  });

  it("a queue message for an unknown id is acked, not retried forever", async () => {
    const { result } = await deliver("seatline-outbound", [{ messageId: crypto.randomUUID() }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
  });
});

describe("a message left in 'sending' by a consumer that died mid-send", () => {
  async function leftSending(phone: string, ageMs: number) {
    const id = await insertQueued(o, phone, { body: "Interrupted" });
    const at = Date.now() - ageMs;
    await env.DB.prepare("UPDATE messages SET status = 'sending', attempts = 1, updated_at = ? WHERE id = ?").bind(at, id).run();
    return id;
  }

  it("is retried later, not acked as done (it would stay 'sending' for good)", async () => {
    const phone = freshPhone();
    const id = await leftSending(phone, 5_000);
    const { batch, result, retries } = await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);
    expect(result.explicitAcks).toEqual([]);
    expect(retries).toEqual([{ msgId: batch.messages[0]!.id, delaySeconds: 20 }]);
    expect(await attempts("twilio", phone)).toEqual([]);
    expect(await messageRow(id)).toMatchObject({ status: "sending" });
  });

  it("is claimed and sent once its claim is stale (over 2 minutes old)", async () => {
    const phone = freshPhone();
    const id = await leftSending(phone, 3 * 60_000);
    const { result } = await deliver("seatline-outbound", [{ messageId: id, attempts: 4 }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect((await received("twilio", phone)).map((m) => m.body)).toEqual(["Interrupted"]);
  });

  it("is marked failed by the dead-letter queue if it never got unstuck", async () => {
    const phone = freshPhone();
    const id = await leftSending(phone, 5_000);
    await deliver("seatline-outbound-dlq", [{ messageId: id }]);
    expect(await messageRow(id)).toMatchObject({ status: "failed", error_code: "retries_exhausted" });
  });
});
