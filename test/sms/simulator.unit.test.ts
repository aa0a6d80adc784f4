// The local SMS simulator `npm start` runs (scripts/sms-simulator.mjs; issue 20, item 5): the app's
// own Twilio client sends to it, it answers like Twilio's REST API, then its delivery reports and a
// guest's reply reach the app's webhook URLs signed so that the app's own verifier accepts them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TwilioProvider } from "../../src/messaging/sms/providers/twilio";
import { verifyTwilioSignature } from "../../src/messaging/sms/signatures";
// @ts-expect-error a plain JS script without type declarations
import { simulatorCredentials, startSmsSimulator, twilioSignature } from "../../scripts/sms-simulator.mjs";

type Hook = { path: string; params: [string, string][]; valid: boolean };
const hooks: Hook[] = [];
const appUrl = "http://127.0.0.1:8787";
let sim: any;
const creds = simulatorCredentials();

async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Stands in for the Worker's webhook routes: checks each request with the app's own verifier.
async function appWebhook(url: string, init: RequestInit): Promise<Response> {
  const params = [...new URLSearchParams(init.body as URLSearchParams).entries()];
  const signature = new Headers(init.headers).get("X-Twilio-Signature") ?? undefined;
  const valid = await verifyTwilioSignature(creds.authToken, signature, url, params);
  hooks.push({ path: new URL(url).pathname, params, valid });
  return new Response(null, { status: valid ? 204 : 403 });
}

beforeAll(async () => {
  sim = await startSmsSimulator({ port: 0, appUrl, ...creds, fetchImpl: appWebhook });
});

afterAll(async () => {
  await sim?.close();
});

describe("the local SMS simulator", () => {
  it("signs as Twilio does (the app's verifier accepts it, a wrong token does not)", async () => {
    const params: [string, string][] = [["To", "+14155550190"], ["Body", "hi"], ["A", "1"]];
    const sig = twilioSignature(creds.authToken, "https://x.test/webhooks/twilio/inbound", params);
    expect(await verifyTwilioSignature(creds.authToken, sig, "https://x.test/webhooks/twilio/inbound", params)).toBe(true);
    expect(await verifyTwilioSignature("other-token", sig, "https://x.test/webhooks/twilio/inbound", params)).toBe(false);
  });

  it("takes a text from the app's Twilio client, then sends signed delivery reports to its callback", async () => {
    const provider = new TwilioProvider({ baseUrl: sim.url, accountSid: creds.accountSid, authToken: creds.authToken, from: creds.from });
    const { providerMessageId } = await provider.send({ messageId: "m-1", to: "+14155550190", body: "You're on the list", statusCallbackUrl: `${appUrl}/webhooks/twilio/status` });
    expect(providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const delivered = await waitFor(
      () => hooks.find((h) => h.path === "/webhooks/twilio/status" && h.params.some(([k, v]) => k === "MessageStatus" && v === "delivered")),
      "the delivered report",
    );
    expect(delivered.valid).toBe(true);
    expect(new Map(delivered.params).get("MessageSid")).toBe(providerMessageId);
    expect(hooks.filter((h) => h.path === "/webhooks/twilio/status").map((h) => new Map(h.params).get("MessageStatus"))).toEqual(["sent", "delivered"]);
  });

  it("refuses a send with the wrong credentials, as Twilio would (401)", async () => {
    const provider = new TwilioProvider({ baseUrl: sim.url, accountSid: creds.accountSid, authToken: "wrong", from: creds.from });
    await expect(provider.send({ messageId: "m-2", to: "+14155550190", body: "x", statusCallbackUrl: `${appUrl}/webhooks/twilio/status` })).rejects.toThrow(/twilio/);
  });

  it("delivers a guest's reply to the inbound webhook, signed", async () => {
    const res = await fetch(`${sim.url}/reply`, { method: "POST", body: new URLSearchParams({ from: "+14155550190", body: "1" }), redirect: "manual" });
    expect(res.status).toBe(303);
    const inbound = await waitFor(() => hooks.find((h) => h.path === "/webhooks/twilio/inbound"), "the inbound webhook");
    expect(inbound.valid).toBe(true);
    expect(new Map(inbound.params)).toEqual(new Map([["AccountSid", creds.accountSid], ["MessageSid", expect.stringMatching(/^SM/)], ["SmsSid", expect.stringMatching(/^SM/)], ["From", "+14155550190"], ["To", creds.from], ["Body", "1"], ["NumMedia", "0"]]));
    const page = await (await fetch(sim.url)).text();
    expect(page).toContain("You&#39;re on the list");
    expect(page).toContain("webhook 204");
  });
});
