// Telnyx's webhook accepts an event exactly when its Ed25519 signature over "timestamp|body" checks
// out with the account's public key and the timestamp is within 5 minutes; else 403, nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { inboundFrom, messageRow, postTelnyx, sentMessage, telnyxEvent, telnyxSign } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const delivered = (id: string, to: string) => telnyxEvent("message.finalized", { id, to: [{ phone_number: to, status: "delivered" }], errors: [] });

function expectForbidden(res: { status: number; json: any }) {
  expect(res.status).toBe(403);
  expect(res.json).toEqual({ error: { code: "forbidden", message: expect.any(String), details: expect.any(Array) } });
}

describe("POST /webhooks/telnyx", () => {
  it("accepts a correctly signed delivery report and applies it", async () => {
    const m = await sentMessage(o, "telnyx");
    const res = await postTelnyx(delivered(m.sid, m.phone));
    expect(res.status).toBe(204);
    expect(await messageRow(m.id)).toMatchObject({ status: "delivered" });
  });

  it("accepts a timestamp a little in the past (within 5 minutes)", async () => {
    const m = await sentMessage(o, "telnyx");
    expect((await postTelnyx(delivered(m.sid, m.phone), { timestamp: String(nowSeconds() - 240) })).status).toBe(204);
    expect(await messageRow(m.id)).toMatchObject({ status: "delivered" });
  });

  it("accepts a correctly signed inbound message and stores it", async () => {
    const m = await sentMessage(o, "telnyx");
    const event = telnyxEvent("message.received", { id: crypto.randomUUID(), text: "Via Telnyx", from: { phone_number: m.phone }, to: [{ phone_number: "+15005550007" }] });
    expect((await postTelnyx(event)).status).toBe(204);
    expect(await inboundFrom(m.phone)).toEqual([expect.objectContaining({ body: "Via Telnyx", provider: "telnyx", status: "received", kind: "inbound" })]);
  });

  it.each([
    ["a stale timestamp (6 minutes old)", (_body: string) => ({ timestamp: String(nowSeconds() - 360) })],
    ["a timestamp 6 minutes in the future", (_body: string) => ({ timestamp: String(nowSeconds() + 360) })],
    ["a forged signature", (_body: string) => ({ signature: btoa(String.fromCharCode(...new Uint8Array(64).fill(7))) })],
    ["a signature that is not base64", (_body: string) => ({ signature: "%%%not-base64%%%" })],
    ["a body changed after signing", (body: string) => ({ signedBody: body.replace("delivered", "sent") })],
    ["no signature header", (_body: string) => ({ signature: null })],
    ["an empty signature", (_body: string) => ({ signature: "" })],
    ["a timestamp that is not a number", (_body: string) => ({ timestamp: "yesterday" })],
  ] as const)("refuses %s with 403 and changes nothing", async (_what, opts) => {
    const m = await sentMessage(o, "telnyx");
    const body = delivered(m.sid, m.phone);
    expectForbidden(await postTelnyx(body, opts(body)));
    expect(await messageRow(m.id)).toMatchObject({ status: "sent", updated_at: m.row.updated_at, delivered_at: null });
  });

  it("refuses a request without the timestamp header", async () => {
    const m = await sentMessage(o, "telnyx");
    const body = delivered(m.sid, m.phone);
    const timestamp = String(nowSeconds());
    const { signature } = await telnyxSign(timestamp, body);
    expectForbidden(await call("POST", "/webhooks/telnyx", { raw: body, headers: { "Content-Type": "application/json", "telnyx-signature-ed25519": signature } }));
    expect(await messageRow(m.id)).toMatchObject({ status: "sent" });
  });

  it("refuses a valid signature replayed with a different timestamp", async () => {
    const m = await sentMessage(o, "telnyx");
    const body = delivered(m.sid, m.phone);
    const { signature } = await telnyxSign(String(nowSeconds() - 10), body);
    expectForbidden(await postTelnyx(body, { timestamp: String(nowSeconds()), signature }));
    expect(await messageRow(m.id)).toMatchObject({ status: "sent" });
  });

  it("refuses an inbound STOP with a bad signature: nothing stored", async () => {
    const m = await sentMessage(o, "telnyx");
    const event = telnyxEvent("message.received", { id: crypto.randomUUID(), text: "STOP", from: { phone_number: m.phone }, to: [{ phone_number: "+15005550007" }] });
    expectForbidden(await postTelnyx(event, { signedBody: event.replace("STOP", "HELP") }));
    expect(await inboundFrom(m.phone)).toEqual([]);
  });

  it("answers a signed body that is not JSON with 400", async () => {
    const res = await postTelnyx("not json");
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
  });
});
