// Twilio's HMAC-SHA256 webhook signatures (a Webhook Setting's SharedKey, announced by
// X-Twilio-Webhooks-Signature-Settings): the same signed string as SHA-1 (URL + sorted params), only
// the hash changes. Checked against a vector computed independently (openssl, below) and the SDK.
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { twilioAlgorithm, twilioSignature, verifyTwilioSignature } from "../../src/messaging/sms/signatures";

const KEY = "shared-key-secret-0123";
const URL_ = "https://seatline.test/webhooks/twilio/inbound?m=1";
const PARAMS: Record<string, string> = { To: "+15005550006", From: "+4915123456789", Body: "STOP", MessageSid: "SM11111111111111111111111111111111", AccountSid: "AC00000000000000000000000000000000" };
// printf '%s' '<URL>AccountSid…BodySTOPFrom+49…MessageSidSM…To+1…' | openssl dgst -sha256 -hmac '<KEY>' -binary | base64
const OPENSSL_VECTOR = "bCvGHDbOPcIJIeYT7giGzx82wtaZaTco5K97C9o+KDE=";

describe("Twilio HMAC-SHA256 signatures", () => {
  it("the known vector: openssl, WebCrypto over the documented string, the SDK and ours agree", async () => {
    const data = URL_ + Object.keys(PARAMS).sort().map((k) => k + PARAMS[k]).join("");
    const enc = new TextEncoder();
    const key = await crypto.subtle.importKey("raw", enc.encode(KEY), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(data)));
    expect(btoa(String.fromCharCode(...mac))).toBe(OPENSSL_VECTOR);
    expect(twilio.getExpectedTwilioSignature(KEY, URL_, PARAMS, "HMAC_SHA256")).toBe(OPENSSL_VECTOR);
    expect(await twilioSignature(KEY, URL_, Object.entries(PARAMS), "HMAC_SHA256")).toBe(OPENSSL_VECTOR);
  });

  it("SHA-1 stays the default and differs from SHA-256", async () => {
    const sha1 = await twilioSignature(KEY, URL_, Object.entries(PARAMS));
    expect(sha1).toBe(twilio.getExpectedTwilioSignature(KEY, URL_, PARAMS));
    expect(sha1).not.toBe(OPENSSL_VECTOR);
  });

  it("reads the algorithm from the settings header as the SDK does", () => {
    expect(twilioAlgorithm(undefined)).toBe("HMAC_SHA1");
    expect(twilioAlgorithm("")).toBe("HMAC_SHA1");
    expect(twilioAlgorithm("key=webhooks_sharedkey_abc,algorithm=HMAC_SHA256")).toBe("HMAC_SHA256");
    expect(twilioAlgorithm(" algorithm = hmac_sha256 , key=x")).toBe("HMAC_SHA256");
    expect(twilioAlgorithm("key=x,algorithm=HMAC_SHA1")).toBe("HMAC_SHA1");
    expect(twilioAlgorithm("key=x")).toBe("HMAC_SHA1");
    expect(twilioAlgorithm("key=x,algorithm=HMAC_SHA512")).toBeNull();
    for (const h of ["key=x,algorithm=HMAC_SHA256", "key=x", "key=x,algorithm=HMAC_SHA1"]) {
      expect(twilioAlgorithm(h)).toBe(twilio.getSignatureAlgorithm(h));
    }
  });

  it("verifies with the shared key when the header is there, the auth token when not", async () => {
    const entries = Object.entries(PARAMS);
    const keys = { authToken: "auth-token", sharedKey: KEY };
    const settings = "key=webhooks_sharedkey_abc,algorithm=HMAC_SHA256";
    expect(await verifyTwilioSignature(keys, OPENSSL_VECTOR, URL_, entries, settings)).toBe(true);
    // The SHA-256 signature without the header is checked as SHA-1 with the auth token: refused.
    expect(await verifyTwilioSignature(keys, OPENSSL_VECTOR, URL_, entries)).toBe(false);
    // Signed with the auth token but announced as a shared-key signature: refused.
    expect(await verifyTwilioSignature(keys, twilio.getExpectedTwilioSignature("auth-token", URL_, PARAMS, "HMAC_SHA256"), URL_, entries, settings)).toBe(false);
    expect(await verifyTwilioSignature(keys, OPENSSL_VECTOR, URL_, entries, "key=x,algorithm=HMAC_SHA512")).toBe(false);
    expect(await verifyTwilioSignature(keys, OPENSSL_VECTOR, URL_ + "&x=1", entries, settings)).toBe(false);
    expect(await verifyTwilioSignature(keys, twilio.getExpectedTwilioSignature("auth-token", URL_, PARAMS), URL_, entries)).toBe(true);
  });
});
