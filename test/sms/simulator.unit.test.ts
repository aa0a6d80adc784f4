// The local SMS simulator `npm start` runs (scripts/sms-simulator.mjs; issue 20, item 5, and issue 23,
// "a local way to watch it"): the app's own Twilio and Telnyx clients send to it, it answers like each
// provider's REST API as its switch says (up, down, slow, rate-limited), replays Telnyx's
// Idempotency-Key, and its delivery reports and guest replies reach the app's webhook URLs signed so
// that the app's own verifiers accept them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TelnyxProvider } from "../../src/messaging/sms/providers/telnyx";
import { TwilioProvider } from "../../src/messaging/sms/providers/twilio";
import { SmsSendError } from "../../src/messaging/sms/providers/provider";
import { verifyTelnyxSignature, verifyTwilioSignature } from "../../src/messaging/sms/signatures";
// @ts-expect-error a plain JS script without type declarations
import { simulatorCredentials, startSmsSimulator, twilioSignature } from "../../scripts/sms-simulator.mjs";

type Hook = { provider: "twilio" | "telnyx"; path: string; query: URLSearchParams; params: [string, string][]; json: any; valid: boolean };
const hooks: Hook[] = [];
const appUrl = "http://127.0.0.1:8787";
// The simulator's slow mode answers 2 s after this; the clients below give up after it.
const SEND_TIMEOUT_MS = 300;
let sim: any;
const creds = simulatorCredentials();
let workerView: unknown = { providers: [], breakerThreshold: 3, optOuts: [], messages: [] };

async function waitFor<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Stands in for the Worker's webhook routes: checks each request with the app's own verifiers.
async function app(url: string, init: RequestInit = {}): Promise<Response> {
  const u = new URL(url);
  if (u.pathname === "/api/dev/sms") return Response.json(workerView);
  const headers = new Headers(init.headers);
  const raw = String(init.body);
  if (u.pathname.startsWith("/webhooks/twilio/")) {
    const params = [...new URLSearchParams(raw).entries()];
    const valid = await verifyTwilioSignature(creds.twilio.authToken, headers.get("X-Twilio-Signature") ?? undefined, url, params);
    hooks.push({ provider: "twilio", path: u.pathname, query: u.searchParams, params, json: null, valid });
    return new Response(null, { status: valid ? 204 : 403 });
  }
  const valid = await verifyTelnyxSignature(creds.telnyx.publicKey, headers.get("telnyx-signature-ed25519") ?? undefined, headers.get("telnyx-timestamp") ?? undefined, raw, Date.now());
  hooks.push({ provider: "telnyx", path: u.pathname, query: u.searchParams, params: [], json: JSON.parse(raw), valid });
  return new Response(null, { status: valid ? 204 : 403 });
}

const twilio = (overrides: Partial<{ authToken: string }> = {}) =>
  new TwilioProvider({ baseUrl: sim.twilioUrl, accountSid: creds.twilio.accountSid, authToken: creds.twilio.authToken, from: creds.twilio.from, timeoutMs: SEND_TIMEOUT_MS, ...overrides });
const telnyx = (overrides: Partial<{ apiKey: string }> = {}) =>
  new TelnyxProvider({ baseUrl: sim.telnyxUrl, apiKey: creds.telnyx.apiKey, from: creds.telnyx.from, timeoutMs: SEND_TIMEOUT_MS, ...overrides });

let n = 0;
const sms = (provider: "twilio" | "telnyx", body = `Table soon ${++n}`) => {
  const messageId = crypto.randomUUID();
  const path = provider === "twilio" ? "twilio/status" : "telnyx";
  return { messageId, to: `+1415555${String(1000 + n).slice(-4)}`, body, statusCallbackUrl: `${appUrl}/webhooks/${path}?m=${messageId}` };
};

async function control(provider: string, mode: unknown) {
  return fetch(`${sim.url}/api/providers/${provider}`, { method: "POST", body: JSON.stringify({ mode }) });
}

async function failure(p: Promise<unknown>): Promise<SmsSendError> {
  const err = await p.then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(SmsSendError);
  return err as SmsSendError;
}

const takenTo = (provider: string, to: string) => sim.entries.filter((e: any) => e.provider === provider && e.to === to && e.taken);

