// Our Twilio signature check agrees with Twilio's own SDK (getExpectedTwilioSignature and
// validateRequest, running in Node behind the fake server) on random requests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { twilioSignature, verifyTwilioSignature } from "../../src/messaging/sms/signatures";
import { env } from "cloudflare:test";
import { formEntries, postTwilio, twilioReference, type TwilioParams } from "./helpers";

const TWILIO_TOKEN = env.TWILIO_AUTH_TOKEN!;

const URLS = [
  "https://seatline.test/webhooks/twilio/status",
  "https://seatline.test:443/webhooks/twilio/status",
  "https://seatline.test/webhooks/twilio/inbound?location=abc&x=1",
  "http://127.0.0.1:8787/webhooks/twilio/inbound",
  "http://seatline.test/webhooks/twilio/status",
];

const params = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.oneof(fc.string({ maxLength: 24, unit: "grapheme" }), fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 })),
  { maxKeys: 8, noNullPrototype: true },
) as fc.Arbitrary<TwilioParams>;

/** How the signature presented relates to the request: made for it, or for something else. */
const tamper = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("url" as const), url: fc.constantFrom(...URLS) }),
  fc.record({ kind: fc.constant("extra-param" as const), key: fc.string({ minLength: 1, maxLength: 6 }), value: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant("garbage" as const), signature: fc.base64String({ minLength: 28, maxLength: 28 }) }),
);

describe("verifyTwilioSignature vs the twilio SDK", () => {
  it("computes the same signature as getExpectedTwilioSignature", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...URLS), params, async (url, p) => {
        const reference = await twilioReference(url, p);
        expect(await twilioSignature(TWILIO_TOKEN, url, formEntries(p))).toBe(reference.signature);
      }),
      { numRuns: 50 },
    );
  });

  it("accepts exactly the signatures validateRequest accepts", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...URLS), params, tamper, async (url, p, t) => {
        let signature: string;
        if (t.kind === "none") signature = (await twilioReference(url, p)).signature;
        else if (t.kind === "url") signature = (await twilioReference(t.url, p)).signature;
        else if (t.kind === "extra-param") signature = (await twilioReference(url, { ...p, [t.key]: t.value })).signature;
        else signature = t.signature;
        const sdk = (await twilioReference(url, p, signature)).valid;
        const ours = await verifyTwilioSignature(TWILIO_TOKEN, signature, url, formEntries(p));
        expect(ours).toBe(sdk);
        if (ours) accepted += 1;
      }),
      { numRuns: 50 },
    );
    // The property is not vacuous: some of the requests were genuinely signed.
    expect(accepted).toBeGreaterThan(0);
  });

  it("the status webhook answers 204 exactly when the SDK's signature is for the request as POSTed", async () => {
    const url = "https://seatline.test/webhooks/twilio/status";
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), async (p, tampered) => {
        const signed = tampered ? { ...p, Tampered: "1" } : p;
        const { signature } = await twilioReference(url, signed);
        const res = await postTwilio(url, p, signature);
        expect(res.status).toBe(tampered ? 403 : 204);
      }),
      { numRuns: 30 },
    );
  });
});
