// Twilio webhooks signed with HMAC-SHA256 (a Webhook Setting's SharedKey, TWILIO_WEBHOOK_SIGNING_KEY)
// are accepted alongside the auth token's SHA-1; the reference signature is the twilio SDK's.
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { inboundFrom, messageRow, postTwilio, sentMessage, textedParty, TWILIO_INBOUND_URL, TWILIO_STATUS_URL, twilioReference, type TwilioParams } from "./helpers";

const SHARED = "twilio-fake-shared-key";
const SETTINGS = { "X-Twilio-Webhooks-Signature-Settings": "key=webhooks_sharedkey_fake,algorithm=HMAC_SHA256" };

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

const status = (sid: string): TwilioParams => ({ AccountSid: "ACfake0000000000000000000000000000", MessageSid: sid, SmsSid: sid, MessageStatus: "delivered", SmsStatus: "delivered", From: "+15005550006" });

describe("Twilio HMAC-SHA256 webhooks", () => {
  it("a status callback signed with the shared key and SHA-256 is accepted and applied", async () => {
    const m = await sentMessage(o);
    const { signature } = await twilioReference(TWILIO_STATUS_URL, status(m.sid), undefined, { key: SHARED, algorithm: "HMAC_SHA256" });
    const res = await postTwilio(TWILIO_STATUS_URL, status(m.sid), signature, TWILIO_STATUS_URL, SETTINGS);
    expect(res.status).toBe(204);
    expect(await messageRow(m.id)).toMatchObject({ status: "delivered" });
  });

  it("an inbound text signed that way is stored", async () => {
    const { phone } = await textedParty(o);
    const params: TwilioParams = { AccountSid: "ACfake0000000000000000000000000000", MessageSid: `SM${crypto.randomUUID().replace(/-/g, "")}`, From: phone, To: "+15005550006", Body: "Running late", NumMedia: "0" };
    const { signature } = await twilioReference(TWILIO_INBOUND_URL, params, undefined, { key: SHARED, algorithm: "HMAC_SHA256" });
    expect((await postTwilio(TWILIO_INBOUND_URL, params, signature, TWILIO_INBOUND_URL, SETTINGS)).status).toBe(200);
    expect((await inboundFrom(phone)).map((r) => r.body)).toEqual(["Running late"]);
  });

  it("SHA-1 with the shared key (a setting that names HMAC_SHA1) is accepted too", async () => {
    const m = await sentMessage(o);
    const { signature } = await twilioReference(TWILIO_STATUS_URL, status(m.sid), undefined, { key: SHARED, algorithm: "HMAC_SHA1" });
    const res = await postTwilio(TWILIO_STATUS_URL, status(m.sid), signature, TWILIO_STATUS_URL, { "X-Twilio-Webhooks-Signature-Settings": "key=webhooks_sharedkey_fake,algorithm=HMAC_SHA1" });
    expect(res.status).toBe(204);
  });

  it.each([
    ["the SHA-256 signature without the settings header", SHARED, "HMAC_SHA256", {}],
    ["SHA-256 with the auth token instead of the shared key", "twilio-fake-auth-token", "HMAC_SHA256", SETTINGS],
    ["an algorithm Twilio does not have", SHARED, "HMAC_SHA256", { "X-Twilio-Webhooks-Signature-Settings": "key=x,algorithm=HMAC_MD5" }],
  ] as const)("refuses %s (403, nothing changes)", async (_what, key, algorithm, headers) => {
    const m = await sentMessage(o);
    const { signature } = await twilioReference(TWILIO_STATUS_URL, status(m.sid), undefined, { key, algorithm });
    const res = await postTwilio(TWILIO_STATUS_URL, status(m.sid), signature, TWILIO_STATUS_URL, headers);
    expect(res.status).toBe(403);
    expect(await messageRow(m.id)).toMatchObject({ status: "sent" });
  });
});
