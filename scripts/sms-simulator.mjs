// The local SMS simulator `npm start` runs beside wrangler dev: a fake Twilio and a fake Telnyx on
// 127.0.0.1 with local credentials and real signatures, so that failover and opt-outs can be watched on
// one machine (issue 23, "a local way to watch it"). The Worker sends to them (TWILIO_API_BASE_URL =
// <url>/twilio, TELNYX_API_BASE_URL = <url>/telnyx); each answers like its real API and then POSTs
// signed delivery reports to the callback it was given (Twilio: X-Twilio-Signature, HMAC-SHA1 with the
// auth token; Telnyx: Ed25519 over "timestamp|body" with a key pair made at start, whose public key
// `npm start` hands to the Worker as TELNYX_PUBLIC_KEY).
//
// Each provider has a switch a developer flips while the stack runs (the page, or POST /api/providers/<name>):
//   up            takes the text (Twilio 201, Telnyx 200), then reports "sent" and "delivered"
//   down          503, takes nothing (the Worker fails over)
//   slow          takes the text at once and answers only after the Worker's send timeout (the Worker
//                 must not fail over and text the guest twice: it waits, then confirms)
//   rate-limited  429, takes nothing
// Telnyx's Idempotency-Key is honoured as the real API does: the same key with the same body answers
// the message already taken (no second text); the same key with another body is refused (422).
// Replies as a guest (STOP, START, HELP, 1, 9 or anything) go to the Worker's inbound webhook of
// either provider, signed; "deliver again" repeats a webhook with the same ids, as providers retry.
// The page also shows the Worker's own view (GET <app>/api/dev/sms, development only): each
// provider's circuit breaker, the opt-out ledgers and the latest messages. README: "Trying SMS locally".
import { createHmac, generateKeyPairSync, randomBytes, sign as edSign } from "node:crypto";
import { createServer } from "node:http";

export const MODES = ["up", "down", "slow", "rate-limited"];
export const PROVIDER_NAMES = ["twilio", "telnyx"];
const LABEL = { twilio: "Twilio", telnyx: "Telnyx" };
const KEYWORDS = ["STOP", "START", "HELP", "1", "9"];

/** X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + sorted name+value pairs)). */
export function twilioSignature(authToken, url, params) {
  const data = [...params].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1)).reduce((s, [k, v]) => s + k + v, url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** telnyx-signature-ed25519: base64(Ed25519(private key, "<telnyx-timestamp>|<raw body>")). */
export function telnyxSignature(privateKey, timestamp, body) {
  return edSign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString("base64");
}

/**
 * Local credentials for both fake providers (never a real account's): Twilio's account SID, auth token
 * and number; Telnyx's API key, number and a fresh Ed25519 key pair (the public key as Telnyx's portal
 * shows it: the 32 raw bytes, base64).
 */
export function simulatorCredentials() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    twilio: { accountSid: `AC${randomBytes(16).toString("hex")}`, authToken: randomBytes(24).toString("hex"), from: "+15005550006" },
    telnyx: {
      apiKey: `KEYsim${randomBytes(20).toString("hex")}`,
      from: "+15005550007",
      privateKey,
      publicKey: publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64"),
    },
  };
}

const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function readBody(req) {
  return new Promise((resolve, reject) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (d) => {
      raw += d;
      if (raw.length > 64 * 1024) req.destroy();
    });
    req.on("end", () => resolve(raw));
    req.on("error", reject);
  });
}

/** Our message id, from the callback URL the Worker gave (`?m=`), to match the attempts of one text. */
function messageIdOf(callback) {
  try {
    return new URL(callback).searchParams.get("m");
  } catch {
    return null;
  }
}

/**
 * Starts the simulator. `appUrl` is where webhooks go (the Worker's APP_URL); `fetchImpl` carries them
 * (and the look-up of the Worker's view), so tests can see them. `sendTimeoutMs` is the Worker's send
 * timeout: a slow provider answers 2 s after it. `primary` only labels the page. Resolves with its URLs,
 * the `log` of everything it saw, `setMode`, `reply`, `redeliver` and `close()`.
 */
