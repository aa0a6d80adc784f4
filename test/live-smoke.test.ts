import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, ORIGIN, signUp, waitFor } from "./helpers/api";

async function connect(path: string) {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Upgrade: "websocket" } });
  const ws = res.webSocket;
  if (!ws) throw new Error(`no websocket: ${res.status} ${await res.text()}`);
  const messages: any[] = [];
  ws.addEventListener("message", (e) => {
    messages.push(JSON.parse(e.data as string));
  });
  ws.accept();
  return { ws, messages };
}

describe("live smoke", () => {
  it("host and guest sockets follow changes", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const t = await call("POST", `${base}/live-ticket`, { token: o.token });
    expect(t.status).toBe(201);
    const host = await connect(t.json.url);
    await waitFor(async () => host.messages.length >= 1);
    expect(host.messages[0]).toMatchObject({ type: "snapshot", version: 0, parties: [] });
    const a = await call("POST", `${base}/waitlist`, { token: o.token, body: { name: "A", partySize: 2 } });
    const b = await call("POST", `${base}/waitlist`, { token: o.token, body: { name: "B", partySize: 2 } });
    const guest = await connect(`/api/public/parties/${b.json.guestUrl.split("/w/")[1]}/live`);
    await waitFor(async () => guest.messages.length >= 1);
    expect(guest.messages[0]).toMatchObject({ type: "status", status: "waiting", position: 2 });
    await call("POST", `${base}/waitlist/${a.json.id}/seat`, { token: o.token });
    await waitFor(async () => guest.messages.length >= 2);
    expect(guest.messages[1]).toMatchObject({ type: "status", position: 1 });
    await waitFor(async () => host.messages.length >= 4);
    expect(host.messages.slice(1).map((m) => m.event)).toEqual(["party.created", "party.created", "party.status_changed"]);
    const reuse = await SELF.fetch(`${ORIGIN}${t.json.url}`, { headers: { Upgrade: "websocket" } });
    expect(reuse.status).toBe(401);
  });
});
