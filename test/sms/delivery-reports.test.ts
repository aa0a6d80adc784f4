// Providers may repeat delivery reports and send them out of order; a status only moves forward.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { closeAll, isSnapshot, openHost } from "../live/socket";
import { messageRow, optedOut, postTelnyx, sentMessage, telnyxEvent, twilioStatus } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
afterEach(closeAll);

const telnyxReport = (id: string, to: string, status: string, type = "message.finalized", errors: unknown[] = []) =>
  postTelnyx(telnyxEvent(type, { id, to: [{ phone_number: to, status }], errors }));

describe("Twilio delivery reports", () => {
  it("delivered then a late sent: stays delivered", async () => {
    const m = await sentMessage(o);
    expect((await twilioStatus(m.sid, "delivered")).status).toBe(204);
    const after = await messageRow(m.id);
    expect(after).toMatchObject({ status: "delivered" });
    expect(after!.delivered_at).toEqual(expect.any(Number));
    expect((await twilioStatus(m.sid, "sent")).status).toBe(204);
    expect(await messageRow(m.id)).toEqual(after);
  });

  it("a repeated report changes nothing and tells the host screen once", async () => {
    const m = await sentMessage(o);
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    await twilioStatus(m.sid, "delivered");
    const after = await messageRow(m.id);
    await twilioStatus(m.sid, "delivered");
    expect(await messageRow(m.id)).toEqual(after);
    await host.next((e) => e?.event === "message.status_changed" && e.message.id === m.id && e.message.status === "delivered");
    // A later, unrelated event proves the duplicate announced nothing in between.
    const marker = await sentMessage(o);
    await host.next((e) => e?.event?.startsWith("message.") && e.message.id === marker.id);
    expect(host.messages.filter((e) => e?.event === "message.status_changed" && e.message.id === m.id)).toHaveLength(1);
  });

  it("ignores intermediate statuses (queued, sending) that would move nothing", async () => {
    const m = await sentMessage(o);
    await twilioStatus(m.sid, "queued");
    await twilioStatus(m.sid, "sending");
    expect(await messageRow(m.id)).toMatchObject({ status: "sent", updated_at: m.row.updated_at });
  });

  it("records an undelivered report with its error code; a late delivered does not undo it", async () => {
    const m = await sentMessage(o);
    await twilioStatus(m.sid, "undelivered", { ErrorCode: "30003" });
    expect(await messageRow(m.id)).toMatchObject({ status: "undelivered", error_code: "twilio:30003" });
    await twilioStatus(m.sid, "delivered");
    expect(await messageRow(m.id)).toMatchObject({ status: "undelivered" });
  });

  it("a failed report with the unsubscribed code records the opt-out", async () => {
    const m = await sentMessage(o);
    await twilioStatus(m.sid, "failed", { ErrorCode: "21610" });
    expect(await messageRow(m.id)).toMatchObject({ status: "failed", error_code: "twilio:21610" });
    expect(await optedOut(o.accountId, m.phone)).toMatchObject({ source: "twilio:21610" });
  });

  it("a report for an unknown message id is accepted and changes nothing", async () => {
    expect((await twilioStatus("SM00000000000000000000000000000000", "delivered")).status).toBe(204);
  });

  it("a Twilio report cannot move a message that went through Telnyx", async () => {
    const m = await sentMessage(o, "telnyx");
    await twilioStatus(m.sid, "delivered");
    expect(await messageRow(m.id)).toMatchObject({ status: "sent", provider: "telnyx" });
  });
});

describe("Telnyx delivery reports", () => {
  it("delivered then a late message.sent: stays delivered", async () => {
    const m = await sentMessage(o, "telnyx");
    expect((await telnyxReport(m.sid, m.phone, "delivered")).status).toBe(204);
    const after = await messageRow(m.id);
    expect(after).toMatchObject({ status: "delivered" });
    expect((await telnyxReport(m.sid, m.phone, "sent", "message.sent")).status).toBe(204);
    expect(await messageRow(m.id)).toEqual(after);
  });

  it("a repeated report changes nothing", async () => {
    const m = await sentMessage(o, "telnyx");
    await telnyxReport(m.sid, m.phone, "delivered");
    const after = await messageRow(m.id);
    await telnyxReport(m.sid, m.phone, "delivered");
    expect(await messageRow(m.id)).toEqual(after);
  });

  it("delivery_failed becomes undelivered with the code, and the opt-out code records the opt-out", async () => {
    const m = await sentMessage(o, "telnyx");
    await telnyxReport(m.sid, m.phone, "delivery_failed", "message.finalized", [{ code: "40300", title: "Blocked: STOP" }]);
    expect(await messageRow(m.id)).toMatchObject({ status: "undelivered", error_code: "telnyx:40300" });
    expect(await optedOut(o.accountId, m.phone)).toMatchObject({ source: "telnyx:40300" });
  });

  it("a Telnyx report cannot move a message that went through Twilio", async () => {
    const m = await sentMessage(o, "twilio");
    await telnyxReport(m.sid, m.phone, "delivered");
    expect(await messageRow(m.id)).toMatchObject({ status: "sent", provider: "twilio" });
  });
});
