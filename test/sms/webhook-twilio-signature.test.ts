// Twilio's webhooks accept a request exactly when X-Twilio-Signature is what Twilio's own SDK computes
// for the URL we were called at and the POSTed parameters; anything else is 403 and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, signUp, type SignedUp } from "../helpers/api";
import { TWILIO_INBOUND_URL, TWILIO_STATUS_URL, inboundFrom, messageRow, optedOut, postTwilio, sentMessage, twilioReference, type TwilioParams } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

const statusParams = (sid: string, status = "delivered"): TwilioParams => ({
  AccountSid: "ACfake0000000000000000000000000000",
  MessageSid: sid,
  MessageStatus: status,
  SmsSid: sid,
  SmsStatus: status,
  To: "+4915000000000",
  From: "+15005550006",
});

const inboundParams = (from: string, body = "Running late"): TwilioParams => ({
  AccountSid: "ACfake0000000000000000000000000000",
  MessageSid: `SM${crypto.randomUUID().replace(/-/g, "")}`,
  From: from,
  To: "+15005550006",
  Body: body,
  NumMedia: "0",
});

function expectForbidden(res: { status: number; json: any }) {
  expect(res.status).toBe(403);
  expect(res.json).toEqual({ error: { code: "forbidden", message: expect.any(String), details: expect.any(Array) } });
}

describe("POST /webhooks/twilio/status", () => {
  it("accepts the SDK's signature for this URL and these params, and applies the report", async () => {
    const m = await sentMessage(o);
    const res = await postTwilio(TWILIO_STATUS_URL, statusParams(m.sid));
    expect(res.status).toBe(204);
    expect(await messageRow(m.id)).toMatchObject({ status: "delivered" });
  });

  it("accepts a signature made over the URL with the scheme's default port, as Twilio may send it", async () => {
    const m = await sentMessage(o);
    const withPort = `https://seatline.test:443/webhooks/twilio/status`;
    const params = statusParams(m.sid);
    const { signature } = await twilioReference(withPort, params);
    expect((await twilioReference(TWILIO_STATUS_URL, params, signature)).valid).toBe(true);
    expect((await postTwilio(TWILIO_STATUS_URL, params, signature)).status).toBe(204);
    expect(await messageRow(m.id)).toMatchObject({ status: "delivered" });
  });

  type SignatureFor = (url: string, p: TwilioParams) => Promise<string | null>;
  describe.each<[string, SignatureFor]>([
    ["a forged signature", async (_url: string, _p: TwilioParams) => "bm90IGEgcmVhbCBzaWduYXR1cmU="],
    ["no X-Twilio-Signature header", async () => null],
    ["an empty signature", async () => ""],
    ["the signature for other params", async (url: string, p: TwilioParams) => (await twilioReference(url, { ...p, MessageStatus: "failed" })).signature],
    ["the signature without one of the params", async (url: string, p: TwilioParams) => {
      const { To: _dropped, ...rest } = p;
      return (await twilioReference(url, rest)).signature;
    }],
    ["the signature for another URL", async (_url: string, p: TwilioParams) => (await twilioReference(`${ORIGIN}/webhooks/twilio/inbound`, p)).signature],
    ["the signature for another host", async (url: string, p: TwilioParams) => (await twilioReference(url.replace("seatline.test", "evil.test"), p)).signature],
    ["the signature made with another auth token", async (url: string, p: TwilioParams) => {
      // Same algorithm, wrong key: what an attacker without our token can compute.
      const data = url + Object.keys(p).sort().map((k) => k + p[k]).join("");
      const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("not-our-token"), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
      return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data)))));
    }],
  ])("with %s", (_what, signatureFor) => {
    it("is 403 and the message keeps its status", async () => {
      const m = await sentMessage(o);
      const params = statusParams(m.sid);
      const signature = await signatureFor(TWILIO_STATUS_URL, params);
      if (signature) expect((await twilioReference(TWILIO_STATUS_URL, params, signature)).valid).toBe(false);
      expectForbidden(await postTwilio(TWILIO_STATUS_URL, params, signature));
      expect(await messageRow(m.id)).toMatchObject({ status: "sent", updated_at: m.row.updated_at, delivered_at: null });
    });
  });

  it("refuses params changed after signing (the body no longer matches)", async () => {
    const m = await sentMessage(o);
    const { signature } = await twilioReference(TWILIO_STATUS_URL, statusParams(m.sid, "sent"));
    expectForbidden(await postTwilio(TWILIO_STATUS_URL, statusParams(m.sid, "delivered"), signature));
    expect(await messageRow(m.id)).toMatchObject({ status: "sent" });
  });
});

describe("POST /webhooks/twilio/inbound", () => {
  it("accepts the SDK's signature, stores the text and answers with empty TwiML", async () => {
    const m = await sentMessage(o);
    const res = await postTwilio(TWILIO_INBOUND_URL, inboundParams(m.phone, "Signed hello"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/xml/);
    expect(res.text).toBe("<Response></Response>");
    expect((await inboundFrom(m.phone)).map((r) => r.body)).toEqual(["Signed hello"]);
  });

  it.each<[string, (p: TwilioParams) => Promise<string | null>]>([
    ["a forged signature", async () => "AAAAAAAAAAAAAAAAAAAAAAAAAAA="],
    ["no X-Twilio-Signature header", async () => null],
    ["the signature for other params", async (p: TwilioParams) => (await twilioReference(TWILIO_INBOUND_URL, { ...p, Body: "Not what was sent" })).signature],
    ["the signature for the status URL", async (p: TwilioParams) => (await twilioReference(TWILIO_STATUS_URL, p)).signature],
    ["the signature for this path with a query string", async (p: TwilioParams) => (await twilioReference(`${TWILIO_INBOUND_URL}?x=1`, p)).signature],
  ])("with %s is 403 and stores nothing", async (_what, signatureFor) => {
    const m = await sentMessage(o);
    const params = inboundParams(m.phone, "STOP");
    expectForbidden(await postTwilio(TWILIO_INBOUND_URL, params, await signatureFor(params)));
    expect(await inboundFrom(m.phone)).toEqual([]);
  });

  it("a STOP with a forged signature opts nobody out", async () => {
    const m = await sentMessage(o);
    expectForbidden(await postTwilio(TWILIO_INBOUND_URL, inboundParams(m.phone, "STOP"), "forged"));
    expect(await optedOut(o.accountId, m.phone)).toBeNull();
  });

  it("accepts a URL with a query string when that is what was signed", async () => {
    const m = await sentMessage(o);
    const url = `${TWILIO_INBOUND_URL}?source=number-config`;
    const res = await postTwilio(url, inboundParams(m.phone, "Via query"), undefined, url);
    expect(res.status).toBe(200);
    expect((await inboundFrom(m.phone)).map((r) => r.body)).toEqual(["Via query"]);
  });

  it("checks a repeated parameter the way Twilio does (each value, sorted)", async () => {
    const m = await sentMessage(o);
    const params: TwilioParams = { ...inboundParams(m.phone, "Two pictures"), NumMedia: "2", MediaUrl: ["https://m.test/b.jpg", "https://m.test/a.jpg"] };
    expect((await postTwilio(TWILIO_INBOUND_URL, params)).status).toBe(200);
    expect((await inboundFrom(m.phone)).map((r) => r.body)).toEqual(["Two pictures"]);
  });
});
