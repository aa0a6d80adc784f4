// A booking's confirmation, change and cancellation reach the guest by text (with consent, in their
// language, never to an opted-out number) and by email when they gave one (issue 21, "Booking that
// fits a phone"): whoever made the change — the guest's manage link, a host, a reply of 9.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, waitFor } from "../helpers/api";
import { flush, messageRow, received, rowsTo, textIn, waitForStatus } from "../sms/helpers";
import { bookPlace, dayFromNow, freshPhone, localIso, publicBook, reservationAct, textsAbout } from "./support";

let n = 0;
const freshEmail = () => `guest.${Date.now().toString(36)}.${++n}@example.com`;

async function emailsTo(to: string): Promise<{ subject: string; text: string; html: string }[]> {
  return (await env.DB.prepare("SELECT subject, text, html FROM dev_outbox WHERE to_address = ? ORDER BY created_at, rowid").bind(to).all<any>()).results;
}

async function waitForEmails(to: string, count: number) {
  return waitFor(async () => {
    const list = await emailsTo(to);
    return list.length >= count && list;
  }, 10_000, `${count} email(s) to ${to}`);
}

async function booking(opts: { email?: string | null; phone?: string; smsConsent?: boolean; language?: string } = {}) {
  const p = await bookPlace();
  const phone = opts.phone ?? freshPhone();
  const email = opts.email === undefined ? freshEmail() : opts.email;
  const date = dayFromNow(2, p.timezone);
  const res = await publicBook(p, { name: "Lena", phone, start: localIso(date, "19:00", p.timezone), smsConsent: opts.smsConsent ?? true, ...(email && { email }), ...(opts.language && { language: opts.language }) });
  expect(res.status, res.text).toBe(201);
  const id = await runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT id FROM reservations").one().id as string);
  return { p, phone, email, date, id, token: res.json.token as string };
}

describe("booking messages to the guest", () => {
  it("confirmation: a text and an email with the time and the manage link", async () => {
    const b = await booking();
    await flush(b.p.locationId);
    await waitForStatus(b.phone, "reservation_confirmation", "sent");
    const [mail] = await waitForEmails(b.email!, 1);
    expect(mail!.subject).toMatch(/^Your table at .+ is booked$/);
    expect(mail!.text).toContain(`https://seatline.test/book/${b.token}`);
    expect(mail!.text).toMatch(/7:00\s?PM · party of 2/);
    expect(mail!.html).toContain(`<a href="https://seatline.test/book/${b.token}">Change or cancel your booking</a>`);
  });

  it("a change of time or size through the manage link: a text and an email with the new time", async () => {
    const b = await booking();
    await flush(b.p.locationId);
    const res = await call("PATCH", `/api/public/reservations/${b.token}`, { body: { start: localIso(b.date, "20:30", b.p.timezone), partySize: 3 } });
    expect(res.status, res.text).toBe(200);
    await flush(b.p.locationId);
    const changed = await waitForStatus(b.phone, "reservation_changed", "sent");
    expect(changed.body).toMatch(/has changed: it is now for .*20:30/);
    const got = await received("twilio", b.phone);
    expect(got.map((m) => m.body)).toContainEqual(changed.body);
    const mails = await waitForEmails(b.email!, 2);
    expect(mails[1]!.subject).toMatch(/has changed$/);
    expect(mails[1]!.text).toMatch(/8:30\s?PM · party of 3/);
  });

  it("a host's change of notes only tells the guest nothing", async () => {
    const b = await booking();
    await flush(b.p.locationId);
    await waitForEmails(b.email!, 1);
    const res = await call("PATCH", `${b.p.base}/reservations/${b.id}`, { token: b.p.token, body: { notes: "Window seat" } });
    expect(res.status, res.text).toBe(200);
    await flush(b.p.locationId);
    expect((await textsAbout(b.p.stub, b.id)).map((t) => t.kind)).toEqual(["reservation_confirmation"]);
    expect(await emailsTo(b.email!)).toHaveLength(1);
  });

  it("a cancellation by the guest: a text and an email that offers booking again", async () => {
    const b = await booking();
    await flush(b.p.locationId);
    const res = await call("POST", `/api/public/reservations/${b.token}/cancel`);
    expect(res.status, res.text).toBe(200);
    await flush(b.p.locationId);
    const text = await waitForStatus(b.phone, "reservation_cancelled", "sent");
    expect(text.body).toMatch(/is cancelled/);
    const mails = await waitForEmails(b.email!, 2);
    expect(mails[1]!.subject).toMatch(/is cancelled$/);
    expect(mails[1]!.html).toContain(`<a href="https://seatline.test/book/${b.token}">Book again</a>`);
  });

  it("a cancellation by the host and by a reply of 9 tells the guest too", async () => {
    const b = await booking();
    expect((await reservationAct(b.p, b.id, "cancel")).status).toBe(200);
    await flush(b.p.locationId);
    await waitForStatus(b.phone, "reservation_cancelled", "sent");
    await waitForEmails(b.email!, 2);

    const c = await booking({ email: null });
    await flush(c.p.locationId);
    await waitForStatus(c.phone, "reservation_confirmation", "sent");
    await textIn(c.phone, "9");
    await waitFor(async () => (await textsAbout(c.p.stub, c.id)).some((t) => t.kind === "reservation_cancelled"), 10_000, "the cancellation text after 9");
  });

  it("in the guest's language: Spanish text and email", async () => {
    const b = await booking({ language: "es" });
    const res = await call("POST", `/api/public/reservations/${b.token}/cancel`);
    expect(res.status, res.text).toBe(200);
    await flush(b.p.locationId);
    const texts = await textsAbout(b.p.stub, b.id);
    expect(texts.find((t) => t.kind === "reservation_cancelled")!.body).toMatch(/^Lena, tu reserva en .+ está cancelada/);
    const mails = await waitForEmails(b.email!, 2);
    expect(mails[0]!.subject).toMatch(/^Tu mesa en .+ está reservada$/);
    expect(mails[0]!.text).toMatch(/^Hola, Lena:/);
    expect(mails[1]!.subject).toMatch(/^Tu reserva en .+ está cancelada$/);
    expect(mails[1]!.text).toContain("Reservar de nuevo");
  });

  it("never texts an opted-out number (the email still goes)", async () => {
    const phone = freshPhone();
    await textIn(phone, "STOP");
    const b = await booking({ phone });
    await call("POST", `/api/public/reservations/${b.token}/cancel`);
    await flush(b.p.locationId);
    const cancelled = await waitFor(async () => (await rowsTo(phone)).find((r) => r.kind === "reservation_cancelled" && r.status === "refused"), 10_000, "the cancellation refused");
    expect((await messageRow(cancelled.id))?.error_code).toBe("opted_out");
    expect(await received("twilio", phone)).toHaveLength(0);
    expect(await received("telnyx", phone)).toHaveLength(0);
    await waitForEmails(b.email!, 2);
  });

  it("no email without an address, no text without consent", async () => {
    const b = await booking({ email: null, smsConsent: false });
    await call("POST", `/api/public/reservations/${b.token}/cancel`);
    await flush(b.p.locationId);
    expect(await textsAbout(b.p.stub, b.id)).toEqual([]);
    const queued = await runInDurableObject(b.p.stub, (_i, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM email_outbox").one().n);
    expect(queued).toBe(0);
  });
});
