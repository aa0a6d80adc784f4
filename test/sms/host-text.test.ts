// A host's own text to a party: POST /api/locations/:id/waitlist/:partyId/messages.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { addParty, conversation, flush, freshPhone, received, rowsTo, sendText, waitForStatus } from "./helpers";

let o: SignedUp;
let other: SignedUp;
beforeAll(async () => {
  o = await signUp();
  other = await signUp();
});

describe("host free text", () => {
  it("is accepted (202 with its segment count) and the guest receives it", async () => {
    const phone = freshPhone();
    const party = await addParty(o, { phone, smsConsent: true });
    const res = await sendText(o, party.id, { body: "  Your high chair is ready.  " });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ messageId: expect.any(String), segments: { encoding: "GSM-7", units: 25, segments: 1, remaining: 135 } });
    await flush(o.locationId);
    const row = await waitForStatus(phone, "custom", "sent");
    expect(row).toMatchObject({ id: res.json.messageId, body: "Your high chair is ready.", party_id: party.id, account_id: o.accountId });
    expect((await received("twilio", phone)).map((m) => m.body)).toContain("Your high chair is ready.");
    const convo = await conversation(o, party.id);
    expect(convo.json.messages.map((m: any) => m.kind)).toEqual(["joined", "custom"]);
  });

  it("without the guest's consent is 409 and nothing is queued", async () => {
    const phone = freshPhone();
    const party = await addParty(o, { phone, smsConsent: false });
    expectError(await sendText(o, party.id, { body: "Hi" }), 409, "conflict");
    await flush(o.locationId);
    expect(await rowsTo(phone)).toEqual([]);
  });

  it("to a party without a phone number is 409", async () => {
    const party = await addParty(o, { smsConsent: true });
    expectError(await sendText(o, party.id, { body: "Hi" }), 409, "conflict");
  });

  it("to another account's location is 404 and sends nothing", async () => {
    const phone = freshPhone();
    const theirs = await addParty(other, { phone, smsConsent: true });
    expectError(await call("POST", `/api/locations/${other.locationId}/waitlist/${theirs.id}/messages`, { token: o.token, body: { body: "Hi" } }), 404, "not_found");
    expectError(await call("GET", `/api/locations/${other.locationId}/waitlist/${theirs.id}/messages`, { token: o.token }), 404, "not_found");
    await flush(other.locationId);
    expect((await rowsTo(phone)).map((r) => r.kind)).toEqual(["joined"]);
  });

  it("to another account's party through one's own location is 404", async () => {
    const theirs = await addParty(other, { phone: freshPhone(), smsConsent: true });
    expectError(await sendText(o, theirs.id, { body: "Hi" }), 404, "not_found");
  });

  it("to a party that does not exist is 404", async () => {
    expectError(await sendText(o, crypto.randomUUID(), { body: "Hi" }), 404, "not_found");
  });
});

describe("a party's conversation (GET …/waitlist/:partyId/messages)", () => {
  it("of another account's party through one's own location is 404, never its messages", async () => {
    const phone = freshPhone();
    const theirs = await addParty(other, { phone, smsConsent: true });
    await flush(other.locationId);
    await waitForStatus(phone, "joined", "sent");
    expectError(await conversation(o, theirs.id), 404, "not_found");
  });

  it("of a party that does not exist is 404", async () => {
    expectError(await conversation(o, crypto.randomUUID()), 404, "not_found");
  });

  it("of a party that has left the line and been flushed is still listed", async () => {
    const phone = freshPhone();
    const party = await addParty(o, { phone, smsConsent: true });
    await flush(o.locationId);
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/seat`, { token: o.token })).status).toBe(200);
    await flush(o.locationId);
    const res = await conversation(o, party.id);
    expect(res.status).toBe(200);
    expect(res.json.messages.map((m: any) => m.kind)).toEqual(["joined"]);
  });
});

describe("host free text, bad input", () => {

  it("needs a session: 401 without one", async () => {
    const party = await addParty(o, { phone: freshPhone(), smsConsent: true });
    expectError(await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/messages`, { body: { body: "Hi" } }), 401, "unauthorized");
  });

  it.each([
    ["no body field", {}],
    ["an empty text", { body: "" }],
    ["only spaces", { body: "   " }],
    ["a number", { body: 42 }],
    ["an extra field", { body: "Hi", to: "+15550000000" }],
    ["a text over 640 characters", { body: "x".repeat(641) }],
  ])("with %s is 400 and queues nothing", async (_what, body) => {
    const phone = freshPhone();
    const party = await addParty(o, { phone, smsConsent: true });
    await flush(o.locationId);
    expectError(await sendText(o, party.id, body), 400, "validation_failed");
    await flush(o.locationId);
    expect((await rowsTo(phone)).map((r) => r.kind)).toEqual(["joined"]);
  });

  it("with a body that is not JSON is 400", async () => {
    const party = await addParty(o, { phone: freshPhone(), smsConsent: true });
    expectError(
      await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/messages`, { token: o.token, raw: "{body:", headers: { "Content-Type": "application/json" } }),
      400,
      "validation_failed",
    );
  });

  it("with a party id that is not a uuid is 400", async () => {
    expectError(await sendText(o, "not-a-uuid", { body: "Hi" }), 400, "validation_failed");
  });
});
