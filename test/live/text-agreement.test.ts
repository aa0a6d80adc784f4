// Every copy of a value is the same (issue 20, item 4): what the live view shows, what D1 history
// keeps and what the export holds agree, because free text is normalized once at the edge; text that
// is not valid Unicode is refused with the one error shape and changes nothing.
import { env, runDurableObjectAlarm, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { closeAll, isSnapshot, openHost } from "./socket";

afterEach(closeAll);

const NFD = "Jose\u0301 Mu\u0303noz"; // decomposed é and ñ
const NFC = NFD.normalize("NFC");

describe("free text: one value everywhere", () => {
  it("a decomposed name is stored NFC: REST, the live line, D1 history and the export agree", async () => {
    const o = await signUp();
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const add = await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: NFD, partySize: 2, notes: "window\r\nplease" } });
    expect(add.status).toBe(201);
    expect(add.json.name).toBe(NFC);
    const live = await host.next((m) => m?.event === "party.created");
    expect(live.party.name).toBe(NFC);
    expect(live.party.notes).toBe("window\nplease");
    const id = add.json.id;
    await call("POST", `/api/locations/${o.locationId}/waitlist/${id}/seat`, { token: o.token });
    // The outbox carries the change to D1.
    await runDurableObjectAlarm(env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId)));
    const row = await env.DB.prepare("SELECT name, notes FROM parties WHERE id = ?").bind(id).first<{ name: string; notes: string }>();
    expect(row).toEqual({ name: NFC, notes: "window\nplease" });
    const history = await call("GET", `/api/locations/${o.locationId}/history`, { token: o.token });
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.json)).toContain(JSON.stringify(NFC));
    const exported = await call("GET", "/api/account/export?format=json", { token: o.token });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(JSON.stringify(NFC).slice(1, -1));
    expect(exported.text).not.toContain(NFD);
  });

  it.each([
    ["a lone surrogate", "\ud800x"],
    ["a NUL byte", "Ana\u0000"],
    ["an escape character", "Ana\u001b[31m"],
    ["U+FFFD from invalid UTF-8", "Ana\ufffd"],
    ["a newline in a one-line field", "Ana\nBeth"],
  ])("refuses %s in a name: 400 validation_failed at the field, nothing added", async (_what, name) => {
    const o = await signUp();
    const res = await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name, partySize: 2 } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: "validation_failed", message: expect.any(String), details: [expect.objectContaining({ path: "name" })] } });
    expect((await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token })).json.parties).toEqual([]);
  });

  it("refuses invalid UTF-8 bytes in the body the same way", async () => {
    const o = await signUp();
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"Ana'), 0xff, 0xfe, ...new TextEncoder().encode('","size":2}')]);
    const raw = await SELF.fetch(`https://seatline.test/api/locations/${o.locationId}/waitlist`, {
      method: "POST",
      headers: { Authorization: `Bearer ${o.token}`, "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.1" },
      body: bytes,
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as any).error.code).toBe("validation_failed");
  });

  it("counts lengths in code points: 80 emoji fit an 80-character name, 81 do not", async () => {
    const o = await signUp();
    const ok = await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: "🍕".repeat(80), partySize: 2 } });
    expect(ok.status).toBe(201);
    const tooLong = await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: "🍕".repeat(81), partySize: 2 } });
    expect(tooLong.status).toBe(400);
  });

  it("applies to guest check-in, reservations, tables and texts too (one rule)", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}`;
    const table = await call("POST", `${base}/tables`, { token: o.token, body: { name: "T\u0000", minSeats: 1, maxSeats: 4 } });
    expect(table.status).toBe(400);
    expect(table.json.error.code).toBe("validation_failed");
    expect((await call("GET", `${base}/tables`, { token: o.token })).json.tables).toEqual([]);
    const slug = (await call("GET", base, { token: o.token })).json.slug;
    const guest = await call("POST", `/api/public/locations/${slug}/waitlist`, { body: { name: "\udfff", phone: "+12125550142", partySize: 2, smsConsent: true } });
    expect(guest.status).toBe(400);
    expect(guest.json.error.details).toEqual([expect.objectContaining({ path: "name" })]);
  });
});