export async function startSmsSimulator({ port, appUrl, twilio, telnyx, sendTimeoutMs = 10_000, primary = "twilio", log = () => {}, fetchImpl = fetch }) {
  const app = appUrl.replace(/\/+$/, "");
  const modes = { twilio: "up", telnyx: "up" };
  /** Every text a provider took or refused, every Idempotency-Key replay and every guest reply, oldest first. */
  const entries = [];
  let seq = 0;
  const idempotent = new Map(); // Telnyx Idempotency-Key → { body, entry, answer }
  const slowDelayMs = () => sendTimeoutMs + 2000;

  const record = (fields) => {
    const e = { n: ++seq, at: new Date().toISOString(), ...fields };
    entries.push(e);
    return e;
  };

  // ---- webhooks to the Worker, signed as each provider signs ----------------------------------------
  const postTwilio = async (url, params) => {
    const list = Object.entries(params);
    const res = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilioSignature(twilio.authToken, url, list) },
      body: new URLSearchParams(list).toString(),
    });
    return res.status;
  };
  const postTelnyx = async (url, body) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "telnyx-timestamp": timestamp, "telnyx-signature-ed25519": telnyxSignature(telnyx.privateKey, timestamp, body) },
      body,
    });
    return res.status;
  };
  const telnyxEvent = (eventType, payload) =>
    JSON.stringify({ data: { event_type: eventType, id: crypto.randomUUID(), occurred_at: new Date().toISOString(), record_type: "event", payload }, meta: { attempt: 1, delivered_to: app } });

  const report = async (e, status) => {
    e.status = status;
    if (!e.callback) return;
    const answered =
      e.provider === "twilio"
        ? postTwilio(e.callback, { AccountSid: twilio.accountSid, MessageSid: e.providerId, SmsSid: e.providerId, MessageStatus: status, SmsStatus: status, To: e.to, From: e.from, ApiVersion: "2010-04-01" })
        : postTelnyx(
            e.callback,
            telnyxEvent(status === "sent" ? "message.sent" : "message.finalized", {
              id: e.providerId,
              record_type: "message",
              direction: "outbound",
              from: { phone_number: e.from },
              to: [{ phone_number: e.to, status }],
              text: e.body,
              errors: [],
            }),
          );
    e.reportAnswers = [...(e.reportAnswers ?? []), `${status} → ${await answered.catch(() => "unreachable")}`];
  };
  // Delivery reports follow a text the provider took, as the real ones do.
  const deliverReports = (e) => setTimeout(() => void report(e, "sent").then(() => setTimeout(() => void report(e, "delivered"), 300)), 300);

  function deliverInbound(e) {
    if (e.provider === "twilio") {
      return postTwilio(`${app}/webhooks/twilio/inbound`, { AccountSid: twilio.accountSid, MessageSid: e.providerId, SmsSid: e.providerId, From: e.from, To: e.to, Body: e.body, NumMedia: "0" });
    }
    return postTelnyx(
      `${app}/webhooks/telnyx`,
      telnyxEvent("message.received", {
        id: e.providerId,
        record_type: "message",
        direction: "inbound",
        type: "SMS",
        from: { phone_number: e.from, carrier: "Simulated", line_type: "Wireless" },
        to: [{ phone_number: e.to, status: "webhook_delivered" }],
        text: e.body,
        received_at: e.at,
      }),
    );
  }

  /** A guest's text to `provider`'s number, POSTed to the Worker's inbound webhook for that provider. */
  async function reply(provider, guest, body) {
    const providerId = provider === "twilio" ? `SM${randomBytes(16).toString("hex")}` : crypto.randomUUID();
    const e = record({ provider, direction: "inbound", providerId, from: guest, to: (provider === "twilio" ? twilio : telnyx).from, body, status: "received" });
    e.webhookAnswers = [String(await deliverInbound(e).catch(() => "unreachable"))];
    log(`📱 ${guest} replied "${body}" through ${LABEL[provider]} (webhook answered ${e.webhookAnswers[0]})`);
    return e;
  }

  /** The same inbound webhook again (same provider ids), as a provider's retry would send it. */
  async function redeliver(n) {
    const e = entries.find((x) => x.n === n && x.direction === "inbound");
    if (!e) return null;
    e.webhookAnswers.push(String(await deliverInbound(e).catch(() => "unreachable")));
    return e;
  }

  function setMode(provider, mode) {
    if (!PROVIDER_NAMES.includes(provider) || !MODES.includes(mode)) return false;
    modes[provider] = mode;
    log(`📶 ${LABEL[provider]} is now ${mode}`);
    return true;
  }

  // ---- the providers' REST APIs ---------------------------------------------------------------------
  const json = (res, status, body, extra = {}) => res.writeHead(status, { "Content-Type": "application/json", ...extra }).end(JSON.stringify(body));
  const lateJson = (res, status, body) => {
    if (!res.destroyed && !res.writableEnded) json(res, status, body);
  };

  async function twilioApi(req, res, path, query) {
    const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (!m || (req.method !== "POST" && req.method !== "GET")) return json(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
    if (m[1] !== twilio.accountSid || req.headers.authorization !== `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString("base64")}`) {
      return json(res, 401, { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
    }
    const mode = modes.twilio;
    const form = new URLSearchParams(req.method === "POST" ? await readBody(req) : "");
    const to = form.get("To") ?? "";
    const body = form.get("Body") ?? "";
    const callback = form.get("StatusCallback");
    if (mode === "down" || mode === "rate-limited") {
      if (req.method === "POST") refused("twilio", { to, body, messageId: messageIdOf(callback) }, mode === "down" ? 503 : 429);
      if (mode === "down") return json(res, 503, { code: 20503, message: "Service unavailable", status: 503 });
      return json(res, 429, { code: 20429, message: "Too Many Requests", status: 429 }, { "Retry-After": "1" });
    }
    if (req.method === "GET") {
      // The Message list (the Worker's look-up of a send whose answer it lost), newest first.
      const to = query.get("To");
      const from = query.get("From");
      const list = entries
        .filter((e) => e.provider === "twilio" && e.direction === "outbound" && e.taken && (!to || e.to === to) && (!from || e.from === from))
        .reverse()
        .map((e) => ({ sid: e.providerId, to: e.to, from: e.from, body: e.body, status: e.status, date_created: new Date(e.at).toUTCString() }));
      if (mode === "slow") await sleep(slowDelayMs());
      return lateJson(res, 200, { messages: list, page: 0, page_size: Number(query.get("PageSize") ?? 50) });
    }
    if (!/^\+[1-9]\d{7,14}$/.test(to)) return json(res, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    if (!body) return json(res, 400, { code: 21602, message: "Message body is required.", status: 400 });
    const e = record({ provider: "twilio", direction: "outbound", providerId: `SM${randomBytes(16).toString("hex")}`, to, from: form.get("From") ?? form.get("MessagingServiceSid") ?? "", body, callback, messageId: messageIdOf(callback), taken: true, status: "queued", mode });
    log(`📱 ${LABEL.twilio} took a text to ${to}${mode === "slow" ? " (answering late)" : ""}: ${body}`);
    deliverReports(e);
    const answer = { sid: e.providerId, status: "queued", to, from: e.from, body, error_code: null };
    if (mode === "slow") {
      await sleep(slowDelayMs());
      e.answer = res.destroyed ? "201, too late (the Worker had stopped waiting)" : "201, late";
      return lateJson(res, 201, answer);
    }
    e.answer = "201";
    return json(res, 201, answer);
  }

  async function telnyxApi(req, res, path) {
    if (req.method !== "POST" || path !== "/v2/messages") return json(res, 404, { errors: [{ code: "10005", title: "Resource not found" }] });
    if (req.headers.authorization !== `Bearer ${telnyx.apiKey}`) return json(res, 401, { errors: [{ code: "10009", title: "Authentication failed", detail: "The API key is invalid." }] });
    const raw = await readBody(req);
    let msg;
    try {
      msg = JSON.parse(raw);
    } catch {
      return json(res, 400, { errors: [{ code: "10015", title: "Bad request", detail: "The body is not JSON." }] });
    }
    const mode = modes.telnyx;
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    if (mode === "down" || mode === "rate-limited") {
      refused("telnyx", { to: msg?.to, body: msg?.text, messageId: messageIdOf(msg?.webhook_url) ?? key }, mode === "down" ? 503 : 429);
      if (mode === "down") return json(res, 503, { errors: [{ code: "10007", title: "Unexpected error", detail: "Service unavailable" }] });
      return json(res, 429, { errors: [{ code: "10011", title: "Too many requests", detail: "Rate limit exceeded." }] });
    }
    const prior = key ? idempotent.get(key) : undefined;
    if (prior && prior.raw !== raw) {
      return json(res, 422, { errors: [{ code: "10015", title: "Idempotency key reused", detail: "This Idempotency-Key was used with a different request." }] });
    }
    if (prior) {
      // The same request again: the message already taken, not a second one.
      record({ provider: "telnyx", direction: "outbound", replayOf: prior.entry.n, providerId: prior.entry.providerId, to: prior.entry.to, from: prior.entry.from, body: prior.entry.body, messageId: prior.entry.messageId, taken: false, status: "replayed", answer: "200, the same message (Idempotency-Key)" });
      if (mode === "slow") await sleep(slowDelayMs());
      return lateJson(res, 200, prior.answer);
    }
    const to = typeof msg?.to === "string" ? msg.to : "";
    if (!/^\+[1-9]\d{7,14}$/.test(to)) return json(res, 422, { errors: [{ code: "40310", title: "Invalid 'to' address" }] });
    if (typeof msg.text !== "string" || !msg.text) return json(res, 422, { errors: [{ code: "40305", title: "Invalid 'text'" }] });
    const callback = typeof msg.webhook_url === "string" ? msg.webhook_url : null;
    const e = record({ provider: "telnyx", direction: "outbound", providerId: crypto.randomUUID(), to, from: msg.from ?? telnyx.from, body: msg.text, callback, messageId: messageIdOf(callback) ?? key, taken: true, status: "queued", mode });
    const answer = { data: { id: e.providerId, record_type: "message", direction: "outbound", to: [{ phone_number: to, status: "queued" }], from: { phone_number: e.from }, text: msg.text, messaging_profile_id: msg.messaging_profile_id ?? null } };
    if (key) idempotent.set(key, { raw, entry: e, answer });
    log(`📱 ${LABEL.telnyx} took a text to ${to}${mode === "slow" ? " (answering late)" : ""}: ${msg.text}`);
    deliverReports(e);
    if (mode === "slow") {
      await sleep(slowDelayMs());
      e.answer = res.destroyed ? "200, too late (the Worker had stopped waiting)" : "200, late";
      return lateJson(res, 200, answer);
    }
    e.answer = "200";
    return json(res, 200, answer);
  }

  /** A refused send is an entry too, so the page shows the failover: one message id, two providers. */
  function refused(provider, { to, body, messageId }, status) {
    record({ provider, direction: "outbound", to: to ?? "", body: body ?? "", messageId: messageId ?? null, taken: false, status: "not taken", answer: `${status} (${modes[provider]})` });
    log(`📵 ${LABEL[provider]} refused a text to ${to} (${status}, ${modes[provider]})`);
  }

  // ---- the developer's page and control API ---------------------------------------------------------
  async function workerView() {
    try {
      const res = await fetchImpl(`${app}/api/dev/sms`, { signal: AbortSignal.timeout(2000) });
      if (!res.ok) return { error: `GET ${app}/api/dev/sms answered ${res.status}` };
      return await res.json();
    } catch (err) {
      return { error: `the Worker at ${app} is not reachable (${err?.name ?? "error"})` };
    }
  }

  const publicEntry = ({ callback, ...e }) => e;
  const state = async () => ({
    primary,
    sendTimeoutMs,
    providers: Object.fromEntries(PROVIDER_NAMES.map((p) => [p, { mode: modes[p], from: (p === "twilio" ? twilio : telnyx).from, apiBaseUrl: `${url}/${p}` }])),
    entries: entries.map(publicEntry),
    worker: await workerView(),
  });

  function page(s) {
    const guests = [...new Set(entries.filter((e) => e.direction === "outbound").map((e) => e.to))];
    const switches = PROVIDER_NAMES.map((p) => {
      const role = p === primary ? "primary" : "failover";
      const buttons = MODES.map((m) => {
        const caption = { up: "Up", down: "Down (503)", slow: `Slow (answers after ${Math.round(slowDelayMs() / 1000)} s)`, "rate-limited": "Rate-limited (429)" }[m];
        return `<button name="mode" value="${m}" aria-pressed="${modes[p] === m}"${modes[p] === m ? ' class="on"' : ""}>${esc(caption)}</button>`;
      }).join(" ");
      return `<form method="post" action="/switch" class="provider" aria-label="${LABEL[p]} switch"><input type="hidden" name="provider" value="${p}">
<h3>${LABEL[p]} <small>(${role}, ${esc((p === "twilio" ? twilio : telnyx).from)})</small>: <span class="mode" data-provider="${p}">${esc(modes[p])}</span></h3>${buttons}</form>`;
    }).join("");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Seatline SMS simulator</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:1rem auto;max-width:72rem;padding:0 1rem;color:#111}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border-bottom:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.provider{border:1px solid #999;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}button{margin:.15rem 0;padding:.3rem .6rem;font:inherit;cursor:pointer}button.on{background:#0b4f8a;color:#fff;border-color:#0b4f8a}
.twilio{color:#8a1c1c;font-weight:600}.telnyx{color:#0b5a2e;font-weight:600}.muted{color:#555}h3{margin:.2rem 0 .4rem;font-size:1rem}.bad{color:#8a1c1c}.ok{color:#0b5a2e}</style></head><body><main>
<h1>SMS simulator</h1>
<p>A fake Twilio and a fake Telnyx for the local Seatline at <a href="${esc(app)}">${esc(app)}</a>. Texts are sent by the Worker's real provider clients; delivery reports and guest replies reach its webhooks signed (Twilio HMAC, Telnyx Ed25519). Flip a provider to see failover; reply STOP through either one to see the opt-out hold on both.</p>
<h2>Providers</h2>${switches}
<h2>Reply as a guest</h2>
<form method="post" action="/reply"><label>Guest <input name="from" list="guests" required placeholder="+12125550177" value="${esc(guests.at(-1) ?? "")}"></label><datalist id="guests">${guests.map((g) => `<option>${esc(g)}</option>`).join("")}</datalist>
<label>through <select name="provider">${PROVIDER_NAMES.map((p) => `<option value="${p}">${LABEL[p]}</option>`).join("")}</select></label>
<label>Text <input name="text" placeholder="Running late!"></label> <button>Send</button>
or ${KEYWORDS.map((k) => `<button name="keyword" value="${k}">${k}</button>`).join(" ")}</form>
<div id="live">${live(s)}</div>
<script>
// Refreshes the lists every 2 s (the forms above keep what you typed).
setInterval(async () => {
  try {
    const html = await (await fetch("/live")).text();
    document.getElementById("live").innerHTML = html;
  } catch {}
}, 2000);
</script></main></body></html>`;
  }

  function live(s) {
    const rows = entries
      .slice()
      .reverse()
      .map((e) => {
        const who = e.direction === "outbound" ? `→ ${esc(e.to)}` : `← ${esc(e.from)}`;
        let what;
        if (e.direction === "inbound") {
          what = `received; webhook answered ${esc(e.webhookAnswers.join(", then "))} <form method="post" action="/redeliver" style="display:inline"><input type="hidden" name="n" value="${e.n}"><button>Deliver again</button></form>`;
        } else if (e.replayOf) {
          what = `replayed: ${esc(e.answer)} of #${e.replayOf}, no new text`;
        } else if (!e.taken) {
          what = `<span class="bad">not taken: answered ${esc(e.answer)}</span>`;
        } else {
          what = `<span class="ok">${esc(e.status)}</span> (answered ${esc(e.answer ?? "…")}${e.reportAnswers ? `; reports ${esc(e.reportAnswers.join(", "))}` : ""})`;
        }
        return `<tr><td>#${e.n}</td><td>${esc(e.at.slice(11, 19))}</td><td class="${e.provider}">${LABEL[e.provider]}</td><td>${who}</td><td>${esc(e.body)}</td><td class="muted">${esc(e.messageId ?? "")}</td><td>${what}</td></tr>`;
      })
      .join("");
    const w = s.worker;
    let worker;
    if (w.error) worker = `<p class="muted">${esc(w.error)}</p>`;
    else {
      const health = w.providers
        .map((p) => `<tr><td class="${p.provider}">${LABEL[p.provider]}</td><td>${p.configured ? "yes" : "no"}</td><td>${p.circuit === "open" ? `<span class="bad">open</span> until ${esc(p.openUntil)}` : "closed"}</td><td>${p.consecutiveFailures} of ${w.breakerThreshold}</td></tr>`)
        .join("");
      const optOuts = w.optOuts.length
        ? w.optOuts.map((o) => `<tr><td>${esc(o.phone)}</td><td>${esc(o.ledger)}</td><td>${esc(o.source)}</td><td>${esc(o.createdAt)}</td></tr>`).join("")
        : `<tr><td colspan="4" class="muted">No one has opted out.</td></tr>`;
      const msgs = w.messages
        .map((m) => `<tr><td>${esc(m.createdAt.slice(11, 19))}</td><td>${m.direction === "outbound" ? `→ ${esc(m.to)}` : `← ${esc(m.from)}`}</td><td>${esc(m.kind)}</td><td>${esc(m.body)}</td><td class="${esc(m.provider ?? "")}">${esc(m.provider ? LABEL[m.provider] ?? m.provider : "–")}</td><td>${esc(m.status)}${m.errorCode ? ` (${esc(m.errorCode)})` : ""}</td><td>${m.attempts}</td><td class="muted">${esc(m.id)}</td></tr>`)
        .join("");
      worker = `<h3>Providers (circuit breaker)</h3><table><thead><tr><th>Provider</th><th>Configured</th><th>Circuit</th><th>Failures in a row</th></tr></thead><tbody>${health}</tbody></table>
<h3>Opt-outs</h3><table><thead><tr><th>Phone</th><th>Ledger</th><th>Source</th><th>At</th></tr></thead><tbody>${optOuts}</tbody></table>
<h3>Latest messages</h3><table><thead><tr><th>At (UTC)</th><th>Who</th><th>Kind</th><th>Text</th><th>Provider</th><th>Status</th><th>Attempts</th><th>Message id</th></tr></thead><tbody>${msgs}</tbody></table>`;
    }
    return `<h2>What the providers saw</h2><table><thead><tr><th>#</th><th>At (UTC)</th><th>Provider</th><th>Who</th><th>Text</th><th>Seatline message id</th><th>Answer and status</th></tr></thead><tbody>${rows || `<tr><td colspan="7" class="muted">Nothing yet: add a party with a phone on the host screen.</td></tr>`}</tbody></table>
<h2>What the Worker sees <small class="muted">(GET ${esc(app)}/api/dev/sms, development only)</small></h2>${worker}`;
  }

  const server = createServer(async (req, res) => {
    const u = new URL(req.url, "http://sim");
    const send = (status, type, body) => res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
    const sendJson = (status, body) => send(status, "application/json", JSON.stringify(body));
    try {
      for (const p of PROVIDER_NAMES) {
        if (u.pathname.startsWith(`/${p}/`)) {
          const path = u.pathname.slice(p.length + 1);
          return p === "twilio" ? await twilioApi(req, res, path, u.searchParams) : await telnyxApi(req, res, path);
        }
      }
      if (req.method === "GET" && u.pathname === "/") return send(200, "text/html; charset=utf-8", page(await state()));
      if (req.method === "GET" && u.pathname === "/live") return send(200, "text/html; charset=utf-8", live(await state()));
      if (req.method === "GET" && (u.pathname === "/api/state" || u.pathname === "/texts.json")) return sendJson(200, await state());
      if (req.method === "POST" && u.pathname === "/api/providers/twilio") return control("twilio", req, res, sendJson);
      if (req.method === "POST" && u.pathname === "/api/providers/telnyx") return control("telnyx", req, res, sendJson);
      if (req.method === "POST" && u.pathname === "/api/reply") {
        const input = parseJson(await readBody(req));
        const problem = replyProblem(input);
        if (problem) return sendJson(400, { error: problem });
        return sendJson(201, publicEntry(await reply(input.provider, input.from, input.body)));
      }
      if (req.method === "POST" && u.pathname === "/api/redeliver") {
        const input = parseJson(await readBody(req));
        const e = await redeliver(Number(input?.n));
        return e ? sendJson(200, publicEntry(e)) : sendJson(404, { error: "No guest reply with that number." });
      }
      // The page's forms (plain HTML posts, answered with a redirect back to the page).
      if (req.method === "POST" && u.pathname === "/switch") {
        const f = new URLSearchParams(await readBody(req));
        if (!setMode(f.get("provider"), f.get("mode"))) return send(400, "text/plain", `Give a provider (${PROVIDER_NAMES.join(", ")}) and a mode (${MODES.join(", ")}).`);
        return res.writeHead(303, { Location: "/" }).end();
      }
      if (req.method === "POST" && u.pathname === "/reply") {
        const f = new URLSearchParams(await readBody(req));
        const input = { provider: f.get("provider") ?? "twilio", from: f.get("from") ?? "", body: f.get("keyword") || f.get("text") || "" };
        const problem = replyProblem(input);
        if (problem) return send(400, "text/plain", problem);
        await reply(input.provider, input.from, input.body);
        return res.writeHead(303, { Location: "/" }).end();
      }
      if (req.method === "POST" && u.pathname === "/redeliver") {
        const f = new URLSearchParams(await readBody(req));
        if (!(await redeliver(Number(f.get("n"))))) return send(404, "text/plain", "No guest reply with that number.");
        return res.writeHead(303, { Location: "/" }).end();
      }
      sendJson(404, { error: "Not found" });
    } catch (err) {
      if (!res.headersSent) send(500, "text/plain", String(err));
    }
  });

  async function control(provider, req, res, sendJson) {
    const input = parseJson(await readBody(req));
    if (!setMode(provider, input?.mode)) return sendJson(400, { error: `mode must be one of ${MODES.join(", ")}` });
    return sendJson(200, { provider, mode: modes[provider] });
  }

  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    twilioUrl: `${url}/twilio`,
    telnyxUrl: `${url}/telnyx`,
    entries,
    modes,
    setMode,
    reply,
    redeliver,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(r);
      }),
  };
}

function parseJson(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function replyProblem(input) {
  if (!input || !PROVIDER_NAMES.includes(input.provider)) return `provider must be one of ${PROVIDER_NAMES.join(", ")}`;
  if (typeof input.from !== "string" || !/^\+\d{6,15}$/.test(input.from)) return "from must be the guest's number in E.164 (+12125550177)";
  if (typeof input.body !== "string" || !input.body || input.body.length > 1600) return "body must be the text of the reply";
  return null;
}
