// Seatline driven through its real API: sign-up confirmed by the emailed link (read from the dev
// outbox), locations, parties, live tickets, and the host/guest socket URLs.
import { randomBytes } from "node:crypto";
import { request, pool } from "./http.mjs";
import { Client } from "./sockets.mjs";
import { sleep } from "./stats.mjs";

export const PASSWORD = "Bench-Line-2026!";

/** Signs up (202), follows the confirmation link from the dev outbox, and returns the session. */
export async function signUp(base) {
  const email = `bench-${randomBytes(6).toString("hex")}@seatline.local`;
  await request(base, "POST", "/api/auth/signup", {
    body: { accountName: "Bench Bistro", name: "Bench Owner", email, password: PASSWORD, timezone: "America/New_York" },
    expect: 202,
  });
  // The email is written after the response (waitUntil); poll the outbox for it.
  let token = null;
  for (let i = 0; i < 100 && !token; i++) {
    const { emails } = await request(base, "GET", "/api/dev/outbox");
    const mail = emails.find((e) => e.to === email);
    token = mail?.text.match(/\/signup\/confirm\/([A-Za-z0-9_-]+)/)?.[1] ?? null;
    if (!token) await sleep(100);
  }
  if (!token) throw new Error("the sign-up confirmation email never reached the dev outbox");
  const session = await request(base, "POST", "/api/auth/signup/confirm", { body: { token }, expect: 201 });
  return { email, token: session.token, firstLocation: session.location };
}

export class Seatline {
  constructor(base, session) {
    this.base = base;
    this.session = session;
    this.token = session.token;
  }

  api(method, path, body, opts = {}) {
    return request(this.base, method, path, { body, token: this.token, ...opts });
  }

  async createLocation(name) {
    const loc = await this.api("POST", "/api/locations", { name, timezone: "America/New_York" }, { expect: 201 });
    return loc.id;
  }

  /** Adds `n` parties; returns [{id, guestToken}] in line order. */
  async addParties(locationId, n, concurrency = 6, prefix = "Guest") {
    const added = await pool(n, concurrency, async (i) => {
      const r = await this.api("POST", `/api/locations/${locationId}/waitlist`, { name: `${prefix} ${i + 1}`, partySize: 1 + (i % 6), phone: null }, { expect: 201 });
      return { id: r.id, guestToken: r.guestUrl.split("/w/")[1] };
    });
    return added;
  }

  async ticketUrl(locationId) {
    const t = await this.api("POST", `/api/locations/${locationId}/live-ticket`, undefined, { expect: 201 });
    return this.base.replace(/^http/, "ws") + t.url;
  }

  guestUrl(guestToken) {
    return `${this.base.replace(/^http/, "ws")}/api/public/parties/${guestToken}/live`;
  }

  async hostClients(locationId, n) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(new Client(await this.ticketUrl(locationId), "host"));
    return out;
  }

  guestClients(parties) {
    return parties.map((p) => new Client(this.guestUrl(p.guestToken), "guest"));
  }

  /** One host action by REST; returns the location version it produced. */
  async act(locationId, partyId, action, body) {
    const r = await this.api("POST", `/api/locations/${locationId}/waitlist/${partyId}/${action}`, body, { expect: 200 });
    return r.version;
  }

  /** The line in order (ids), as the DO sees it now. */
  async line(locationId) {
    const r = await this.api("GET", `/api/locations/${locationId}/waitlist`);
    return r.parties.map((p) => p.id);
  }
}