beforeAll(async () => {
  sim = await startSmsSimulator({ port: 0, appUrl, ...creds, sendTimeoutMs: SEND_TIMEOUT_MS, fetchImpl: app });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  for (const p of ["twilio", "telnyx"]) expect((await control(p, "up")).status).toBe(200);
});

describe("the local SMS simulator: Twilio", () => {
  it("signs as Twilio does (the app's verifier accepts it, a wrong token does not)", async () => {
    const params: [string, string][] = [["To", "+14155550190"], ["Body", "hi"], ["A", "1"]];
    const sig = twilioSignature(creds.twilio.authToken, "https://x.test/webhooks/twilio/inbound", params);
    expect(await verifyTwilioSignature(creds.twilio.authToken, sig, "https://x.test/webhooks/twilio/inbound", params)).toBe(true);
    expect(await verifyTwilioSignature("other-token", sig, "https://x.test/webhooks/twilio/inbound", params)).toBe(false);
  });

  it("takes a text from the app's Twilio client, then sends signed delivery reports to its callback", async () => {
    const msg = sms("twilio");
    const { providerMessageId } = await twilio().send(msg);
    expect(providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const mine = () => hooks.filter((h) => h.path === "/webhooks/twilio/status" && new Map(h.params).get("MessageSid") === providerMessageId);
    await waitFor(() => mine().length === 2, "the delivered report");
    expect(mine().every((h) => h.valid && h.query.get("m") === msg.messageId)).toBe(true);
    expect(mine().map((h) => new Map(h.params).get("MessageStatus"))).toEqual(["sent", "delivered"]);
    expect(takenTo("twilio", msg.to)).toHaveLength(1);
  });

  it("refuses a send with the wrong credentials, as Twilio would (401)", async () => {
    const err = await failure(twilio({ authToken: "wrong" }).send(sms("twilio")));
    expect(err.code).toBe("20003");
  });

  it("down: answers 503 and takes nothing (a transient error, worth the other provider)", async () => {
    expect((await control("twilio", "down")).status).toBe(200);
    const msg = sms("twilio");
    const err = await failure(twilio().send(msg));
    expect(err).toMatchObject({ kind: "transient", code: "20503" });
    expect(takenTo("twilio", msg.to)).toHaveLength(0);
    expect(sim.entries.at(-1)).toMatchObject({ provider: "twilio", to: msg.to, messageId: msg.messageId, taken: false, answer: "503 (down)" });
  });

  it("rate-limited: answers 429 (code 20429) and takes nothing", async () => {
    await control("twilio", "rate-limited");
    const msg = sms("twilio");
    const err = await failure(twilio().send(msg));
    expect(err).toMatchObject({ kind: "transient", code: "20429" });
    expect(takenTo("twilio", msg.to)).toHaveLength(0);
  });

  it("slow: takes the text but answers after the send timeout (unknown to the client), and the look-up finds it", async () => {
    await control("twilio", "slow");
    const msg = sms("twilio");
    const since = Date.now();
    const err = await failure(twilio().send(msg));
    expect(err).toMatchObject({ kind: "unknown", code: "timeout" });
    const [taken] = takenTo("twilio", msg.to);
    expect(taken).toBeDefined();
    // The Worker's confirmation (a Message list look-up) finds the text it took, once it answers.
    await control("twilio", "up");
    const found = await twilio().confirm(msg, since, async () => false);
    expect(found).toEqual({ found: taken.providerId });
  });

  it("up again after a switch: takes texts", async () => {
    await control("twilio", "down");
    await control("twilio", "up");
    await expect(twilio().send(sms("twilio"))).resolves.toMatchObject({ providerMessageId: expect.stringMatching(/^SM/) });
  });

  it("refuses an unknown mode or provider with 400 and keeps the switch as it was", async () => {
    expect((await control("twilio", "sideways")).status).toBe(400);
    expect((await control("sinch", "down")).status).toBe(404);
    const state: any = await (await fetch(`${sim.url}/api/state`)).json();
    expect(state.providers.twilio.mode).toBe("up");
  });
});

describe("the local SMS simulator: Telnyx", () => {
  it("takes a text from the app's Telnyx client; its reports are Ed25519-signed so the app's verifier accepts them", async () => {
    const msg = sms("telnyx");
    const { providerMessageId } = await telnyx().send(msg);
    const mine = () => hooks.filter((h) => h.provider === "telnyx" && h.json?.data?.payload?.id === providerMessageId);
    await waitFor(() => mine().length === 2, "Telnyx's delivery reports");
    expect(mine().every((h) => h.valid && h.path === "/webhooks/telnyx" && h.query.get("m") === msg.messageId)).toBe(true);
    expect(mine().map((h) => [h.json.data.event_type, h.json.data.payload.to[0].status, h.json.data.payload.to[0].phone_number])).toEqual([
      ["message.sent", "sent", msg.to],
      ["message.finalized", "delivered", msg.to],
    ]);
  });

  it("a signature from another key pair is refused by the app's verifier (the public key is the one npm start hands over)", async () => {
    const other = simulatorCredentials();
    const msg = sms("telnyx");
    const { providerMessageId } = await telnyx().send(msg);
    const hook = await waitFor(() => hooks.find((h) => h.json?.data?.payload?.id === providerMessageId), "a report");
    const raw = JSON.stringify(hook.json);
    expect(hook.valid).toBe(true);
    const ts = String(Math.floor(Date.now() / 1000));
    // @ts-expect-error a plain JS script
    const { telnyxSignature } = await import("../../scripts/sms-simulator.mjs");
    expect(await verifyTelnyxSignature(other.telnyx.publicKey, telnyxSignature(creds.telnyx.privateKey, ts, raw), ts, raw, Date.now())).toBe(false);
    expect(await verifyTelnyxSignature(creds.telnyx.publicKey, telnyxSignature(creds.telnyx.privateKey, ts, raw), ts, raw, Date.now())).toBe(true);
  });

  it("refuses a wrong API key (401, code 10009)", async () => {
    const err = await failure(telnyx({ apiKey: "KEYwrong" }).send(sms("telnyx")));
    expect(err.code).toBe("10009");
  });

  it("down (503) and rate-limited (429): transient, nothing taken", async () => {
    await control("telnyx", "down");
    const a = sms("telnyx");
    expect(await failure(telnyx().send(a))).toMatchObject({ kind: "transient", code: "10007" });
    await control("telnyx", "rate-limited");
    const b = sms("telnyx");
    expect(await failure(telnyx().send(b))).toMatchObject({ kind: "transient", code: "10011" });
    expect([...takenTo("telnyx", a.to), ...takenTo("telnyx", b.to)]).toHaveLength(0);
  });

  it("Idempotency-Key: the same request again answers the same message, not a second text", async () => {
    const msg = sms("telnyx");
    const first = await telnyx().send(msg);
    const again = await telnyx().send(msg);
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(takenTo("telnyx", msg.to)).toHaveLength(1);
    expect(sim.entries.at(-1)).toMatchObject({ replayOf: takenTo("telnyx", msg.to)[0].n, taken: false });
  });

  it("Idempotency-Key reused with another body: 422, nothing sent", async () => {
    const msg = sms("telnyx");
    await telnyx().send(msg);
    const res = await fetch(`${sim.telnyxUrl}/v2/messages`, {
      method: "POST",
      headers: { Authorization: `Bearer ${creds.telnyx.apiKey}`, "Content-Type": "application/json", "Idempotency-Key": msg.messageId },
      body: JSON.stringify({ from: creds.telnyx.from, to: msg.to, text: "something else" }),
    });
    expect(res.status).toBe(422);
    expect(takenTo("telnyx", msg.to)).toHaveLength(1);
  });

  it("slow: takes the text and answers late; the Worker's confirmation (same key) gets that message back", async () => {
    await control("telnyx", "slow");
    const msg = sms("telnyx");
    expect(await failure(telnyx().send(msg))).toMatchObject({ kind: "unknown", code: "timeout" });
    expect(takenTo("telnyx", msg.to)).toHaveLength(1);
    await control("telnyx", "up");
    const confirmed = await telnyx().confirm(msg);
    expect(confirmed).toEqual({ sent: takenTo("telnyx", msg.to)[0].providerId });
    expect(takenTo("telnyx", msg.to)).toHaveLength(1);
  });
});

describe("the local SMS simulator: the guest's side and the page", () => {
  it("a reply through Twilio reaches the inbound webhook, signed", async () => {
    const res = await fetch(`${sim.url}/reply`, { method: "POST", body: new URLSearchParams({ from: "+14155550190", provider: "twilio", text: "running late" }), redirect: "manual" });
    expect(res.status).toBe(303);
    const inbound = await waitFor(() => hooks.find((h) => h.path === "/webhooks/twilio/inbound"), "the inbound webhook");
    expect(inbound.valid).toBe(true);
    expect(new Map(inbound.params)).toEqual(
      new Map([["AccountSid", creds.twilio.accountSid], ["MessageSid", expect.stringMatching(/^SM/)], ["SmsSid", expect.stringMatching(/^SM/)], ["From", "+14155550190"], ["To", creds.twilio.from], ["Body", "running late"], ["NumMedia", "0"]]),
    );
  });

  it.each(["STOP", "START", "HELP", "1", "9"])("the %s button replies through Telnyx as message.received, Ed25519-signed", async (keyword) => {
    const before = hooks.length;
    const res = await fetch(`${sim.url}/reply`, { method: "POST", body: new URLSearchParams({ from: "+14155550191", provider: "telnyx", text: "", keyword }), redirect: "manual" });
    expect(res.status).toBe(303);
    const hook = await waitFor(() => hooks.slice(before).find((h) => h.json?.data?.event_type === "message.received"), "the Telnyx inbound webhook");
    expect(hook.valid).toBe(true);
    expect(hook.json.data.payload).toMatchObject({ text: keyword, from: { phone_number: "+14155550191" }, to: [{ phone_number: creds.telnyx.from }] });
  });

  it("deliver again repeats the same webhook with the same provider id, as a provider's retry would", async () => {
    const res = await fetch(`${sim.url}/api/reply`, { method: "POST", body: JSON.stringify({ provider: "telnyx", from: "+14155550192", body: "HELP" }) });
    expect(res.status).toBe(201);
    const entry: any = await res.json();
    const again = await fetch(`${sim.url}/api/redeliver`, { method: "POST", body: JSON.stringify({ n: entry.n }) });
    expect(again.status).toBe(200);
    const copies = hooks.filter((h) => h.json?.data?.payload?.id === entry.providerId);
    expect(copies).toHaveLength(2);
    expect(copies.every((h) => h.valid)).toBe(true);
  });

  it("refuses a reply without a number or through an unknown provider (400)", async () => {
    expect((await fetch(`${sim.url}/api/reply`, { method: "POST", body: JSON.stringify({ provider: "twilio", from: "tomorrow", body: "1" }) })).status).toBe(400);
    expect((await fetch(`${sim.url}/api/reply`, { method: "POST", body: JSON.stringify({ provider: "sinch", from: "+14155550190", body: "1" }) })).status).toBe(400);
  });

  it("the page flips a switch with a plain form post, and lists which provider carried each text", async () => {
    const res = await fetch(`${sim.url}/switch`, { method: "POST", body: new URLSearchParams({ provider: "telnyx", mode: "rate-limited" }), redirect: "manual" });
    expect(res.status).toBe(303);
    expect(((await (await fetch(`${sim.url}/api/state`)).json()) as any).providers.telnyx.mode).toBe("rate-limited");
    await control("telnyx", "up");
    const msg = sms("telnyx", "Your table's ready & waiting");
    await telnyx().send(msg);
    const html = await (await fetch(sim.url)).text();
    expect(html).toMatch(new RegExp(`<td class="telnyx">Telnyx</td><td>→ \\${msg.to}</td><td>Your table&#39;s ready &#38; waiting</td><td class="muted">${msg.messageId}</td>`));
    expect(html).toContain('aria-pressed="true"');
  });

  it("shows the Worker's own view: circuit breakers and opt-outs", async () => {
    workerView = {
      providers: [
        { provider: "twilio", configured: true, circuit: "open", consecutiveFailures: 3, openUntil: "2026-12-03T12:00:00.000Z" },
        { provider: "telnyx", configured: true, circuit: "closed", consecutiveFailures: 0, openUntil: null },
      ],
      breakerThreshold: 3,
      optOuts: [{ ledger: "sender:platform", phone: "+14155550191", source: "keyword", createdAt: "2026-12-03T11:00:00.000Z" }],
      messages: [],
    };
    const live = await (await fetch(`${sim.url}/live`)).text();
    expect(live).toContain("open</span> until 2026-12-03T12:00:00.000Z");
    expect(live).toContain("<td>+14155550191</td><td>sender:platform</td><td>keyword</td>");
  });
});
