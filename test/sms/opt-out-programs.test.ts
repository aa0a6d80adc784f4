// Carrier rules tie an opt-out to the sending number or program, not to the restaurant that texted
// last. With the shared numbers, a STOP (through either provider) stops every account texting
// through them; an account with its own numbers keeps its own ledger. START confirms only a real
// opt-out. The per-account rules for own numbers are in README "SMS".
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { addParty, behave, deliver, flush, freshPhone, inboundFrom, insertQueued, messageRow, postTelnyx, received, rowsTo, sendText, telnyxEvent, textIn, waitForStatus } from "./helpers";

let a: SignedUp;
let b: SignedUp;
let own: SignedUp;
const OWN_TWILIO = "+15005550100";
const OWN_TELNYX = "+15005550101";

beforeAll(async () => {
  [a, b, own] = await Promise.all([signUp(), signUp(), signUp()]);
  const at = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO sms_senders (id, account_id, location_id, provider, address, created_at) VALUES (?, ?, NULL, 'twilio', ?, ?)").bind(crypto.randomUUID(), own.accountId, OWN_TWILIO, at),
    env.DB.prepare("INSERT INTO sms_senders (id, account_id, location_id, provider, address, created_at) VALUES (?, ?, NULL, 'telnyx', ?, ?)").bind(crypto.randomUUID(), own.accountId, OWN_TELNYX, at),
  ]);
});

/** The owner's location texts `phone` (a consenting party, "joined" sent); returns the party. */
async function texted(owner: SignedUp, phone: string) {
  const party = await addParty(owner, { name: "Guest", phone, smsConsent: true });
  await flush(owner.locationId);
  await waitFor(async () => (await rowsTo(phone)).find((r) => r.account_id === owner.accountId && r.kind === "joined" && r.status === "sent"));
  return party;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A host text from `owner` to its party; resolves to the row's final status. */
async function hostText(owner: SignedUp, partyId: string, phone: string, body: string) {
  const res = await sendText(owner, partyId, { body });
  expect(res.status).toBe(202);
  await flush(owner.locationId);
  return waitFor(async () => {
    const row = await messageRow(res.json.messageId);
    return row && ["sent", "refused", "failed"].includes(row.status) ? row : undefined;
  });
}

const replies = async (phone: string) => (await rowsTo(phone)).filter((r) => r.kind === "keyword_reply");
const telnyxIn = (from: string, text: string, to = "+15005550007") =>
  postTelnyx(telnyxEvent("message.received", { id: crypto.randomUUID(), text, from: { phone_number: from }, to: [{ phone_number: to }] }));

describe("shared numbers: a STOP is for the number, across accounts and providers", () => {
  it("STOP to the shared Twilio number stops every account's texts, through either provider", async () => {
    const phone = freshPhone();
    const pa = await texted(a, phone);
    await texted(b, phone);
    await textIn(phone, "STOP"); // matched to b, the last to text
    expect(await replies(phone)).toHaveLength(1);
    // a never heard the STOP, yet cannot text the number: not through Twilio…
    expect(await hostText(a, pa.id, phone, "From A after STOP")).toMatchObject({ status: "refused", error_code: "opted_out" });
    // …nor through Telnyx as a direct send.
    const id = await insertQueued(a, phone, { body: "A via Telnyx" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "telnyx" }]);
    expect(await messageRow(id)).toMatchObject({ status: "refused" });
    expect([...(await received("twilio", phone)), ...(await received("telnyx", phone))].map((m) => m.body)).not.toContain("A via Telnyx");
  });

  it("STOP to the shared Telnyx number stops a Twilio-primary account too", async () => {
    const phone = freshPhone();
    const pa = await texted(a, phone);
    await texted(b, phone);
    expect((await telnyxIn(phone, "stop")).status).toBe(204);
    expect(await hostText(a, pa.id, phone, "A after Telnyx STOP")).toMatchObject({ status: "refused" });
  });

  it("a STOP from a number no account texted lately is still honoured", async () => {
    const phone = freshPhone();
    await textIn(phone, "STOP");
    expect(await inboundFrom(phone)).toEqual([]);
    await addParty(a, { name: "Guest", phone, smsConsent: true });
    await flush(a.locationId);
    // The "joined" text itself is refused: the number opted out before anyone texted it.
    expect(await waitForStatus(phone, "joined", "refused")).toMatchObject({ error_code: "opted_out" });
    expect(await received("twilio", phone)).toEqual([]);
  });

  it("START to the shared number resubscribes it for every account, with one confirmation", async () => {
    const phone = freshPhone();
    const pa = await texted(a, phone);
    await texted(b, phone);
    await textIn(phone, "STOP");
    await telnyxIn(phone, "START");
    const bodies = (await replies(phone)).map((r) => r.body);
    expect(bodies).toEqual([expect.stringMatching(/unsubscribed/i), expect.stringMatching(/resubscribed/i)]);
    expect(await hostText(a, pa.id, phone, "A after START")).toMatchObject({ status: "sent" });
  });

  it("START from a number that never opted out is not answered", async () => {
    const phone = freshPhone();
    await texted(a, phone);
    await textIn(phone, "START");
    await textIn(phone, "unstop");
    expect(await inboundFrom(phone)).toHaveLength(2);
    expect(await replies(phone)).toEqual([]);
  });
});

describe("an account with its own numbers keeps its own ledger", () => {
  it("texts go out from its own number, through either provider", async () => {
    const phone = freshPhone();
    await texted(own, phone);
    expect((await received("twilio", phone)).map((m) => m.from)).toEqual([OWN_TWILIO]);
    await behave("twilio", phone, { mode: "down" });
    const id = await insertQueued(own, phone, { body: "Own via Telnyx" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx", from_phone: OWN_TELNYX });
    expect((await received("telnyx", phone)).map((m) => m.from)).toEqual([OWN_TELNYX]);
  });

  it("a STOP to its number opts out of that account only; shared-number accounts still text", async () => {
    const phone = freshPhone();
    const po = await texted(own, phone);
    const pa = await texted(a, phone);
    // The guest answers the account's own number, though a texted them last.
    await textIn(phone, "STOP", undefined, OWN_TWILIO);
    const [reply] = await replies(phone);
    expect(reply).toMatchObject({ account_id: own.accountId });
    expect(await hostText(own, po.id, phone, "Own after STOP")).toMatchObject({ status: "refused" });
    expect(await hostText(a, pa.id, phone, "Shared after own STOP")).toMatchObject({ status: "sent" });
  });

  it("a STOP to the shared number does not stop the account with its own numbers", async () => {
    const phone = freshPhone();
    const po = await texted(own, phone);
    const pa = await texted(a, phone);
    await textIn(phone, "STOP");
    expect(await hostText(a, pa.id, phone, "Shared after shared STOP")).toMatchObject({ status: "refused" });
    expect(await hostText(own, po.id, phone, "Own after shared STOP")).toMatchObject({ status: "sent" });
    await waitForStatus(phone, "custom", "sent");
  });
});
