// Twilio signs the URL we gave it (APP_URL + path), so the webhook checks the signature against that,
// not against the URL the request reached the Worker at (issue 20, item 5): behind a proxy that
// rewrites scheme, host, port or a path prefix, genuine webhooks are accepted and forged ones refused.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { signUp, type SignedUp } from "../helpers/api";
import { formEntries, messageRow, sentMessage, twilioReference, type TwilioParams } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

const statusParams = (sid: string): TwilioParams => ({ AccountSid: "ACfake0000000000000000000000000000", MessageSid: sid, MessageStatus: "delivered", To: "+4915000000000", From: "+15005550006" });

/** What the Worker receives from a proxy: the request URL is the proxy's upstream, not APP_URL. */
function proxied(upstreamUrl: string, params: TwilioParams, signature: string) {
  return new Request(upstreamUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature, "CF-Connecting-IP": "203.0.113.50" },
    body: new URLSearchParams(formEntries(params)).toString(),
  });
}

describe("Twilio webhooks behind a rewriting proxy", () => {
  it("accept the signature over APP_URL's URL when the request arrives at another URL", async () => {
    const m = await sentMessage(o);
    const params = statusParams(m.sid);
    // Twilio called APP_URL (https://seatline.test); the proxy forwarded it over plain http to an inside address.
    const { signature } = await twilioReference(`${env.APP_URL}/webhooks/twilio/status`, params);
    const res = await SELF.fetch(proxied("http://10.0.0.5:8080/webhooks/twilio/status", params, signature));
    expect(res.status).toBe(204);
    expect(await messageRow(m.id)).toMatchObject({ status: "delivered" });
  });

  it("refuse a signature over the rewritten URL (that is not what Twilio signs)", async () => {
    const m = await sentMessage(o);
    const params = statusParams(m.sid);
    const { signature } = await twilioReference("http://10.0.0.5:8080/webhooks/twilio/status", params);
    const res = await SELF.fetch(proxied("http://10.0.0.5:8080/webhooks/twilio/status", params, signature));
    expect(res.status).toBe(403);
    expect(await messageRow(m.id)).toMatchObject({ status: "sent" });
  });

  it("keep APP_URL's path prefix that the proxy strips", async () => {
    const m = await sentMessage(o);
    const params = statusParams(m.sid);
    const appUrl = "https://example.com/seatline/";
    const { signature } = await twilioReference("https://example.com/seatline/webhooks/twilio/status", params);
    const app = createApp();
    const res = await app.fetch(proxied("http://127.0.0.1:8787/webhooks/twilio/status", params, signature), { ...env, APP_URL: appUrl } as never, {
      waitUntil: () => {},
      passThroughOnException: () => {},
      props: {},
    } as never);
    expect(res.status).toBe(204);
    expect(await messageRow(m.id)).toMatchObject({ status: "delivered" });
  });
});
