// The conversation with a party: guests' texts are stored, listed and pushed to host screens as
// `message.received`; every status change of our texts is pushed as `message.status_changed`, and the provider taking it as `message.sent` (the webhooks' names).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { closeAll, isSnapshot, openHost } from "../live/socket";
import { addParty, conversation, flush, freshPhone, rowsTo, textedParty, textIn, twilioStatus } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
afterEach(closeAll);

describe("a party's conversation", () => {
  it("stores an ordinary text and lists it after our own, oldest first", async () => {
    const { party, phone } = await textedParty(o);
    await textIn(phone, "Running 5 minutes late, sorry!");
    const res = await conversation(o, party.id);
    expect(res.status).toBe(200);
    expect(res.json.messages).toEqual([
      expect.objectContaining({ direction: "outbound", kind: "joined", status: "sent", provider: "twilio" }),
      expect.objectContaining({ direction: "inbound", kind: "inbound", status: "received", body: "Running 5 minutes late, sorry!", provider: "twilio" }),
    ]);
    for (const m of res.json.messages) expect(Date.parse(m.createdAt)).not.toBeNaN();
  });

  it("pushes a guest's text to the host screen as message.received", async () => {
    const { party, phone } = await textedParty(o);
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    await textIn(phone, "Can we sit outside?");
    const event = await host.next((m) => m?.event === "message.received");
    expect(event.message).toMatchObject({ partyId: party.id, direction: "inbound", body: "Can we sit outside?", status: "received" });
  });

  it("pushes queued (message.status_changed), sent (message.sent), then delivered (message.status_changed) after a signed status callback", async () => {
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    const phone = freshPhone();
    const party = await addParty(o, { name: "Live", phone, smsConsent: true });
    await flush(o.locationId);

    const queued = await host.next((m) => m?.event === "message.status_changed" && m.message.partyId === party.id);
    expect(queued.message).toMatchObject({ kind: "joined", status: "queued", provider: null });
    const sent = await host.next((m) => m?.event === "message.sent" && m.message.id === queued.message.id, 10_000);
    expect(sent.message).toMatchObject({ kind: "joined", status: "sent", provider: "twilio" });
    expect(sent.version).toBeGreaterThan(queued.version);
    const [row] = await rowsTo(phone);
    expect(row!.id).toBe(sent.message.id);

    expect((await twilioStatus(row!.provider_message_id, "delivered")).status).toBe(204);
    const delivered = await host.next((m) => m?.event === "message.status_changed" && m.message.id === row!.id);
    expect(delivered.message).toMatchObject({ status: "delivered" });
    expect(delivered.version).toBeGreaterThan(sent.version);
  });

  it("lists nothing of another party's conversation", async () => {
    const a = await textedParty(o, "A");
    const b = await textedParty(o, "B");
    await textIn(a.phone, "Only for A");
    const res = await conversation(o, b.party.id);
    expect(res.json.messages.map((m: any) => m.body)).not.toContain("Only for A");
  });
});
