// A guest's erasure (a data-subject request): owner/admin only, every location's live state and D1,
// audited without the number; the opt-out ledger keeps it.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call, signUp, waitFor } from "../helpers/api";
import { flushed, guestOf, newPhone, seatedVisit, stubOf } from "./support";
import { booked, bookPlace, dayFromNow, localIso, reservationAct } from "../reservations/support";

async function d1Count(table: string, where: string, ...args: unknown[]) {
  return (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).bind(...args).first<{ n: number }>())!.n;
}

describe("erasing a guest", () => {
  it("deletes their parties at every location (in line and past), texts, tags and notes; keeps others; audited", async () => {
    const o = await bookPlace();
    const second = await call("POST", "/api/locations", { token: o.token, body: { name: "Second", timezone: "UTC" } });
    const phone = newPhone();
    const other = newPhone();
    // A booking ahead and one attended, both under the number.
    const ahead = await booked(o, { start: localIso(dayFromNow(3, o.timezone), "19:00", o.timezone), phone, name: "Garcia" });
    const attended = await booked(o, { start: localIso(dayFromNow(1, o.timezone), "19:00", o.timezone), phone, name: "Garcia" });
    expect((await reservationAct(o, attended.id, "arrive")).status).toBe(200);
    const past = await seatedVisit(o, o.locationId, phone);
    const elsewhere = await seatedVisit(o, second.json.id, phone);
    const kept = await seatedVisit(o, o.locationId, other, "Kept");
    await flushed(o.locationId, [past, kept]);
    await waitFor(async () => (await d1Count("reservations", "account_id = ? AND phone = ?", o.accountId, phone)) === 2, 10_000, "the bookings in D1");
    await flushed(second.json.id, [elsewhere]);
    // In line now at the first location, with texts queued to the number.
    const waiting = await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: "Garcia", partySize: 2, phone, smsConsent: true } });
    expect(waiting.status).toBe(201);
    await call("POST", `/api/locations/${o.locationId}/waitlist/${waiting.json.id}/notify`, { token: o.token });
    await runDurableObjectAlarm(stubOf(o.locationId));
    await waitFor(async () => (await d1Count("messages", "account_id = ? AND to_phone = ?", o.accountId, phone)) > 0, 10_000, "the text in D1");
    await env.DB.prepare("INSERT INTO sms_opt_outs (account_id, phone, source, created_at) VALUES (?, ?, 'stop', ?)").bind(o.accountId, phone, Date.now()).run();
    const g = await guestOf(o, phone);
    await call("PATCH", `/api/guests/${g.id}`, { token: o.token, body: { tags: ["VIP"], notes: "Window seat" } });

    const admin = await addMember(o, "admin");
    const res = await call("DELETE", `/api/guests/${g.id}`, { token: admin.token });
    expect(res.status, res.text).toBe(204);

    expect(await d1Count("parties", "account_id = ? AND phone = ?", o.accountId, phone)).toBe(0);
    expect(await d1Count("reservations", "account_id = ? AND phone = ?", o.accountId, phone)).toBe(0);
    expect((await call("GET", `${o.base}/reservations/${ahead.id}`, { token: o.token })).status).toBe(404);
    expect(await d1Count("messages", "account_id = ? AND (to_phone = ? OR from_phone = ?)", o.accountId, phone, phone)).toBe(0);
    expect(await d1Count("guests", "account_id = ? AND phone = ?", o.accountId, phone)).toBe(0);
    for (const loc of [o.locationId, second.json.id]) {
      const inDo = await runInDurableObject(stubOf(loc), (_i, state) => ({
        parties: state.storage.sql.exec("SELECT COUNT(*) AS n FROM parties WHERE phone = ?", phone).one().n,
        bookings: state.storage.sql.exec("SELECT COUNT(*) AS n FROM reservations WHERE phone = ?", phone).one().n,
        texts: state.storage.sql.exec("SELECT COUNT(*) AS n FROM sms_outbox WHERE to_phone = ?", phone).one().n,
        events: state.storage.sql.exec("SELECT COUNT(*) AS n FROM events WHERE instr(message, ?) > 0", phone).one().n,
      }));
      expect(inDo).toEqual({ parties: 0, bookings: 0, texts: 0, events: 0 });
    }
    const line = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(line.text).not.toContain(phone);
    // Everyone else's history stays; the STOP is still honoured.
    expect(await d1Count("parties", "id = ?", kept)).toBe(1);
    expect((await guestOf(o, other)).visitCount).toBe(1);
    expect(await d1Count("sms_opt_outs", "account_id = ? AND phone = ?", o.accountId, phone)).toBe(1);
    // The number is no guest any more, and the old id is gone.
    expect(await guestOf(o, phone)).toBeNull();
    expect((await call("GET", `/api/guests/${g.id}`, { token: o.token })).status).toBe(404);
    expect((await call("DELETE", `/api/guests/${g.id}`, { token: o.token })).status).toBe(404);

    const log = await env.DB.prepare("SELECT user_id, target_type, target_id, detail FROM audit_log WHERE account_id = ? AND action = 'guest.erased'").bind(o.accountId).all<any>();
    expect(log.results).toHaveLength(1);
    expect(log.results[0]).toMatchObject({ user_id: admin.userId, target_type: "guest", target_id: g.id });
    expect(JSON.parse(log.results[0].detail)).toMatchObject({ parties: 3, reservations: 2 });
    expect(log.results[0].detail).not.toContain(phone.slice(2));
  });

  it("an erased party is not carried back into D1 by a later flush", async () => {
    const o = await signUp();
    const phone = newPhone();
    const id = await seatedVisit(o, o.locationId, phone);
    await flushed(o.locationId, [id]);
    // A change after the last flush: still in the DO's outbox when the erasure comes.
    await call("PATCH", `/api/locations/${o.locationId}/waitlist/${id}`, { token: o.token, body: { notes: "late change" } });
    const g = await guestOf(o, phone);
    expect((await call("DELETE", `/api/guests/${g.id}`, { token: o.token })).status).toBe(204);
    await flushed(o.locationId, []);
    expect(await d1Count("parties", "id = ?", id)).toBe(0);
  });
});
