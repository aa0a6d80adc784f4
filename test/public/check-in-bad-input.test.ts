import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { checkIn, expectError, freshPhone, slugOf } from "./support";

const good = () => ({ name: "Walk-in", phone: freshPhone(), partySize: 2, smsConsent: true });

describe("self check-in: bad input", () => {
  it("answers 400 in the one error shape for each bad body, and adds nothing", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const bodies: [string, unknown][] = [
      ["no body fields", {}],
      ["missing name", { ...good(), name: undefined }],
      ["missing phone", { ...good(), phone: undefined }],
      ["missing size", { ...good(), partySize: undefined }],
      ["missing consent", { ...good(), smsConsent: undefined }],
      ["name a number", { ...good(), name: 42 }],
      ["blank name", { ...good(), name: "   " }],
      ["size a string", { ...good(), partySize: "2" }],
      ["size zero", { ...good(), partySize: 0 }],
      ["size fractional", { ...good(), partySize: 2.5 }],
      ["consent a string", { ...good(), smsConsent: "yes" }],
      ["phone a number", { ...good(), phone: 4155550100 }],
      ["extra field", { ...good(), source: "host" }],
      ["extra field quotedWaitMinutes", { ...good(), quotedWaitMinutes: 0 }],
      ["name too long", { ...good(), name: "n".repeat(81) }],
      ["notes too long", { ...good(), notes: "n".repeat(501) }],
      ["phone too long", { ...good(), phone: "1".repeat(33) }],
      ["phone letters", { ...good(), phone: "call me maybe" }],
      ["phone too short", { ...good(), phone: "12345" }],
      ["phone NANP wrong length", { ...good(), phone: "+1 415 555 01" }],
      ["an array", [good()]],
      ["null", null],
    ];
    for (const [what, body] of bodies) {
      const res = await call("POST", `/api/public/locations/${slug}/waitlist`, { raw: JSON.stringify(body), headers: { "Content-Type": "application/json" }, ip: `198.19.0.${bodies.findIndex(([w]) => w === what) + 1}` });
      expectError(res, 400, "validation_failed");
    }
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.parties).toEqual([]);
    expect(list.json.version).toBe(0);
  });

  it("answers 400 for malformed JSON and 413 for an oversized body, and adds nothing", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    expectError(await call("POST", `/api/public/locations/${slug}/waitlist`, { raw: "{name:", headers: { "Content-Type": "application/json" } }), 400, "validation_failed");
    const huge = JSON.stringify({ ...good(), notes: "x".repeat(70 * 1024) });
    expectError(await call("POST", `/api/public/locations/${slug}/waitlist`, { raw: huge, headers: { "Content-Type": "application/json" } }), 413, "payload_too_large");
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.version).toBe(0);
  });

  it("still accepts a good body afterwards", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    expect((await checkIn(slug, good())).status).toBe(201);
  });
});
