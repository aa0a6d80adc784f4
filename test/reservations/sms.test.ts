// The confirmation text on booking (through the real SMS path to the fake provider), and replies
// to a reservation's text: "1" confirms it, "9" cancels it.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { flush, freshPhone, received, textIn, waitForStatus } from "../sms/helpers";
import { waitFor } from "../helpers/api";
import { bookPlace, dayFromNow, localIso, publicBook, textsAbout } from "./support";

async function bookWithPhone(smsConsent = true) {
  const p = await bookPlace();
  const phone = freshPhone();
  const date = dayFromNow(2, p.timezone);
  const res = await publicBook(p, { name: "Text me", phone, start: localIso(date, "19:00", p.timezone), smsConsent });
  expect(res.status, res.text).toBe(201);
  const id = await runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT id FROM reservations").one().id as string);
  return { p, phone, id, token: res.json.token as string };
}

function statusOf(stub: DurableObjectStub, id: string) {
  return runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT status FROM reservations WHERE id = ?", id).one().status as string);
}

describe("reservation texts", () => {
  it("a consenting guest gets the confirmation with the time and the manage link at the provider", async () => {
    const { p, phone, token } = await bookWithPhone();
    await flush(p.locationId);
    await waitForStatus(phone, "reservation_confirmation", "sent");
    const got = await received("twilio", phone);
    expect(got).toHaveLength(1);
    expect(got[0]!.body).toContain(`https://seatline.test/book/${token}`);
    expect(got[0]!.body).toMatch(/booked for \w{3} \d{1,2} \w{3}, 19:00/);
  });

  it("a guest without consent gets no text", async () => {
    const { p, id } = await bookWithPhone(false);
    expect(await textsAbout(p.stub, id)).toEqual([]);
  });

  it('"1" in reply to the confirmation confirms the reservation', async () => {
    const { p, phone, id } = await bookWithPhone();
    await flush(p.locationId);
    await waitForStatus(phone, "reservation_confirmation", "sent");
    await textIn(phone, "1");
    await waitFor(async () => (await statusOf(p.stub, id)) === "confirmed", 5000, "confirmed");
  });

  it('"9" in reply cancels the reservation', async () => {
    const { p, phone, id } = await bookWithPhone();
    await flush(p.locationId);
    await waitForStatus(phone, "reservation_confirmation", "sent");
    await textIn(phone, "9");
    await waitFor(async () => (await statusOf(p.stub, id)) === "cancelled", 5000, "cancelled");
  });

  it("any other reply changes nothing", async () => {
    const { p, phone, id } = await bookWithPhone();
    await flush(p.locationId);
    await waitForStatus(phone, "reservation_confirmation", "sent");
    await textIn(phone, "see you then");
    expect(await statusOf(p.stub, id)).toBe("booked");
  });
});
