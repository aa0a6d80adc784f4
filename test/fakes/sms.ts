// Local fakes of Twilio's and Telnyx's messaging APIs, answering as the real ones do, plus the
// reference signers tests use to call our webhooks: Twilio's own SDK function, and an Ed25519 key
// pair standing in for Telnyx's.
import { generateKeyPairSync, sign as edSign, type KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import twilio from "twilio";

export const TWILIO_SID = "ACfake0000000000000000000000000000";
export const TWILIO_TOKEN = "twilio-fake-auth-token";
export const TELNYX_KEY = "KEYfake-telnyx-api-key";

/**
 * How a provider answers messages to one number: ok, down (503), a network failure, an error code;
 * or the answers that leave the sender unsure: "slow" takes the text at once and answers after
 * `delayMs`, "garbled" takes it and answers 200 with a body that is not JSON, "hang" does not take
 * it and answers 503 after `delayMs`.
 */
export type Behaviour =
  | { mode: "ok" }
  | { mode: "down" }
  | { mode: "network" }
  | { mode: "error"; status: number; code: string | number }
  | { mode: "slow"; delayMs: number }
  | { mode: "garbled" }
  | { mode: "hang"; delayMs: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  id: string;
  to: string;
  from: string;
  body: string;
  callback: string | null;
  at: number;
}

export function createSmsFakes() {
  const behaviours = new Map<string, Behaviour>(); // `${provider}:${to}`
  const sent: Record<"twilio" | "telnyx", Sent[]> = { twilio: [], telnyx: [] };
  // Every authenticated send request, whatever its answer, so tests can count attempts (a failed
  // attempt is not in `sent`).
  const attempts: Record<"twilio" | "telnyx", { to: string; body: string; behaviour: Behaviour["mode"] }[]> = { twilio: [], telnyx: [] };
  // Twilio Message list requests (our look-ups of sends whose answer was lost).
  const lookups: Record<"twilio", { to: string }[]> = { twilio: [] };
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // Telnyx's Idempotency-Key: a successful answer is replayed for a repeat with the same key and body.
  const idempotent = new Map<string, { body: string; answer: unknown }>();
  let seq = 0;

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  }

  function behaviour(provider: string, to: string): Behaviour {
    return behaviours.get(`${provider}:${to}`) ?? behaviours.get(`${provider}:*`) ?? { mode: "ok" };
  }

  async function twilioApi(req: IncomingMessage, res: ServerResponse, path: string, body: string) {
    const [pathOnly, query = ""] = path.split("?");
    const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(pathOnly!);
    if ((req.method !== "POST" && req.method !== "GET") || !m) return json(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
    const expected = "Basic " + Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString("base64");
    if (m[1] !== TWILIO_SID || req.headers.authorization !== expected) {
      return json(res, 401, { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
    }
    if (req.method === "GET") {
      // The Message list, newest first, filtered by To and From as Twilio filters it.
      const q = new URLSearchParams(query);
      lookups.twilio.push({ to: q.get("To") ?? "" });
      const list = sent.twilio
        .filter((x) => (!q.get("To") || x.to === q.get("To")) && (!q.get("From") || x.from === q.get("From")))
        .reverse()
        .map((x) => ({ sid: x.id, to: x.to, from: x.from, body: x.body, status: "sent", date_created: new Date(x.at).toUTCString(), date_sent: new Date(x.at).toUTCString() }));
      return json(res, 200, { messages: list, page: 0, page_size: Number(q.get("PageSize") ?? 50) });
    }
    const form = new URLSearchParams(body);
    const to = form.get("To") ?? "";
    const b = behaviour("twilio", to);
    attempts.twilio.push({ to, body: form.get("Body") ?? "", behaviour: b.mode });
    if (b.mode === "network") return req.socket.destroy();
    if (b.mode === "down") return json(res, 503, { code: 20503, message: "Service unavailable", status: 503 });
    if (b.mode === "error") return json(res, b.status, { code: Number(b.code), message: `Error ${b.code}`, status: b.status });
    if (!/^\+[1-9]\d{7,14}$/.test(to)) return json(res, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    if (!form.get("Body")) return json(res, 400, { code: 21602, message: "Message body is required.", status: 400 });
    if (b.mode === "hang") return sleep(b.delayMs).then(() => json(res, 503, { code: 20503, message: "Service unavailable", status: 503 }));
    const sid = `SM${(++seq).toString(16).padStart(32, "0")}`;
    sent.twilio.push({ id: sid, to, from: form.get("From") ?? form.get("MessagingServiceSid") ?? "", body: form.get("Body")!, callback: form.get("StatusCallback"), at: Date.now() });
    const answer = { sid, status: "queued", to, from: form.get("From"), body: form.get("Body"), error_code: null };
    if (b.mode === "garbled") return res.writeHead(200, { "Content-Type": "text/html" }), res.end("<html>upstream proxy</html>");
    if (b.mode === "slow") await sleep(b.delayMs);
    if (!res.destroyed) json(res, 201, answer);
  }

  async function telnyxApi(req: IncomingMessage, res: ServerResponse, path: string, body: string) {
    if (req.method !== "POST" || path !== "/v2/messages") return json(res, 404, { errors: [{ code: "10005", title: "Resource not found" }] });
    if (req.headers.authorization !== `Bearer ${TELNYX_KEY}`) {
      return json(res, 401, { errors: [{ code: "10009", title: "Authentication failed", detail: "The API key is invalid." }] });
    }
    let msg: { to?: string; from?: string; text?: string; webhook_url?: string };
    try {
      msg = JSON.parse(body);
    } catch {
      return json(res, 400, { errors: [{ code: "10015", title: "Bad request" }] });
    }
    const to = msg.to ?? "";
    const key = req.headers["idempotency-key"] as string | undefined;
    const prior = key ? idempotent.get(key) : undefined;
    if (prior && prior.body !== body) return json(res, 422, { errors: [{ code: "10015", title: "Idempotency key reused with another request" }] });
    const b = behaviour("telnyx", to);
    attempts.telnyx.push({ to, body: msg.text ?? "", behaviour: b.mode });
    if (prior) return json(res, 200, prior.answer);
    if (b.mode === "network") return req.socket.destroy();
    if (b.mode === "down") return json(res, 503, { errors: [{ code: "10007", title: "Unexpected error" }] });
    if (b.mode === "error") return json(res, b.status, { errors: [{ code: String(b.code), title: `Error ${b.code}`, detail: `Error ${b.code}` }] });
    if (!/^\+[1-9]\d{7,14}$/.test(to)) return json(res, 422, { errors: [{ code: "40310", title: "Invalid 'to' address" }] });
    if (b.mode === "hang") return sleep(b.delayMs).then(() => json(res, 503, { errors: [{ code: "10007", title: "Unexpected error" }] }));
    const id = `40${(++seq).toString(16).padStart(30, "0")}`;
    sent.telnyx.push({ id, to, from: msg.from ?? "", body: msg.text ?? "", callback: msg.webhook_url ?? null, at: Date.now() });
    const answer = { data: { id, record_type: "message", to: [{ phone_number: to, status: "queued" }], from: { phone_number: msg.from }, text: msg.text } };
    if (key) idempotent.set(key, { body, answer });
    if (b.mode === "garbled") return res.writeHead(200, { "Content-Type": "text/html" }), res.end("<html>upstream proxy</html>");
    if (b.mode === "slow") await sleep(b.delayMs);
    if (!res.destroyed) json(res, 200, answer);
  }

  return {
    publicKeyBase64: (publicKey.export({ format: "der", type: "spki" }) as Buffer).subarray(-32).toString("base64"),
    handle(provider: "twilio" | "telnyx", req: IncomingMessage, res: ServerResponse, path: string, body: string) {
      return provider === "twilio" ? twilioApi(req, res, path, body) : telnyxApi(req, res, path, body);
    },
    /** /__control/sms/…: behave, received, attempts, sign. */
    control(action: string, input: Record<string, unknown>, res: ServerResponse) {
      switch (action) {
        case "behave":
          behaviours.set(`${input.provider}:${input.to ?? "*"}`, input.behaviour as Behaviour);
          return json(res, 200, {});
        case "received": {
          const list = sent[input.provider as "twilio" | "telnyx"].filter((m) => !input.to || m.to === input.to);
          return json(res, 200, list);
        }
        case "lookups":
          return json(res, 200, lookups.twilio.filter((m) => !input.to || m.to === input.to));
        case "attempts":
          return json(res, 200, attempts[input.provider as "twilio" | "telnyx"].filter((m) => !input.to || m.to === input.to));
        case "sign-twilio":
          // The reference: Twilio's own SDK computes the signature.
          // `key` and `algorithm` (HMAC_SHA1 or HMAC_SHA256): a SharedKey signature per a Webhook Setting.
          return json(res, 200, {
            signature: twilio.getExpectedTwilioSignature((input.key as string) ?? TWILIO_TOKEN, input.url as string, input.params as Record<string, string>, input.algorithm as string | undefined),
            valid: (input.signature as string | undefined) !== undefined
              ? twilio.validateRequest((input.key as string) ?? TWILIO_TOKEN, input.signature as string, input.url as string, input.params as Record<string, string>, input.algorithm as string | undefined)
              : undefined,
          });
        case "sign-telnyx": {
          const payload = Buffer.from(`${input.timestamp}|${input.body}`);
          return json(res, 200, { signature: edSign(null, payload, privateKey as KeyObject).toString("base64") });
        }
        default:
          return json(res, 404, {});
      }
    },
  };
}
