// Providers retry webhooks, sometimes while the first copy is still being handled: two copies of one
// event arriving at the same moment must store one row and act once (one HELP answer, one opt-out
// confirmation). The race is probabilistic, so every check runs many rounds of concurrent pairs.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { inboundFrom, postTelnyx, postTwilio, rowsTo, sentMessage, telnyxEvent, textedParty, TWILIO_INBOUND_URL, twilioStatus } from "./helpers";

const ROUNDS = 16;

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

const replies = async (phone: string) => (await rowsTo(phone)).filter((r) => r.kind === "keyword_reply");
const twilioInbound = (phone: string, sid: string, body: string) =>
  postTwilio(TWILIO_INBOUND_URL, { MessageSid: sid, SmsSid: sid, From: phone, To: "+15005550006", Body: body, NumMedia: "0", AccountSid: "ACfake0000000000000000000000000000" });

describe("inbound webhooks delivered twice at the same moment", () => {
  it(`Twilio: ${ROUNDS} HELPs, each posted twice at once → ${ROUNDS} rows and ${ROUNDS} answers`, async () => {
    const { phone } = await textedParty(o);
    for (let i = 0; i < ROUNDS; i++) {
      const sid = `SM${crypto.randomUUID().replace(/-/g, "")}`;
      const answers = await Promise.all([twilioInbound(phone, sid, "HELP"), twilioInbound(phone, sid, "HELP")]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
    }
    expect(await inboundFrom(phone)).toHaveLength(ROUNDS);
    expect(await replies(phone)).toHaveLength(ROUNDS);
  });

  it(`Telnyx: ${ROUNDS} HELPs, each posted twice at once → ${ROUNDS} rows and ${ROUNDS} answers`, async () => {
    const { phone } = await textedParty(o);
    for (let i = 0; i < ROUNDS; i++) {
      const event = telnyxEvent("message.received", { id: crypto.randomUUID(), text: "help", from: { phone_number: phone }, to: [{ phone_number: "+15005550007" }] });
      const answers = await Promise.all([postTelnyx(event), postTelnyx(event)]);
      expect(answers.map((a) => a.status)).toEqual([204, 204]);
    }
    expect(await inboundFrom(phone)).toHaveLength(ROUNDS);
    expect(await replies(phone)).toHaveLength(ROUNDS);
  });

  it("Telnyx: the same message redelivered as a new event (another event id) is still one message", async () => {
    const { phone } = await textedParty(o);
    const payload = { id: crypto.randomUUID(), text: "HELP", from: { phone_number: phone }, to: [{ phone_number: "+15005550007" }] };
    await Promise.all([postTelnyx(telnyxEvent("message.received", payload)), postTelnyx(telnyxEvent("message.received", payload))]);
    expect(await inboundFrom(phone)).toHaveLength(1);
    expect(await replies(phone)).toHaveLength(1);
  });

  it("STOP posted twice at once on 8 numbers → one row and one confirmation each", async () => {
    const phones = await Promise.all(Array.from({ length: 8 }, () => textedParty(o).then((p) => p.phone)));
    for (const phone of phones) {
      const sid = `SM${crypto.randomUUID().replace(/-/g, "")}`;
      await Promise.all([twilioInbound(phone, sid, "STOP"), twilioInbound(phone, sid, "STOP")]);
    }
    for (const phone of phones) {
      expect(await inboundFrom(phone)).toHaveLength(1);
      expect((await replies(phone)).map((r) => r.body)).toEqual([expect.stringMatching(/unsubscribed/i)]);
    }
  });

  it(`a delivery report posted twice at once, ${ROUNDS} times, is recorded once each`, async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const m = await sentMessage(o);
      const answers = await Promise.all([twilioStatus(m.sid, "delivered"), twilioStatus(m.sid, "delivered")]);
      expect(answers.map((a) => a.status)).toEqual([204, 204]);
      const receipts = await env.DB.prepare("SELECT COUNT(*) AS n FROM webhook_receipts WHERE source = 'twilio' AND event_key = ?").bind(`status:${m.sid}:delivered`).first<{ n: number }>();
      expect(receipts?.n).toBe(1);
      expect(await env.DB.prepare("SELECT status FROM messages WHERE id = ?").bind(m.id).first()).toEqual({ status: "delivered" });
    }
  });
});
