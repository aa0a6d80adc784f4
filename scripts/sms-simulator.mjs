// The local SMS simulator `npm start` runs beside wrangler dev: a fake Twilio on 127.0.0.1 with real
// credentials and real signatures. The Worker sends texts to it (TWILIO_API_BASE_URL), it answers like
// Twilio's REST API and then POSTs signed delivery reports ("sent", "delivered") to the StatusCallback;
// its page lists every text and lets you reply as the guest, which it POSTs to
// APP_URL/webhooks/twilio/inbound signed with X-Twilio-Signature, as Twilio would. README: Security.
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";

/** X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + sorted name+value pairs)). */
export function twilioSignature(authToken, url, params) {
  const data = [...params].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1)).reduce((s, [k, v]) => s + k + v, url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Local credentials for the fake provider (never a real Twilio account's). */
export function simulatorCredentials() {
  return { accountSid: `AC${randomBytes(16).toString("hex")}`, authToken: randomBytes(24).toString("hex"), from: "+15005550006" };
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readForm(req) {
  return new Promise((resolve, reject) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (d) => {
      raw += d;
      if (raw.length > 64 * 1024) req.destroy();
    });
    req.on("end", () => resolve(new URLSearchParams(raw)));
    req.on("error", reject);
  });
}

/**
 * Starts the simulator; `appUrl` is where webhooks go (the Worker's APP_URL; `fetchImpl` carries them,
 * so tests can see them). Resolves with its URL,
 * the texts it holds, `reply(from, body)` and `close()`.
 */
export async function startSmsSimulator({ port, appUrl, accountSid, authToken, from, log = () => {}, fetchImpl = fetch }) {
  const texts = [];
  const post = async (url, params) => {
    const entries = Object.entries(params);
    const res = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilioSignature(authToken, url, entries) },
      body: new URLSearchParams(entries),
    });
    return res.status;
  };
  const report = async (t, status) => {
    t.status = status;
    if (t.callback) t.reportStatus = await post(t.callback, { AccountSid: accountSid, MessageSid: t.sid, SmsSid: t.sid, MessageStatus: status, SmsStatus: status, To: t.to, From: t.from }).catch(() => "unreachable");
  };
  const reply = async (guest, body) => {
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const t = { sid, direction: "inbound", from: guest, to: from, body, status: "received", at: new Date().toISOString() };
    texts.push(t);
    t.webhookStatus = await post(`${appUrl.replace(/\/+$/, "")}/webhooks/twilio/inbound`, { AccountSid: accountSid, MessageSid: sid, SmsSid: sid, From: guest, To: from, Body: body, NumMedia: "0" }).catch(() => "unreachable");
    log(`📱 ${guest} replied "${body}" (webhook answered ${t.webhookStatus})`);
    return t;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://sim");
    const send = (status, type, body) => res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
    try {
      if (req.method === "POST" && url.pathname === `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
        if (req.headers.authorization !== `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`) {
          return send(401, "application/json", JSON.stringify({ code: 20003, message: "Authenticate", status: 401 }));
        }
        const form = await readForm(req);
        const t = { sid: `SM${randomBytes(16).toString("hex")}`, direction: "outbound", to: form.get("To"), from: form.get("From") ?? form.get("MessagingServiceSid"), body: form.get("Body"), callback: form.get("StatusCallback"), status: "queued", at: new Date().toISOString() };
        texts.push(t);
        log(`📱 SMS to ${t.to}: ${t.body}`);
        send(201, "application/json", JSON.stringify({ sid: t.sid, status: "queued", to: t.to, from: t.from, body: t.body }));
        // Delivery reports follow, as Twilio's do, signed.
        setTimeout(() => void report(t, "sent").then(() => setTimeout(() => void report(t, "delivered"), 300)), 300);
        return;
      }
      if (req.method === "GET" && url.pathname === "/texts.json") return send(200, "application/json", JSON.stringify({ texts }));
      if (req.method === "POST" && url.pathname === "/reply") {
        const form = await readForm(req);
        const guest = form.get("from") ?? "";
        const body = form.get("body") ?? "";
        if (!/^\+\d{6,15}$/.test(guest) || !body) return send(400, "text/plain", "Give the guest's number (E.164) and a body.");
        await reply(guest, body);
        return res.writeHead(303, { Location: "/" }).end();
      }
      if (req.method === "GET" && url.pathname === "/") {
        const guests = [...new Set(texts.filter((t) => t.direction === "outbound").map((t) => t.to))];
        const rows = texts
          .slice()
          .reverse()
          .map((t) => `<tr><td>${esc(t.at)}</td><td>${t.direction === "outbound" ? "→ " + esc(t.to) : "← " + esc(t.from)}</td><td>${esc(t.body)}</td><td>${esc(t.status)}${t.webhookStatus ? ` (webhook ${esc(t.webhookStatus)})` : ""}</td></tr>`)
          .join("");
        const options = guests.map((g) => `<option>${esc(g)}</option>`).join("");
        return send(
          200,
          "text/html; charset=utf-8",
          `<!doctype html><html lang="en"><meta charset="utf-8"><title>Seatline SMS simulator</title>
<h1>SMS simulator</h1><p>Texts the local Seatline sent (as Twilio), with their signed delivery reports. Reply as a guest: the reply is POSTed, signed, to ${esc(appUrl)}/webhooks/twilio/inbound.</p>
<form method="post" action="/reply"><label>Guest <input name="from" list="guests" required placeholder="+14155550190"></label><datalist id="guests">${options}</datalist>
<label>Reply <input name="body" required placeholder="1"></label> <button>Send reply</button></form>
<table><thead><tr><th>At</th><th>Who</th><th>Text</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></html>`,
        );
      }
      send(404, "application/json", JSON.stringify({ code: 20404, message: "Not found", status: 404 }));
    } catch (err) {
      send(500, "text/plain", String(err));
    }
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, texts, reply, close: () => new Promise((r) => server.close(r)) };
}
