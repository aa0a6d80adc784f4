// STOP and its kin opt the number out of the account's texts on both providers, with one
// confirmation; START opts back in.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { attempts, attemptsWithBody, flush, inboundFrom, messageRow, optedOut, postTelnyx, received, rowsTo, sendText, telnyxEvent, textedParty, textIn, waitForStatus } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

const replies = async (phone: string) => (await rowsTo(phone)).filter((r) => r.kind === "keyword_reply");

describe("inbound STOP", () => {
  it("records the opt-out for the account and queues one confirmation, which is sent", async () => {
    const { phone } = await textedParty(o);
    await textIn(phone, "STOP");

    expect(await optedOut(o.accountId, phone)).toMatchObject({ source: "keyword" });
    expect((await inboundFrom(phone)).map((r) => r.body)).toEqual(["STOP"]);
    const [reply, ...more] = await replies(phone);
    expect(more).toEqual([]);
    expect(reply!.body).toMatch(/unsubscribed/i);
    // Sent although the number is now opted out: the one confirmation the rules allow.
    await waitForStatus(phone, "keyword_reply", "sent");
    expect((await received("twilio", phone)).map((m) => m.body)).toContain(reply!.body);
  });

  it("a second STOP (any spelling) queues no second confirmation", async () => {
    const { phone } = await textedParty(o);
    await textIn(phone, "STOP");
    await textIn(phone, " unsubscribe ");
    await textIn(phone, "Stop");
    expect(await replies(phone)).toHaveLength(1);
    expect(await inboundFrom(phone)).toHaveLength(3);
  });

  it("afterwards a host's text is refused and reaches neither provider", async () => {
    const { party, phone } = await textedParty(o);
    await textIn(phone, "quit");
    const res = await sendText(o, party.id, { body: "Are you still coming?" });
    expect(res.status).toBe(202);
    await flush(o.locationId);
    const row = await waitForStatus(phone, "custom", "refused");
    expect(row).toMatchObject({ id: res.json.messageId, error_code: "opted_out" });
    expect(await attemptsWithBody(phone, "Are you still coming?")).toEqual([]);
  });

  it("afterwards the table-ready text is refused too", async () => {
    const { party, phone } = await textedParty(o);
    await textIn(phone, "OPTOUT");
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token })).status).toBe(200);
    await flush(o.locationId);
    const row = await waitForStatus(phone, "table_ready", "refused");
    expect(await attemptsWithBody(phone, row.body)).toEqual([]);
  });

  it("START opts back in, with a confirmation, and texts flow again", async () => {
    const { party, phone } = await textedParty(o);
    await textIn(phone, "STOP");
    await textIn(phone, "start");
    expect(await optedOut(o.accountId, phone)).toBeNull();
    const bodies = (await replies(phone)).map((r) => r.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toMatch(/resubscribed/i);

    const res = await sendText(o, party.id, { body: "Welcome back" });
    await flush(o.locationId);
    await waitForStatus(phone, "custom", "sent");
    expect((await messageRow(res.json.messageId))?.status).toBe("sent");
    expect((await received("twilio", phone)).map((m) => m.body)).toContain("Welcome back");
  });

  it("STOP through Telnyx works the same, and the confirmation goes back through Telnyx", async () => {
    const { phone } = await textedParty(o);
    const event = telnyxEvent("message.received", { id: crypto.randomUUID(), text: "Stop", from: { phone_number: phone }, to: [{ phone_number: "+15005550007" }] });
    expect((await postTelnyx(event)).status).toBe(204);
    expect(await optedOut(o.accountId, phone)).toMatchObject({ source: "keyword" });
    const reply = await waitForStatus(phone, "keyword_reply", "sent");
    expect(reply.provider).toBe("telnyx");
    expect(await attempts("telnyx", phone)).toEqual([expect.objectContaining({ body: reply.body })]);
  });

  it("a repeated inbound webhook (same provider message id) is stored and acted on once", async () => {
    const { phone } = await textedParty(o);
    const sid = `SM${crypto.randomUUID().replace(/-/g, "")}`;
    await textIn(phone, "STOP", sid);
    await textIn(phone, "STOP", sid);
    expect(await inboundFrom(phone)).toHaveLength(1);
    expect(await replies(phone)).toHaveLength(1);
  });
});
